import type { Role } from './roles';
import {
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  REQUEST_TRANSITIONS,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_STATUSES,
  availableRequestActions,
  checkRequestTransition,
  checkSubmissionTransition,
  isSubmissionEditable,
  statusOfStep,
  stepOfStatus,
  type RequestAction,
  type RequestGuardContext,
  type RequestStatus,
  type SubmissionAction,
  type SubmissionStatus,
} from './state-machine';
import type { StepNo } from './steps';

const ALL_ACCEPTED: RequestGuardContext = { submissions: [{ status: 'ACCEPTED' }, { status: 'ACCEPTED' }] };

describe('request status ↔ step', () => {
  it.each<[StepNo, RequestStatus]>([
    [1, 'AT_SEKRETARIS'],
    [2, 'AT_KASUBBAG'],
    [3, 'AT_PENYUSUN'],
    [4, 'COLLECTING'],
    [5, 'COMPILING'],
    [6, 'ANALYSING'],
    [7, 'REPORT_AT_SEKRETARIS'],
  ])('step %i is status %s and back', (step, status) => {
    expect(statusOfStep(step)).toBe(status);
    expect(stepOfStatus(status)).toBe(step);
  });

  it('has no step once DONE', () => {
    expect(stepOfStatus('DONE')).toBeNull();
  });

  it('throws for a step outside the SOP', () => {
    expect(() => statusOfStep(8 as StepNo)).toThrow(RangeError);
  });

  it.each(REQUEST_TRANSITIONS.map((t) => [t.action, t]))('%s completes the step of its source status', (_a, t) => {
    expect(stepOfStatus(t.from)).toBe(t.step);
  });
});

