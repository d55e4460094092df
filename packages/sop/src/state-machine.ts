import { BIDANG_ROLES, type Role } from './roles';
import type { StepNo } from './steps';

/* ------------------------------------------------------------------------------------------
 * The data request: one run of the SOP. Status i means "step i is under way" for i = 1..7,
 * so the status alone tells whose desk the request is on and which standard time applies.
 * ---------------------------------------------------------------------------------------- */

export type RequestStatus =
  | 'AT_SEKRETARIS'
  | 'AT_KASUBBAG'
  | 'AT_PENYUSUN'
  | 'COLLECTING'
  | 'COMPILING'
  | 'ANALYSING'
  | 'REPORT_AT_SEKRETARIS'
  | 'DONE';

export type RequestAction =
  | 'DISPOSE_TO_KASUBBAG'
  | 'DISPOSE_TO_STAFF'
  | 'SEND_FORMAT'
  | 'FORWARD_COLLECTION'
  | 'COMPILE'
  | 'SUBMIT_REPORT'
  | 'RAISE_TO_KEPALA'
  | 'RETURN_REPORT';

export interface RequestTransition {
  action: RequestAction;
  from: RequestStatus;
  to: RequestStatus;
  /** The step this action completes. */
  step: StepNo;
  /**
   * The SOP step whose activity the action's disposition records, when it differs from `step`:
   * the Kasubbag's hand-over of the report completes step 6 in the state machine, but the SOP
   * writes that hand-over as step 7 ("Kasubbag … menyampaikan Laporan Kinerja kepada Sekretaris
   * Dinas untuk dinaikkan kepada Kepala Dinas"), and the timeline shows it there.
   */
  recordedAsStep?: StepNo;
  roles: Role[];
}

// Index = step number − 1. Kept as one list so status ↔ step cannot drift apart.
const STEP_STATUSES: readonly RequestStatus[] = [
  'AT_SEKRETARIS',
  'AT_KASUBBAG',
  'AT_PENYUSUN',
  'COLLECTING',
  'COMPILING',
  'ANALYSING',
  'REPORT_AT_SEKRETARIS',
];

export const REQUEST_STATUSES: readonly RequestStatus[] = [...STEP_STATUSES, 'DONE'];

/**
 * The Kasubbag may also send the format and forward the collection (steps 3 and 4): the SOP
 * gives these to staff acting on the Kasubbag's order, and the Kasubbag must be able to cover
 * for an absent Penyusun without an acting appointment.
 */
const REQUEST_TRANSITION_LIST: RequestTransition[] = [
  { action: 'DISPOSE_TO_KASUBBAG', from: 'AT_SEKRETARIS', to: 'AT_KASUBBAG', step: 1, roles: ['SEKRETARIS'] },
  { action: 'DISPOSE_TO_STAFF', from: 'AT_KASUBBAG', to: 'AT_PENYUSUN', step: 2, roles: ['KASUBBAG'] },
  { action: 'SEND_FORMAT', from: 'AT_PENYUSUN', to: 'COLLECTING', step: 3, roles: ['PENYUSUN', 'KASUBBAG'] },
  { action: 'FORWARD_COLLECTION', from: 'COLLECTING', to: 'COMPILING', step: 4, roles: ['PENYUSUN', 'KASUBBAG'] },
  { action: 'COMPILE', from: 'COMPILING', to: 'ANALYSING', step: 5, roles: ['KASUBBAG'] },
  { action: 'SUBMIT_REPORT', from: 'ANALYSING', to: 'REPORT_AT_SEKRETARIS', step: 6, recordedAsStep: 7, roles: ['KASUBBAG'] },
  { action: 'RAISE_TO_KEPALA', from: 'REPORT_AT_SEKRETARIS', to: 'DONE', step: 7, roles: ['SEKRETARIS'] },
  // Not in the SOP's happy path, but what a Sekretaris does with a report that is not ready: it
  // goes back to step 6 with a reason; the submitted analysis stays frozen and the Kasubbag's
  // next save starts a new version of it.
  { action: 'RETURN_REPORT', from: 'REPORT_AT_SEKRETARIS', to: 'ANALYSING', step: 7, roles: ['SEKRETARIS'] },
];

