import { ROLES, type Role } from './roles';
import {
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  SUBMISSION_STATUSES,
  availableRequestActions,
  checkRequestTransition,
  checkSubmissionTransition,
  dispositionStep,
  isRequestOverdue,
  isSubmissionEditable,
  isSubmissionWaivable,
  requestActionRoles,
  statusOfStep,
  submissionActionRoles,
  stepOfStatus,
  type RequestAction,
  type RequestGuardContext,
  type RequestStatus,
  type SubmissionAction,
  type SubmissionStatus,
} from './state-machine';
import type { StepNo } from './steps';

const ALL_ACCEPTED: RequestGuardContext = { submissions: [{ status: 'ACCEPTED' }, { status: 'ACCEPTED' }] };

describe('the step a disposition is recorded at', () => {
  // The SOP's own numbering: the hand-over of the report to the Sekretaris is step 7's activity.
  it.each<[RequestAction, StepNo]>([
    ['DISPOSE_TO_KASUBBAG', 1],
    ['DISPOSE_TO_STAFF', 2],
    ['SUBMIT_REPORT', 7],
    ['RAISE_TO_KEPALA', 7],
    ['RETURN_REPORT', 7],
    ['ACKNOWLEDGE', 7],
    ['KEPALA_RETURN', 7],
  ])('%s → step %i', (action, step) => {
    expect(dispositionStep(REQUEST_TRANSITIONS.find((t) => t.action === action)!)).toBe(step);
  });
});

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

  it.each(REQUEST_TRANSITIONS.filter((t) => t.step !== null).map((t) => [t.action, t]))('%s completes the step of its source status', (_a, t) => {
    expect(stepOfStatus(t.from)).toBe(t.step);
  });

  it.each<RequestStatus>(['AT_KEPALA', 'DONE', 'CANCELLED'])('%s is no step', (s) => {
    expect(stepOfStatus(s)).toBeNull();
  });
});

/**
 * What each role may do in each state, hand-written from the SOP (and the decisions in
 * docs/decisions.md: the Kasubbag may cover the Penyusun's steps 3 and 4; the Sekretaris may
 * send a report back). Every status × every role, so a new role, status or transition that
 * changes who may act shows up here.
 */
const MAY: Record<RequestStatus, Partial<Record<Role, RequestAction[]>>> = {
  AT_SEKRETARIS: { SEKRETARIS: ['DISPOSE_TO_KASUBBAG', 'CANCEL'] },
  AT_KASUBBAG: { SEKRETARIS: ['CANCEL'], KASUBBAG: ['DISPOSE_TO_STAFF'] },
  AT_PENYUSUN: { SEKRETARIS: ['CANCEL'], PENYUSUN: ['SEND_FORMAT'], KASUBBAG: ['SEND_FORMAT'] },
  COLLECTING: { SEKRETARIS: ['CANCEL'], PENYUSUN: ['FORWARD_COLLECTION'], KASUBBAG: ['FORWARD_COLLECTION', 'CLOSE_COLLECTION'] },
  COMPILING: { SEKRETARIS: ['CANCEL'], KASUBBAG: ['COMPILE'] },
  ANALYSING: { SEKRETARIS: ['CANCEL'], KASUBBAG: ['SUBMIT_REPORT'] },
  REPORT_AT_SEKRETARIS: { SEKRETARIS: ['RAISE_TO_KEPALA', 'RETURN_REPORT', 'CANCEL'] },
  AT_KEPALA: { SEKRETARIS: ['CANCEL'], KEPALA_DINAS: ['ACKNOWLEDGE', 'KEPALA_RETURN'] },
  DONE: {},
  CANCELLED: {},
};