describe('request transitions', () => {
  it.each<[RequestAction, RequestStatus, RequestStatus, Role[]]>([
    ['DISPOSE_TO_KASUBBAG', 'AT_SEKRETARIS', 'AT_KASUBBAG', ['SEKRETARIS']],
    ['DISPOSE_TO_STAFF', 'AT_KASUBBAG', 'AT_PENYUSUN', ['KASUBBAG']],
    ['SEND_FORMAT', 'AT_PENYUSUN', 'COLLECTING', ['PENYUSUN', 'KASUBBAG']],
    ['FORWARD_COLLECTION', 'COLLECTING', 'COMPILING', ['PENYUSUN', 'KASUBBAG']],
    ['COMPILE', 'COMPILING', 'ANALYSING', ['KASUBBAG']],
    ['SUBMIT_REPORT', 'ANALYSING', 'REPORT_AT_SEKRETARIS', ['KASUBBAG']],
    ['RAISE_TO_KEPALA', 'REPORT_AT_SEKRETARIS', 'DONE', ['SEKRETARIS']],
    ['RETURN_REPORT', 'REPORT_AT_SEKRETARIS', 'ANALYSING', ['SEKRETARIS']],
  ])('%s moves %s → %s for %j', (action, from, to, roles) => {
    const t = REQUEST_TRANSITIONS.find((x) => x.action === action);
    expect(t).toMatchObject({ from, to, roles });
  });

  it('walks a whole SOP run from AT_SEKRETARIS to DONE', () => {
    const run: [RequestAction, Role][] = [
      ['DISPOSE_TO_KASUBBAG', 'SEKRETARIS'],
      ['DISPOSE_TO_STAFF', 'KASUBBAG'],
      ['SEND_FORMAT', 'PENYUSUN'],
      ['FORWARD_COLLECTION', 'PENYUSUN'],
      ['COMPILE', 'KASUBBAG'],
      ['SUBMIT_REPORT', 'KASUBBAG'],
      ['RAISE_TO_KEPALA', 'SEKRETARIS'],
    ];
    let status: RequestStatus = 'AT_SEKRETARIS';
    const visited: RequestStatus[] = [status];
    for (const [action, role] of run) {
      const check = checkRequestTransition(status, action, [role], { ...ALL_ACCEPTED, hasAnalysis: true });
      if (!check.ok) throw new Error(`${action} refused: ${check.reason}`);
      status = check.transition.to;
      visited.push(status);
    }
    expect(visited).toEqual(REQUEST_STATUSES);
  });

  it.each<[string, RequestStatus, RequestAction, Role[], RequestGuardContext, string]>([
    ['the Sekretaris disposes', 'AT_SEKRETARIS', 'DISPOSE_TO_KASUBBAG', ['SEKRETARIS'], {}, 'OK'],
    ['an unknown action', 'AT_SEKRETARIS', 'APPROVE' as RequestAction, ['SEKRETARIS'], {}, 'UNKNOWN_ACTION'],
    ['acting twice', 'AT_KASUBBAG', 'DISPOSE_TO_KASUBBAG', ['SEKRETARIS'], {}, 'WRONG_STATE'],
    ['acting after DONE', 'DONE', 'RAISE_TO_KEPALA', ['SEKRETARIS'], {}, 'WRONG_STATE'],
    ['wrong state is reported before wrong role', 'AT_PENYUSUN', 'COMPILE', ['PENYUSUN'], {}, 'WRONG_STATE'],
    ['the Kasubbag disposing for the Sekretaris', 'AT_SEKRETARIS', 'DISPOSE_TO_KASUBBAG', ['KASUBBAG'], {}, 'ROLE_NOT_ALLOWED'],
    ['the admin acting in the SOP', 'AT_SEKRETARIS', 'DISPOSE_TO_KASUBBAG', ['ADMIN'], {}, 'ROLE_NOT_ALLOWED'],
    ['no roles at all', 'AT_SEKRETARIS', 'DISPOSE_TO_KASUBBAG', [], {}, 'ROLE_NOT_ALLOWED'],
    ['a Kasubbag who is Plt Sekretaris', 'AT_SEKRETARIS', 'DISPOSE_TO_KASUBBAG', ['KASUBBAG', 'SEKRETARIS'], {}, 'OK'],
    ['the Kasubbag sending the format', 'AT_PENYUSUN', 'SEND_FORMAT', ['KASUBBAG'], {}, 'OK'],
    ['forwarding with no submissions', 'COLLECTING', 'FORWARD_COLLECTION', ['PENYUSUN'], { submissions: [] }, 'SUBMISSIONS_INCOMPLETE'],
    ['forwarding without context', 'COLLECTING', 'FORWARD_COLLECTION', ['PENYUSUN'], {}, 'SUBMISSIONS_INCOMPLETE'],
    [
      'forwarding with one not yet accepted',
      'COLLECTING',
      'FORWARD_COLLECTION',
      ['PENYUSUN'],
      { submissions: [{ status: 'ACCEPTED' }, { status: 'SUBMITTED' }] },
      'SUBMISSIONS_INCOMPLETE',
    ],
    ['forwarding when all accepted', 'COLLECTING', 'FORWARD_COLLECTION', ['PENYUSUN'], ALL_ACCEPTED, 'OK'],
    ['a Bidang head forwarding (role before guard)', 'COLLECTING', 'FORWARD_COLLECTION', ['BIDANG_HEAD'], {}, 'ROLE_NOT_ALLOWED'],
    ['reporting without analysis', 'ANALYSING', 'SUBMIT_REPORT', ['KASUBBAG'], {}, 'ANALYSIS_MISSING'],
    ['reporting with hasAnalysis false', 'ANALYSING', 'SUBMIT_REPORT', ['KASUBBAG'], { hasAnalysis: false }, 'ANALYSIS_MISSING'],
    ['reporting with analysis', 'ANALYSING', 'SUBMIT_REPORT', ['KASUBBAG'], { hasAnalysis: true }, 'OK'],
  ])('%s → %s', (_name, status, action, roles, ctx, expected) => {
    const result = checkRequestTransition(status, action, roles, ctx);
    expect(result.ok ? 'OK' : result.reason).toBe(expected);
  });

  it.each<[RequestStatus, Role[], RequestAction[]]>([
    ['AT_SEKRETARIS', ['SEKRETARIS'], ['DISPOSE_TO_KASUBBAG']],
    ['AT_SEKRETARIS', ['KASUBBAG'], []],
    ['AT_PENYUSUN', ['KASUBBAG'], ['SEND_FORMAT']],
    ['COLLECTING', ['PENYUSUN'], ['FORWARD_COLLECTION']],
    ['COLLECTING', ['BIDANG_OPERATOR'], []],
    ['REPORT_AT_SEKRETARIS', ['SEKRETARIS', 'KASUBBAG'], ['RAISE_TO_KEPALA', 'RETURN_REPORT']],
    ['REPORT_AT_SEKRETARIS', ['KASUBBAG'], []],
    ['DONE', ['SEKRETARIS', 'KASUBBAG', 'PENYUSUN', 'ADMIN'], []],
  ])('in %s, %j may %j', (status, roles, actions) => {
    expect(availableRequestActions(status, roles)).toEqual(actions);
  });

  it.each(REQUEST_STATUSES.map((s) => [s]))('labels request status %s', (s) => {
    expect(REQUEST_STATUS_LABELS[s].id).toMatch(/\S/);
    expect(REQUEST_STATUS_LABELS[s].en).toMatch(/\S/);
  });

  it('labels the first status as waiting for the Sekretaris', () => {
    expect(REQUEST_STATUS_LABELS.AT_SEKRETARIS.id).toBe('Menunggu disposisi Sekretaris');
  });
});

