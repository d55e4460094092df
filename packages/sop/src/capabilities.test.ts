import { ROLES, type Role } from './roles';
import {
  BLOCKED_REASON_LABELS,
  CAPABILITIES,
  capabilityRoles,
  requestActionLabel,
  requestCapabilities,
  type OfferedAction,
} from './capabilities';
import { REQUEST_STATUSES, REQUEST_TRANSITIONS, requestActionRoles, type RequestGuardContext, type RequestStatus } from './state-machine';

describe('the capability table', () => {
  it.each(REQUEST_TRANSITIONS.map((t) => t.action))('request.%s has the roles of its transitions', (action) => {
    expect(new Set(capabilityRoles(`request.${action}`))).toEqual(new Set(requestActionRoles(action)));
  });

  it.each<[Parameters<typeof capabilityRoles>[0], Role[]]>([
    ['request.REGISTER', ['SEKRETARIS']],
    ['request.CANCEL', ['SEKRETARIS']],
    ['request.CLOSE_COLLECTION', ['KASUBBAG']],
    ['request.ACKNOWLEDGE', ['KEPALA_DINAS']],
    ['request.KEPALA_RETURN', ['KEPALA_DINAS']],
    ['request.FORWARD_COLLECTION', ['PENYUSUN', 'KASUBBAG']],
    ['analysis.SAVE', ['KASUBBAG']],
    ['submission.SUBMIT', ['BIDANG_OPERATOR', 'BIDANG_HEAD']],
    ['submission.ACCEPT', ['KASUBBAG', 'PENYUSUN']],
  ])('%s → %j', (name, roles) => {
    expect(capabilityRoles(name)).toEqual(roles);
  });

  it('cancel is possible from every status before DONE, and from no other', () => {
    expect(CAPABILITIES['request.CANCEL'].requestStates).toEqual(REQUEST_STATUSES.filter((s) => s !== 'DONE' && s !== 'CANCELLED'));
  });

  it('every refusal has a label in both languages', () => {
    for (const label of Object.values(BLOCKED_REASON_LABELS)) {
      expect(label.id.length).toBeGreaterThan(5);
      expect(label.en.length).toBeGreaterThan(5);
    }
  });
});

describe('what is offered, and why it would be refused', () => {
  const sub = (status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED' | 'WAIVED', bidangId: string) => ({ status, bidangId });
  it.each<[string, RequestStatus, Role[], RequestGuardContext, OfferedAction[]]>([
    ['Sekretaris at step 1', 'AT_SEKRETARIS', ['SEKRETARIS'], {}, [{ action: 'DISPOSE_TO_KASUBBAG', blockedReason: null }, { action: 'CANCEL', blockedReason: null }]],
    ['Kasubbag at step 1', 'AT_SEKRETARIS', ['KASUBBAG'], {}, []],
    ['Penyusun at step 4, one draft', 'COLLECTING', ['PENYUSUN'], { submissions: [sub('ACCEPTED', 'a'), sub('DRAFT', 'b')] }, [{ action: 'FORWARD_COLLECTION', blockedReason: 'SUBMISSIONS_INCOMPLETE' }]],
    [
      'Kasubbag at step 4, one draft: forward blocked, waiver offered',
      'COLLECTING', ['KASUBBAG'], { submissions: [sub('ACCEPTED', 'a'), sub('DRAFT', 'b')] },
      [{ action: 'FORWARD_COLLECTION', blockedReason: 'SUBMISSIONS_INCOMPLETE' }, { action: 'CLOSE_COLLECTION', blockedReason: null }],
    ],
    [
      'Kasubbag at step 4, all accepted: nothing to waive',
      'COLLECTING', ['KASUBBAG'], { submissions: [sub('ACCEPTED', 'a'), sub('ACCEPTED', 'b')] },
      [{ action: 'FORWARD_COLLECTION', blockedReason: null }, { action: 'CLOSE_COLLECTION', blockedReason: 'NOTHING_TO_WAIVE' }],
    ],
    ['Kasubbag at step 6 without analysis', 'ANALYSING', ['KASUBBAG'], { hasAnalysis: false }, [{ action: 'SUBMIT_REPORT', blockedReason: 'ANALYSIS_MISSING' }]],
    ['Kepala at his desk', 'AT_KEPALA', ['KEPALA_DINAS'], {}, [{ action: 'ACKNOWLEDGE', blockedReason: null }, { action: 'KEPALA_RETURN', blockedReason: null }]],
    ['Kepala once DONE', 'DONE', ['KEPALA_DINAS'], {}, []],
    ['anyone once CANCELLED', 'CANCELLED', [...ROLES], {}, []],
  ])('%s', (_name, status, roles, ctx, offered) => {
    expect(requestCapabilities(status, roles, ctx)).toEqual(offered);
  });
});

describe('labels', () => {
  it('the Kasubbag is never offered a hand-over to himself', () => {
    expect(requestActionLabel('FORWARD_COLLECTION', 'KASUBBAG').id).not.toMatch(/kepada Kasubbag/);
    expect(requestActionLabel('FORWARD_COLLECTION', 'PENYUSUN').id).toMatch(/kepada Kasubbag/);
  });
});