describe('request transitions', () => {
  it.each(REQUEST_STATUSES.flatMap((status) => ROLES.map((role) => [status, role, MAY[status][role] ?? []] as const)))(
    'in %s, the %s may %j',
    (status, role, actions) => {
      expect(availableRequestActions(status, [role])).toEqual(actions);
    },
  );

  it('walks a whole SOP run from AT_SEKRETARIS to DONE', () => {
    const run: [RequestAction, Role][] = [
      ['DISPOSE_TO_KASUBBAG', 'SEKRETARIS'],
      ['DISPOSE_TO_STAFF', 'KASUBBAG'],
      ['SEND_FORMAT', 'PENYUSUN'],
      ['FORWARD_COLLECTION', 'PENYUSUN'],
      ['COMPILE', 'KASUBBAG'],
      ['SUBMIT_REPORT', 'KASUBBAG'],
      ['RAISE_TO_KEPALA', 'SEKRETARIS'],
      ['ACKNOWLEDGE', 'KEPALA_DINAS'],
    ];
    let status: RequestStatus = 'AT_SEKRETARIS';
    const visited: RequestStatus[] = [status];
    for (const [action, role] of run) {
      const check = checkRequestTransition(status, action, [role], { ...ALL_ACCEPTED, hasAnalysis: true });
      if (!check.ok) throw new Error(`${action} refused: ${check.reason}`);
      status = check.transition.to;
      visited.push(status);
    }
    expect(visited).toEqual(REQUEST_STATUSES.filter((s) => s !== 'CANCELLED'));
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
    ['forwarding with one waived, the rest accepted', 'COLLECTING', 'FORWARD_COLLECTION', ['PENYUSUN'], { submissions: [{ status: 'ACCEPTED' }, { status: 'WAIVED' }] }, 'OK'],
    // Closing collection with Bidang missing (the waiver): the Kasubbag's alone.
    ['the Penyusun waiving', 'COLLECTING', 'CLOSE_COLLECTION', ['PENYUSUN'], {}, 'ROLE_NOT_ALLOWED'],
    ['waiving when all are accepted', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], ALL_ACCEPTED, 'NOTHING_TO_WAIVE'],
    ['waiving a draft (offered, Bidang not chosen yet)', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }] }, 'OK'],
    ['waiving the missing one', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: ['b'], text: 'Bidang B tidak menjawab.' }, 'OK'],
    ['waiving a returned one', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'RETURNED', bidangId: 'b' }], waivedBidangIds: ['b'] }, 'OK'],
    ['waiving nobody', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: [] }, 'NOTHING_TO_WAIVE'],
    ['waiving a submitted one (review it first)', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'DRAFT', bidangId: 'a' }, { status: 'SUBMITTED', bidangId: 'b' }], waivedBidangIds: ['a', 'b'] }, 'WAIVER_NOT_ALLOWED'],
    ['waiving an accepted one', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: ['a', 'b'] }, 'WAIVER_NOT_ALLOWED'],
    ['waiving a Bidang outside the request', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: ['zz'] }, 'WAIVER_NOT_ALLOWED'],
    ['waiving one while another is still a draft', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }, { status: 'DRAFT', bidangId: 'c' }], waivedBidangIds: ['b'] }, 'SUBMISSIONS_INCOMPLETE'],
    ['waiving every Bidang', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'DRAFT', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: ['a', 'b'] }, 'NOTHING_ACCEPTED'],
    ['waiving without a note', 'COLLECTING', 'CLOSE_COLLECTION', ['KASUBBAG'], { submissions: [{ status: 'ACCEPTED', bidangId: 'a' }, { status: 'DRAFT', bidangId: 'b' }], waivedBidangIds: ['b'], text: '  -  ' }, 'TEXT_REQUIRED'],
    // Step 7 ends at the Kepala's desk; the Kepala signs or returns.
    ['raising the report', 'REPORT_AT_SEKRETARIS', 'RAISE_TO_KEPALA', ['SEKRETARIS'], {}, 'OK'],
    ['the Kepala acknowledging before the report reached him', 'REPORT_AT_SEKRETARIS', 'ACKNOWLEDGE', ['KEPALA_DINAS'], {}, 'WRONG_STATE'],
    ['the Sekretaris acknowledging for the Kepala', 'AT_KEPALA', 'ACKNOWLEDGE', ['SEKRETARIS'], {}, 'ROLE_NOT_ALLOWED'],
    ['acknowledging without arahan', 'AT_KEPALA', 'ACKNOWLEDGE', ['KEPALA_DINAS'], { text: null }, 'OK'],
    ['acknowledging with arahan', 'AT_KEPALA', 'ACKNOWLEDGE', ['KEPALA_DINAS'], { text: 'Pertahankan capaian.' }, 'OK'],
    ['acknowledging with an arahan of 2001 characters', 'AT_KEPALA', 'ACKNOWLEDGE', ['KEPALA_DINAS'], { text: 'a'.repeat(2001) }, 'TEXT_TOO_LONG'],
    ['acknowledging twice', 'DONE', 'ACKNOWLEDGE', ['KEPALA_DINAS'], {}, 'WRONG_STATE'],
    ['the Kepala returning to the Sekretaris', 'AT_KEPALA', 'KEPALA_RETURN', ['KEPALA_DINAS'], { to: 'REPORT_AT_SEKRETARIS', text: 'Lengkapi ringkasan.' }, 'OK'],
    ['the Kepala returning to the Kasubbag', 'AT_KEPALA', 'KEPALA_RETURN', ['KEPALA_DINAS'], { to: 'ANALYSING', text: 'Analisis kurang.' }, 'OK'],
    ['the Kepala returning to the Penyusun', 'AT_KEPALA', 'KEPALA_RETURN', ['KEPALA_DINAS'], { to: 'AT_PENYUSUN', text: 'Analisis kurang.' }, 'WRONG_STATE'],
    ['the Kepala returning with a 4-letter reason', 'AT_KEPALA', 'KEPALA_RETURN', ['KEPALA_DINAS'], { to: 'ANALYSING', text: ' kur ' }, 'TEXT_REQUIRED'],
    ['the Kepala returning with no reason', 'AT_KEPALA', 'KEPALA_RETURN', ['KEPALA_DINAS'], { to: 'ANALYSING', text: null }, 'TEXT_REQUIRED'],
    // Cancel: the Sekretaris, before DONE, with a reason.
    ['cancelling at step 1', 'AT_SEKRETARIS', 'CANCEL', ['SEKRETARIS'], { text: 'Surat ditarik pengirim.' }, 'OK'],
    ['cancelling at step 4', 'COLLECTING', 'CANCEL', ['SEKRETARIS'], { text: 'Surat ditarik pengirim.' }, 'OK'],
    ['cancelling at the Kepala’s desk', 'AT_KEPALA', 'CANCEL', ['SEKRETARIS'], { text: 'Surat ditarik pengirim.' }, 'OK'],
    ['cancelling after DONE', 'DONE', 'CANCEL', ['SEKRETARIS'], { text: 'Surat ditarik pengirim.' }, 'WRONG_STATE'],
    ['cancelling twice', 'CANCELLED', 'CANCEL', ['SEKRETARIS'], { text: 'Surat ditarik pengirim.' }, 'WRONG_STATE'],
    ['the Kasubbag cancelling', 'COLLECTING', 'CANCEL', ['KASUBBAG'], { text: 'Surat ditarik pengirim.' }, 'ROLE_NOT_ALLOWED'],
    ['the Kepala cancelling', 'AT_KEPALA', 'CANCEL', ['KEPALA_DINAS'], { text: 'Surat ditarik pengirim.' }, 'ROLE_NOT_ALLOWED'],
    ['cancelling without a reason', 'COLLECTING', 'CANCEL', ['SEKRETARIS'], { text: '' }, 'TEXT_REQUIRED'],
  ])('%s → %s', (_name, status, action, roles, ctx, expected) => {
    const result = checkRequestTransition(status, action, roles, ctx);
    expect(result.ok ? 'OK' : result.reason).toBe(expected);
  });

  it.each<[RequestStatus, Role[], RequestAction[]]>([
    ['AT_SEKRETARIS', ['SEKRETARIS'], ['DISPOSE_TO_KASUBBAG', 'CANCEL']],
    ['AT_SEKRETARIS', ['KASUBBAG'], []],
    ['AT_PENYUSUN', ['KASUBBAG'], ['SEND_FORMAT']],
    ['COLLECTING', ['PENYUSUN'], ['FORWARD_COLLECTION']],
    ['COLLECTING', ['KASUBBAG'], ['FORWARD_COLLECTION', 'CLOSE_COLLECTION']],
    ['AT_KEPALA', ['KEPALA_DINAS'], ['ACKNOWLEDGE', 'KEPALA_RETURN']],
    ['COLLECTING', ['BIDANG_OPERATOR'], []],
    ['REPORT_AT_SEKRETARIS', ['SEKRETARIS', 'KASUBBAG'], ['RAISE_TO_KEPALA', 'RETURN_REPORT', 'CANCEL']],
    ['REPORT_AT_SEKRETARIS', ['KASUBBAG'], []],
    ['DONE', ['SEKRETARIS', 'KASUBBAG', 'PENYUSUN', 'ADMIN'], []],
    ['CANCELLED', ['SEKRETARIS', 'KASUBBAG', 'PENYUSUN', 'ADMIN', 'KEPALA_DINAS'], []],
  ])('in %s, %j may %j', (status, roles, actions) => {
    expect(availableRequestActions(status, roles)).toEqual(actions);
  });
});