describe('Bidang submission transitions', () => {
  it.each<[string, SubmissionStatus, SubmissionAction, Role[], string | null | undefined, string]>([
    ['operator saves a draft', 'DRAFT', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'DRAFT'],
    ['operator saves a returned one', 'RETURNED', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'RETURNED'],
    ['head submits a draft', 'DRAFT', 'SUBMIT', ['BIDANG_HEAD'], undefined, 'SUBMITTED'],
    ['operator resubmits', 'RETURNED', 'SUBMIT', ['BIDANG_OPERATOR'], undefined, 'SUBMITTED'],
    ['Penyusun accepts', 'SUBMITTED', 'ACCEPT', ['PENYUSUN'], undefined, 'ACCEPTED'],
    ['Kasubbag returns with a reason', 'SUBMITTED', 'RETURN', ['KASUBBAG'], 'Lampiran LHE belum ada', 'RETURNED'],
    ['return without reason', 'SUBMITTED', 'RETURN', ['KASUBBAG'], undefined, 'REASON_REQUIRED'],
    ['return with null reason', 'SUBMITTED', 'RETURN', ['KASUBBAG'], null, 'REASON_REQUIRED'],
    ['return with a blank reason', 'SUBMITTED', 'RETURN', ['PENYUSUN'], '          ', 'REASON_REQUIRED'],
    ['return with a 4-letter reason', 'SUBMITTED', 'RETURN', ['PENYUSUN'], '  salh  ', 'REASON_REQUIRED'],
    ['return with a 5-letter reason', 'SUBMITTED', 'RETURN', ['PENYUSUN'], ' salah ', 'RETURNED'],
    ['unknown action', 'DRAFT', 'DELETE' as SubmissionAction, ['BIDANG_OPERATOR'], undefined, 'UNKNOWN_ACTION'],
    ['editing after acceptance', 'ACCEPTED', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'WRONG_STATE'],
    ['submitting twice', 'SUBMITTED', 'SUBMIT', ['BIDANG_OPERATOR'], undefined, 'WRONG_STATE'],
    ['accepting a draft', 'DRAFT', 'ACCEPT', ['KASUBBAG'], undefined, 'WRONG_STATE'],
    ['Bidang accepting its own', 'SUBMITTED', 'ACCEPT', ['BIDANG_HEAD'], undefined, 'ROLE_NOT_ALLOWED'],
    ['Penyusun submitting for a Bidang', 'DRAFT', 'SUBMIT', ['PENYUSUN'], undefined, 'ROLE_NOT_ALLOWED'],
    ['role is checked before the reason', 'SUBMITTED', 'RETURN', ['BIDANG_HEAD'], undefined, 'ROLE_NOT_ALLOWED'],
  ])('%s → %s', (_name, status, action, roles, reason, expected) => {
    const result = checkSubmissionTransition(status, action, roles, { reason });
    expect(result.ok ? result.to : result.reason).toBe(expected);
  });

  it.each<[SubmissionStatus, boolean]>([
    ['DRAFT', true],
    ['RETURNED', true],
    ['SUBMITTED', false],
    ['ACCEPTED', false],
  ])('%s editable: %p', (status, editable) => {
    expect(isSubmissionEditable(status)).toBe(editable);
  });

  it.each<[SubmissionStatus, string]>([
    ['DRAFT', 'Draf'],
    ['SUBMITTED', 'Dikirim, menunggu pemeriksaan'],
    ['RETURNED', 'Dikembalikan untuk perbaikan'],
    ['ACCEPTED', 'Diterima'],
  ])('labels submission status %s as %s', (status, label) => {
    expect(SUBMISSION_STATUS_LABELS[status].id).toBe(label);
    expect(SUBMISSION_STATUSES).toContain(status);
  });
});