export const REQUEST_TRANSITIONS: readonly RequestTransition[] = Object.freeze(REQUEST_TRANSITION_LIST);

/** The step number a disposition of this transition carries (printed and shown): see `recordedAsStep`. */
export function dispositionStep(t: Pick<RequestTransition, 'step' | 'recordedAsStep'>): StepNo {
  return t.recordedAsStep ?? t.step;
}

export function statusOfStep(step: StepNo): RequestStatus {
  const status = STEP_STATUSES[step - 1];
  if (!status) throw new RangeError(`Unknown SOP step: ${step}`);
  return status;
}

/** The step under way in this status; null once the request is DONE. */
export function stepOfStatus(s: RequestStatus): StepNo | null {
  const index = STEP_STATUSES.indexOf(s);
  return index < 0 ? null : ((index + 1) as StepNo);
}

/** Facts about the request's data that some transitions depend on; the caller loads them. */
export interface RequestGuardContext {
  submissions?: { status: SubmissionStatus }[];
  hasAnalysis?: boolean;
}

export type TransitionCheck =
  | { ok: true; transition: RequestTransition }
  | {
      ok: false;
      reason: 'UNKNOWN_ACTION' | 'WRONG_STATE' | 'ROLE_NOT_ALLOWED' | 'SUBMISSIONS_INCOMPLETE' | 'ANALYSIS_MISSING';
    };

function holdsAny(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r));
}

/**
 * May an actor holding `roles` (every role held right now, acting Plt/Plh included) take
 * `action` on a request in `status`? The checks run in a fixed order so the reason given is the
 * most basic one: a nonsense action, then the wrong moment, then the wrong person, then the data.
 */
export function checkRequestTransition(
  status: RequestStatus,
  action: RequestAction,
  roles: Role[],
  ctx: RequestGuardContext = {},
): TransitionCheck {
  const transition = REQUEST_TRANSITIONS.find((t) => t.action === action);
  if (!transition) return { ok: false, reason: 'UNKNOWN_ACTION' };
  if (transition.from !== status) return { ok: false, reason: 'WRONG_STATE' };
  if (!holdsAny(roles, transition.roles)) return { ok: false, reason: 'ROLE_NOT_ALLOWED' };

  if (action === 'FORWARD_COLLECTION') {
    // The SOP warns that reporting stalls when collection is incomplete, so nothing moves on
    // to compilation until every Bidang's submission has been accepted.
    const subs = ctx.submissions ?? [];
    if (subs.length === 0 || subs.some((s) => s.status !== 'ACCEPTED')) {
      return { ok: false, reason: 'SUBMISSIONS_INCOMPLETE' };
    }
  }
  if (action === 'SUBMIT_REPORT' && ctx.hasAnalysis !== true) {
    // Step 6's output is the rekap capaian; without it there is no report to hand on.
    return { ok: false, reason: 'ANALYSIS_MISSING' };
  }
  return { ok: true, transition };
}

/**
 * Actions the actor may in principle take now. Data guards are not evaluated here (they need
 * context), so a listed action can still be refused with SUBMISSIONS_INCOMPLETE or
 * ANALYSIS_MISSING; the UI should show it and explain the refusal.
 */
export function availableRequestActions(status: RequestStatus, roles: Role[]): RequestAction[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === status && holdsAny(roles, t.roles)).map(
    (t) => t.action,
  );
}

/* ------------------------------------------------------------------------------------------
 * The Bidang submission: what one Bidang hands in at step 4 (LHP, LHE, TL HP and data).
 * ---------------------------------------------------------------------------------------- */