describe('Bidang submission transitions', () => {
  it.each<[string, SubmissionStatus, SubmissionAction, Role[], string | null | undefined, string]>([
    ['operator saves a draft', 'DRAFT', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'DRAFT'],
    ['operator submits: to the Kepala Bidang first', 'DRAFT', 'SUBMIT', ['BIDANG_OPERATOR'], undefined, 'AWAITING_HEAD'],
    ['operator resubmits a returned one: to the Kepala Bidang', 'RETURNED', 'SUBMIT', ['BIDANG_OPERATOR'], undefined, 'AWAITING_HEAD'],
    ['operator acting as Kepala Bidang submits straight', 'DRAFT', 'SUBMIT', ['BIDANG_OPERATOR', 'BIDANG_HEAD'], undefined, 'SUBMITTED'],
    ['Kepala Bidang approves', 'AWAITING_HEAD', 'HEAD_APPROVE', ['BIDANG_HEAD'], undefined, 'SUBMITTED'],
    ['Kepala Bidang returns with a note', 'AWAITING_HEAD', 'HEAD_RETURN', ['BIDANG_HEAD'], 'Angka IKU-02 salah', 'DRAFT'],
    ['Kepala Bidang returns without a note', 'AWAITING_HEAD', 'HEAD_RETURN', ['BIDANG_HEAD'], '  ok ', 'REASON_REQUIRED'],
    ['operator approving his own', 'AWAITING_HEAD', 'HEAD_APPROVE', ['BIDANG_OPERATOR'], undefined, 'ROLE_NOT_ALLOWED'],
    ['Kasubbag approving for the Kepala Bidang', 'AWAITING_HEAD', 'HEAD_APPROVE', ['KASUBBAG'], undefined, 'ROLE_NOT_ALLOWED'],
    ['reviewer accepting before sign-off', 'AWAITING_HEAD', 'ACCEPT', ['KASUBBAG'], undefined, 'WRONG_STATE'],
    ['editing while awaiting sign-off', 'AWAITING_HEAD', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'WRONG_STATE'],
    ['submitting again while awaiting sign-off', 'AWAITING_HEAD', 'SUBMIT', ['BIDANG_OPERATOR'], undefined, 'WRONG_STATE'],
    ['approving a submitted one', 'SUBMITTED', 'HEAD_APPROVE', ['BIDANG_HEAD'], undefined, 'WRONG_STATE'],
    ['operator saves a returned one', 'RETURNED', 'SAVE_DRAFT', ['BIDANG_OPERATOR'], undefined, 'RETURNED'],
    ['head submits a draft', 'DRAFT', 'SUBMIT', ['BIDANG_HEAD'], undefined, 'SUBMITTED'],
    ['operator resubmits', 'RETURNED', 'SUBMIT', ['BIDANG_HEAD'], undefined, 'SUBMITTED'],
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

  it.each<[string, Role[], boolean | undefined, SubmissionStatus]>([
    ['operator, sign-off required', ['BIDANG_OPERATOR'], true, 'AWAITING_HEAD'],
    ['operator, office default', ['BIDANG_OPERATOR'], undefined, 'AWAITING_HEAD'],
    ['operator, sign-off switched off', ['BIDANG_OPERATOR'], false, 'SUBMITTED'],
    ['Kepala Bidang, sign-off required', ['BIDANG_HEAD'], true, 'SUBMITTED'],
    ['Kepala Bidang, sign-off off', ['BIDANG_HEAD'], false, 'SUBMITTED'],
    ['Plt Kepala Bidang who is also operator', ['BIDANG_OPERATOR', 'BIDANG_HEAD'], true, 'SUBMITTED'],
  ])('SUBMIT of a draft by the %s → %s', (_name, roles, requireHeadApproval, expected) => {
    const result = checkSubmissionTransition('DRAFT', 'SUBMIT', roles, { requireHeadApproval });
    expect(result.ok ? result.to : result.reason).toBe(expected);
  });

  it.each<[SubmissionStatus, boolean]>([
    ['AWAITING_HEAD', false],
    ['DRAFT', true],
    ['RETURNED', true],
    ['SUBMITTED', false],
    ['ACCEPTED', false],
    ['WAIVED', false],
  ])('%s editable: %p', (status, editable) => {
    expect(isSubmissionEditable(status)).toBe(editable);
  });

  // Who may do what to a Bidang's submission, in each status (a return with a valid reason).
  const SUBMISSION_MAY: Record<SubmissionStatus, Partial<Record<Role, SubmissionAction[]>>> = {
    DRAFT: { BIDANG_OPERATOR: ['SAVE_DRAFT', 'SUBMIT'], BIDANG_HEAD: ['SAVE_DRAFT', 'SUBMIT'] },
    RETURNED: { BIDANG_OPERATOR: ['SAVE_DRAFT', 'SUBMIT'], BIDANG_HEAD: ['SAVE_DRAFT', 'SUBMIT'] },
    AWAITING_HEAD: { BIDANG_HEAD: ['HEAD_APPROVE', 'HEAD_RETURN'] },
    SUBMITTED: { KASUBBAG: ['RETURN', 'ACCEPT'], PENYUSUN: ['RETURN', 'ACCEPT'] },
    ACCEPTED: {},
    WAIVED: {},
  };
  const ACTIONS: SubmissionAction[] = ['SAVE_DRAFT', 'SUBMIT', 'HEAD_APPROVE', 'HEAD_RETURN', 'RETURN', 'ACCEPT'];
  it.each(SUBMISSION_STATUSES.flatMap((status) => ROLES.map((role) => [status, role, SUBMISSION_MAY[status][role] ?? []] as const)))(
    'a %s submission: the %s may %j',
    (status, role, actions) => {
      const allowed = ACTIONS.filter((a) => checkSubmissionTransition(status, a, [role], { reason: 'Lampiran LHE belum ada' }).ok);
      expect(allowed).toEqual(actions);
    },
  );
});

describe('the roles that may take an action at all (the API’s coarse role gate)', () => {
  const ACTIONS = [...new Set(REQUEST_TRANSITIONS.map((t) => t.action))];
  const SUBMISSION_ACTIONS: SubmissionAction[] = ['SAVE_DRAFT', 'SUBMIT', 'HEAD_APPROVE', 'HEAD_RETURN', 'RETURN', 'ACCEPT'];

  it.each(ACTIONS)('%s: a role is listed exactly when it can take the action in some status', (action) => {
    const can = (role: Role) => REQUEST_STATUSES.some((status) => checkRequestTransition(status, action, [role], ALL_ACCEPTED).ok
      || checkRequestTransition(status, action, [role], { hasAnalysis: true }).ok
      || checkRequestTransition(status, action, [role], { submissions: [{ status: 'DRAFT' }] }).ok);
    expect(new Set(requestActionRoles(action))).toEqual(new Set(ROLES.filter(can)));
  });

  it.each(SUBMISSION_ACTIONS)('%s on a submission: a role is listed exactly when it can take it in some status', (action) => {
    const can = (role: Role) => SUBMISSION_STATUSES.some((status) => checkSubmissionTransition(status, action, [role], { reason: 'alasan yang cukup panjang' }).ok);
    expect(new Set(submissionActionRoles(action))).toEqual(new Set(ROLES.filter(can)));
  });
});

describe('one overdue rule', () => {
  const now = new Date('2026-10-05T10:00:00Z');
  const past = new Date('2026-10-05T09:59:00Z');
  const future = new Date('2026-10-05T10:01:00Z');
  it.each<[RequestStatus, Date | null, boolean]>([
    ['AT_SEKRETARIS', past, true],
    ['COLLECTING', past, true],
    ['COLLECTING', future, false],
    ['COLLECTING', null, false],
    ['REPORT_AT_SEKRETARIS', past, true],
    ['AT_KEPALA', past, false],
    ['DONE', past, false],
    ['CANCELLED', past, false],
  ])('%s due %s → %p', (status, dueAt, overdue) => {
    expect(isRequestOverdue({ status, dueAt }, now)).toBe(overdue);
  });
});

describe('which submissions a waiver may name', () => {
  it.each<[SubmissionStatus, boolean]>([
    ['DRAFT', true],
    ['RETURNED', true],
    ['SUBMITTED', false],
    ['ACCEPTED', false],
    ['WAIVED', false],
  ])('%s → %p', (status, waivable) => {
    expect(isSubmissionWaivable(status)).toBe(waivable);
  });
});