export type SubmissionStatus = 'DRAFT' | 'AWAITING_HEAD' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
export type SubmissionAction = 'SAVE_DRAFT' | 'SUBMIT' | 'HEAD_APPROVE' | 'HEAD_RETURN' | 'RETURN' | 'ACCEPT';

export interface SubmissionTransition {
  action: SubmissionAction;
  from: SubmissionStatus;
  to: SubmissionStatus;
  roles: Role[];
  /** A return must say what to fix, or the Bidang cannot act on it. */
  requiresReason: boolean;
  /**
   * The Kepala Bidang's sign-off (issue 11): when the office requires it, the operator's SUBMIT
   * goes to the Kepala Bidang (AWAITING_HEAD) instead; a Kepala Bidang's own SUBMIT does not.
   */
  signOff?: 'WHEN_REQUIRED' | 'WHEN_NOT_REQUIRED';
}

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['DRAFT', 'AWAITING_HEAD', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];

/** Minimum length of a return reason after trimming: long enough to rule out "-" or "ok". */
export const MIN_RETURN_REASON_LENGTH = 5;

const BIDANG: Role[] = [...BIDANG_ROLES];
const REVIEWERS: Role[] = ['KASUBBAG', 'PENYUSUN'];
const HEAD: Role[] = ['BIDANG_HEAD'];

const SUBMISSION_TRANSITION_LIST: SubmissionTransition[] = [
  // Saving keeps a returned submission RETURNED, so the reviewer's reason stays visible
  // until the Bidang sends it again.
  { action: 'SAVE_DRAFT', from: 'DRAFT', to: 'DRAFT', roles: BIDANG, requiresReason: false },
  { action: 'SAVE_DRAFT', from: 'RETURNED', to: 'RETURNED', roles: BIDANG, requiresReason: false },
  // Sign-off off, or the Kepala Bidang himself: straight to the secretariat.
  { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', roles: BIDANG, requiresReason: false, signOff: 'WHEN_NOT_REQUIRED' },
  { action: 'SUBMIT', from: 'RETURNED', to: 'SUBMITTED', roles: BIDANG, requiresReason: false, signOff: 'WHEN_NOT_REQUIRED' },
  // Sign-off on and an operator: to the Kepala Bidang first.
  { action: 'SUBMIT', from: 'DRAFT', to: 'AWAITING_HEAD', roles: BIDANG, requiresReason: false, signOff: 'WHEN_REQUIRED' },
  { action: 'SUBMIT', from: 'RETURNED', to: 'AWAITING_HEAD', roles: BIDANG, requiresReason: false, signOff: 'WHEN_REQUIRED' },
  { action: 'HEAD_APPROVE', from: 'AWAITING_HEAD', to: 'SUBMITTED', roles: HEAD, requiresReason: false },
  // Back to the operator with a note (the same 5–2000 characters as a reviewer's reason).
  { action: 'HEAD_RETURN', from: 'AWAITING_HEAD', to: 'DRAFT', roles: HEAD, requiresReason: true },
  { action: 'RETURN', from: 'SUBMITTED', to: 'RETURNED', roles: REVIEWERS, requiresReason: true },
  { action: 'ACCEPT', from: 'SUBMITTED', to: 'ACCEPTED', roles: REVIEWERS, requiresReason: false },
];

export const SUBMISSION_TRANSITIONS: readonly SubmissionTransition[] = Object.freeze(
  SUBMISSION_TRANSITION_LIST,
);

export type SubmissionCheck =
  | { ok: true; to: SubmissionStatus }
  | { ok: false; reason: 'UNKNOWN_ACTION' | 'WRONG_STATE' | 'ROLE_NOT_ALLOWED' | 'REASON_REQUIRED' };

/**
 * Does this SUBMIT go to the Kepala Bidang first? When the office requires the sign-off and the
 * actor is not a Kepala Bidang (his own submit is his signature). Without an office setting
 * given, the default is the office default: required.
 */
export function needsHeadSignOff(roles: readonly Role[], requireHeadApproval = true): boolean {
  return requireHeadApproval && !roles.includes('BIDANG_HEAD');
}

export function checkSubmissionTransition(
  status: SubmissionStatus,
  action: SubmissionAction,
  roles: Role[],
  ctx: { reason?: string | null; requireHeadApproval?: boolean } = {},
): SubmissionCheck {
  const forAction = SUBMISSION_TRANSITIONS.filter((t) => t.action === action);
  if (forAction.length === 0) return { ok: false, reason: 'UNKNOWN_ACTION' };
  const signOff = needsHeadSignOff(roles, ctx.requireHeadApproval) ? 'WHEN_REQUIRED' : 'WHEN_NOT_REQUIRED';
  const transition = forAction.find((t) => t.from === status && (!t.signOff || t.signOff === signOff));
  if (!transition) return { ok: false, reason: 'WRONG_STATE' };
  if (!holdsAny(roles, transition.roles)) return { ok: false, reason: 'ROLE_NOT_ALLOWED' };
  if (transition.requiresReason && (ctx.reason ?? '').trim().length < MIN_RETURN_REASON_LENGTH) {
    return { ok: false, reason: 'REASON_REQUIRED' };
  }
  return { ok: true, to: transition.to };
}

/**
 * Everyone who may take this action in some status: the coarse role gate of the API operation
 * that takes it (the status and the data are checked when it runs).
 */
export function requestActionRoles(action: RequestAction): Role[] {
  return [...new Set(REQUEST_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles))];
}

/** The same for a Bidang submission's action. */
export function submissionActionRoles(action: SubmissionAction): Role[] {
  return [...new Set(SUBMISSION_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles))];
}

/** Only the Bidang's own drafts and returned submissions may be changed. */
export function isSubmissionEditable(s: SubmissionStatus): boolean {
  return s === 'DRAFT' || s === 'RETURNED';
}

/* ------------------------------------------------------------------------------------------
 * Labels: Indonesian first, English available.
 * ---------------------------------------------------------------------------------------- */

export const REQUEST_STATUS_LABELS: Record<RequestStatus, { id: string; en: string }> = {
  AT_SEKRETARIS: { id: 'Menunggu disposisi Sekretaris', en: 'Awaiting the Sekretaris’s disposition' },
  AT_KASUBBAG: { id: 'Menunggu disposisi Kasubbag', en: 'Awaiting the Kasubbag’s disposition' },
  AT_PENYUSUN: { id: 'Menunggu pengiriman format data', en: 'Awaiting the data request format' },
  COLLECTING: { id: 'Pengumpulan data dari Bidang', en: 'Collecting data from the Bidang' },
  COMPILING: { id: 'Penghimpunan data oleh Kasubbag', en: 'Kasubbag compiling the data' },
  ANALYSING: { id: 'Analisis dan evaluasi data', en: 'Analysing and evaluating the data' },
  REPORT_AT_SEKRETARIS: {
    id: 'Laporan di Sekretaris, menunggu diteruskan ke Kepala Dinas',
    en: 'Report with the Sekretaris, awaiting the Kepala Dinas',
  },
  DONE: { id: 'Selesai, telah disampaikan kepada Kepala Dinas', en: 'Done, raised to the Kepala Dinas' },
};

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, { id: string; en: string }> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  AWAITING_HEAD: { id: 'Menunggu persetujuan Kepala Bidang', en: 'Awaiting the Kepala Bidang’s sign-off' },
  SUBMITTED: { id: 'Dikirim, menunggu pemeriksaan', en: 'Submitted, awaiting review' },
  RETURNED: { id: 'Dikembalikan untuk perbaikan', en: 'Returned for correction' },
  ACCEPTED: { id: 'Diterima', en: 'Accepted' },
};
