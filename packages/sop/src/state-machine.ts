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
  /** Step 7 done: the report is on the Kepala Dinas's desk, awaiting his signature. */
  | 'AT_KEPALA'
  /** The Kepala Dinas acknowledged (signed) the report: final. */
  | 'DONE'
  /** Cancelled by the Sekretaris with a reason before DONE: kept, read-only, out of every inbox. */
  | 'CANCELLED';

export type RequestAction =
  | 'DISPOSE_TO_KASUBBAG'
  | 'DISPOSE_TO_STAFF'
  | 'SEND_FORMAT'
  | 'FORWARD_COLLECTION'
  | 'CLOSE_COLLECTION'
  | 'COMPILE'
  | 'SUBMIT_REPORT'
  | 'RAISE_TO_KEPALA'
  | 'RETURN_REPORT'
  | 'ACKNOWLEDGE'
  | 'KEPALA_RETURN'
  | 'CANCEL';

/** What the text given with an action is, and whether it is required. */
export interface TextRule {
  kind: 'INSTRUCTION' | 'NOTE' | 'REASON' | 'ARAHAN';
  required: boolean;
  /** Minimum length after trimming, when given (or required). */
  min: number;
  max: number;
}

/**
 * A transition's effects as data: who receives the hand-over (a disposition sheet entry), with
 * which mark, the default instruction when none is written, what text it takes, whether the
 * sender may name the receiving officer, and what else it does to the request's data.
 */
export interface TransitionEffects {
  handoverTo: Role | null;
  mark: 'PARAF' | 'SIGNATURE';
  defaultInstruction: { id: string; en: string } | null;
  text: TextRule;
  /** The sender may name one officer holding `handoverTo` (acting Plt/Plh included). */
  namedReceiver: boolean;
  /** Step 3: every chosen Bidang gets its submission. */
  opensSubmissions?: boolean;
  /** Collection closed with named Bidang missing: their submissions become WAIVED. */
  waivesSubmissions?: boolean;
  /** Step 6 done: the latest analysis is frozen (SUBMITTED). */
  freezesAnalysis?: boolean;
  /** The report is final (webhooks' report.final, the "final" notification). */
  final?: boolean;
  /** Every open step is closed as cancelled. */
  closesOpenSteps?: boolean;
}

export interface RequestTransition {
  action: RequestAction;
  from: RequestStatus;
  to: RequestStatus;
  /** The step this action completes; null when it completes none (the Kepala's actions, a cancel). */
  step: StepNo | null;
  /**
   * The SOP step whose activity the action's disposition records, when it differs from `step`:
   * the Kasubbag's hand-over of the report completes step 6 in the state machine, but the SOP
   * writes that hand-over as step 7 ("Kasubbag … menyampaikan Laporan Kinerja kepada Sekretaris
   * Dinas untuk dinaikkan kepada Kepala Dinas"), and the timeline shows it there.
   */
  recordedAsStep?: StepNo;
  roles: Role[];
  effects: TransitionEffects;
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

export const REQUEST_STATUSES: readonly RequestStatus[] = [...STEP_STATUSES, 'AT_KEPALA', 'DONE', 'CANCELLED'];

/** Statuses from which nothing moves any more. */
export const FINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['DONE', 'CANCELLED'];

/** A request still under way (steps 1–7, or waiting for the Kepala's signature). */
export function isRequestOpen(s: RequestStatus): boolean {
  return !FINAL_REQUEST_STATUSES.includes(s);
}

export const MAX_TEXT_LENGTH = 2000;
/** Minimum length of a reason after trimming: long enough to rule out "-" or "ok". */
export const MIN_REASON_LENGTH = 5;

const NOTE: TextRule = { kind: 'NOTE', required: false, min: 0, max: MAX_TEXT_LENGTH };
const INSTRUCTION: TextRule = { kind: 'INSTRUCTION', required: true, min: 3, max: MAX_TEXT_LENGTH };
const REASON: TextRule = { kind: 'REASON', required: true, min: MIN_REASON_LENGTH, max: MAX_TEXT_LENGTH };
const FOLLOW_UP = { id: 'Untuk ditindaklanjuti.', en: 'For follow-up.' };

const plain = (over: Partial<TransitionEffects> = {}): TransitionEffects => ({
  handoverTo: null,
  mark: 'PARAF',
  defaultInstruction: null,
  text: NOTE,
  namedReceiver: false,
  ...over,
});

/** Cancelling is possible from every status before DONE (the Kepala has not signed yet at AT_KEPALA). */
const CANCELLABLE: readonly RequestStatus[] = [...STEP_STATUSES, 'AT_KEPALA'];

/**
 * The Kasubbag may also send the format and forward the collection (steps 3 and 4): the SOP
 * gives these to staff acting on the Kasubbag's order, and the Kasubbag must be able to cover
 * for an absent Penyusun without an acting appointment. Closing collection with Bidang missing
 * (a waiver) is the Kasubbag's decision alone.
 */
const REQUEST_TRANSITION_LIST: RequestTransition[] = [
  {
    action: 'DISPOSE_TO_KASUBBAG', from: 'AT_SEKRETARIS', to: 'AT_KASUBBAG', step: 1, roles: ['SEKRETARIS'],
    effects: plain({ handoverTo: 'KASUBBAG', defaultInstruction: FOLLOW_UP, text: INSTRUCTION, namedReceiver: true }),
  },
  {
    action: 'DISPOSE_TO_STAFF', from: 'AT_KASUBBAG', to: 'AT_PENYUSUN', step: 2, roles: ['KASUBBAG'],
    effects: plain({ handoverTo: 'PENYUSUN', defaultInstruction: FOLLOW_UP, text: INSTRUCTION, namedReceiver: true }),
  },
  { action: 'SEND_FORMAT', from: 'AT_PENYUSUN', to: 'COLLECTING', step: 3, roles: ['PENYUSUN', 'KASUBBAG'], effects: plain({ opensSubmissions: true }) },
  { action: 'FORWARD_COLLECTION', from: 'COLLECTING', to: 'COMPILING', step: 4, roles: ['PENYUSUN', 'KASUBBAG'], effects: plain() },
  {
    action: 'CLOSE_COLLECTION', from: 'COLLECTING', to: 'COMPILING', step: 4, roles: ['KASUBBAG'],
    effects: plain({ text: { kind: 'NOTE', required: true, min: MIN_REASON_LENGTH, max: MAX_TEXT_LENGTH }, waivesSubmissions: true }),
  },
  { action: 'COMPILE', from: 'COMPILING', to: 'ANALYSING', step: 5, roles: ['KASUBBAG'], effects: plain() },
  {
    action: 'SUBMIT_REPORT', from: 'ANALYSING', to: 'REPORT_AT_SEKRETARIS', step: 6, recordedAsStep: 7, roles: ['KASUBBAG'],
    effects: plain({
      handoverTo: 'SEKRETARIS',
      defaultInstruction: { id: 'Bersama ini disampaikan rekap capaian kinerja untuk dinaikkan kepada Kepala Dinas.', en: 'Herewith the performance recap, to be raised to the Kepala Dinas.' },
      freezesAnalysis: true,
    }),
  },
  {
    action: 'RAISE_TO_KEPALA', from: 'REPORT_AT_SEKRETARIS', to: 'AT_KEPALA', step: 7, roles: ['SEKRETARIS'],
    effects: plain({
      handoverTo: 'KEPALA_DINAS',
      defaultInstruction: { id: 'Dengan hormat, disampaikan hasil capaian pengumpulan data kinerja dinas.', en: 'Respectfully submitted: the office’s performance achievement results.' },
    }),
  },
  // Not in the SOP's happy path, but what a Sekretaris does with a report that is not ready: it
  // goes back to step 6 with a reason; the submitted analysis stays frozen and the Kasubbag's
  // next save starts a new version of it.
  {
    action: 'RETURN_REPORT', from: 'REPORT_AT_SEKRETARIS', to: 'ANALYSING', step: 7, roles: ['SEKRETARIS'],
    effects: plain({ handoverTo: 'KASUBBAG', text: { ...INSTRUCTION, kind: 'REASON' }, namedReceiver: true }),
  },
  {
    action: 'ACKNOWLEDGE', from: 'AT_KEPALA', to: 'DONE', step: null, roles: ['KEPALA_DINAS'],
    effects: plain({
      handoverTo: 'SEKRETARIS',
      mark: 'SIGNATURE',
      defaultInstruction: { id: 'Laporan diterima.', en: 'Report received.' },
      text: { kind: 'ARAHAN', required: false, min: 0, max: MAX_TEXT_LENGTH },
      final: true,
    }),
  },
  // The Kepala Dinas sends the report back with a reason: to the Sekretaris (step 7 again) or to
  // the Kasubbag (step 6 again). Two rows of one action: the caller names the target.
  {
    action: 'KEPALA_RETURN', from: 'AT_KEPALA', to: 'REPORT_AT_SEKRETARIS', step: null, roles: ['KEPALA_DINAS'],
    effects: plain({ handoverTo: 'SEKRETARIS', mark: 'SIGNATURE', text: REASON }),
  },
  {
    action: 'KEPALA_RETURN', from: 'AT_KEPALA', to: 'ANALYSING', step: null, roles: ['KEPALA_DINAS'],
    effects: plain({ handoverTo: 'KASUBBAG', mark: 'SIGNATURE', text: REASON }),
  },
  ...CANCELLABLE.map((from): RequestTransition => ({
    action: 'CANCEL', from, to: 'CANCELLED', step: null, roles: ['SEKRETARIS'],
    effects: plain({ text: REASON, closesOpenSteps: true }),
  })),
];

export const REQUEST_TRANSITIONS: readonly RequestTransition[] = Object.freeze(REQUEST_TRANSITION_LIST);

/** Every request action, in the order of the procedure. */
export const REQUEST_ACTIONS: readonly RequestAction[] = [...new Set(REQUEST_TRANSITION_LIST.map((t) => t.action))];

/** The step number a disposition of this transition carries (printed and shown): see `recordedAsStep`. */
export function dispositionStep(t: Pick<RequestTransition, 'step' | 'recordedAsStep'>): StepNo {
  return t.recordedAsStep ?? t.step ?? 7;
}

export function statusOfStep(step: StepNo): RequestStatus {
  const status = STEP_STATUSES[step - 1];
  if (!status) throw new RangeError(`Unknown SOP step: ${step}`);
  return status;
}

/** The step under way in this status; null at the Kepala's desk, once DONE or CANCELLED. */
export function stepOfStatus(s: RequestStatus): StepNo | null {
  const index = STEP_STATUSES.indexOf(s);
  return index < 0 ? null : ((index + 1) as StepNo);
}

/**
 * The one overdue rule: a request is overdue when a step is under way and past its due time. The
 * Kepala's desk has no standard time in the SOP; a finished or cancelled request never is.
 */
export function isRequestOverdue(r: { status: RequestStatus; dueAt: Date | null }, now: Date): boolean {
  return stepOfStatus(r.status) !== null && !!r.dueAt && r.dueAt.getTime() < now.getTime();
}

/** Facts about the request's data that some transitions depend on; the caller loads them. */
export interface RequestGuardContext {
  submissions?: { status: SubmissionStatus; bidangId?: string }[];
  hasAnalysis?: boolean;
  /** CLOSE_COLLECTION: the Bidang named as missing (undefined = not chosen yet, as for availableActions). */
  waivedBidangIds?: readonly string[];
  /** KEPALA_RETURN: where the report goes back to. */
  to?: RequestStatus;
  /** The text given with the action (undefined = not given yet, as for availableActions). */
  text?: string | null;
}

export type TransitionRefusal =
  | 'UNKNOWN_ACTION'
  | 'WRONG_STATE'
  | 'ROLE_NOT_ALLOWED'
  | 'SUBMISSIONS_INCOMPLETE'
  | 'ANALYSIS_MISSING'
  | 'NOTHING_TO_WAIVE'
  | 'WAIVER_NOT_ALLOWED'
  | 'NOTHING_ACCEPTED'
  | 'TEXT_REQUIRED'
  | 'TEXT_TOO_LONG';

export type TransitionCheck = { ok: true; transition: RequestTransition } | { ok: false; reason: TransitionRefusal };

function holdsAny(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r));
}

/** May this text go with this transition? Null when it may. */
export function checkTransitionText(rule: TextRule, text: string | null | undefined): 'TEXT_REQUIRED' | 'TEXT_TOO_LONG' | null {
  const t = (text ?? '').trim();
  if (t.length > rule.max) return 'TEXT_TOO_LONG';
  if (rule.required && t.length < rule.min) return 'TEXT_REQUIRED';
  if (!rule.required && t.length > 0 && t.length < rule.min) return 'TEXT_REQUIRED';
  return null;
}

/** A submission the Kasubbag may close collection without: not handed in (a handed-in one is reviewed first). */
export function isSubmissionWaivable(s: SubmissionStatus): boolean {
  return s !== 'SUBMITTED' && s !== 'ACCEPTED' && s !== 'WAIVED';
}

function dataRefusal(t: RequestTransition, ctx: RequestGuardContext): TransitionRefusal | null {
  const subs = ctx.submissions ?? [];
  if (t.action === 'FORWARD_COLLECTION') {
    // The SOP warns that reporting stalls when collection is incomplete, so nothing moves on
    // to compilation until every Bidang's submission has been accepted (or waived).
    if (subs.length === 0 || subs.some((s) => s.status !== 'ACCEPTED' && s.status !== 'WAIVED')) return 'SUBMISSIONS_INCOMPLETE';
  }
  if (t.action === 'CLOSE_COLLECTION') {
    if (!subs.some((s) => isSubmissionWaivable(s.status))) return 'NOTHING_TO_WAIVE';
    if (ctx.waivedBidangIds !== undefined) {
      const waived = new Set(ctx.waivedBidangIds);
      if (waived.size === 0) return 'NOTHING_TO_WAIVE';
      // Every named Bidang must have a submission that may be waived.
      for (const id of waived) {
        const s = subs.find((x) => x.bidangId === id);
        if (!s || !isSubmissionWaivable(s.status)) return 'WAIVER_NOT_ALLOWED';
      }
      const rest = subs.filter((s) => !waived.has(s.bidangId ?? ''));
      if (rest.some((s) => s.status !== 'ACCEPTED')) return 'SUBMISSIONS_INCOMPLETE';
      // A request nobody answered is cancelled, not reported.
      if (!rest.some((s) => s.status === 'ACCEPTED')) return 'NOTHING_ACCEPTED';
    }
  }
  if (t.action === 'SUBMIT_REPORT' && ctx.hasAnalysis !== true) {
    // Step 6's output is the rekap capaian; without it there is no report to hand on.
    return 'ANALYSIS_MISSING';
  }
  if (ctx.text !== undefined) return checkTransitionText(t.effects.text, ctx.text);
  return null;
}

/**
 * May an actor holding `roles` (every role held right now, acting Plt/Plh included) take
 * `action` on a request in `status`? The checks run in a fixed order so the reason given is the
 * most basic one: a nonsense action, then the wrong moment, then the wrong person, then the data.
 */
export function checkRequestTransition(
  status: RequestStatus,
  action: RequestAction,
  roles: readonly Role[],
  ctx: RequestGuardContext = {},
): TransitionCheck {
  const forAction = REQUEST_TRANSITIONS.filter((t) => t.action === action);
  if (forAction.length === 0) return { ok: false, reason: 'UNKNOWN_ACTION' };
  const fromHere = forAction.filter((t) => t.from === status);
  const transition = (ctx.to ? fromHere.find((t) => t.to === ctx.to) : fromHere[0]);
  if (!transition) return { ok: false, reason: 'WRONG_STATE' };
  if (!holdsAny(roles, transition.roles)) return { ok: false, reason: 'ROLE_NOT_ALLOWED' };
  const refusal = dataRefusal(transition, ctx);
  return refusal ? { ok: false, reason: refusal } : { ok: true, transition };
}

/**
 * Actions the actor may in principle take now (role and state). Data guards are not evaluated
 * here; `requestCapabilities` (capabilities.ts) adds the reason an offered action would be refused.
 */
export function availableRequestActions(status: RequestStatus, roles: readonly Role[]): RequestAction[] {
  return [...new Set(REQUEST_TRANSITIONS.filter((t) => t.from === status && holdsAny(roles, t.roles)).map((t) => t.action))];
}

/** The role an actor acts in for a transition: the first of its roles he holds. */
export function actingRoleFor(t: Pick<RequestTransition, 'roles'>, roles: readonly Role[]): Role | null {
  return t.roles.find((r) => roles.includes(r)) ?? null;
}

/* ------------------------------------------------------------------------------------------
 * The Bidang submission: what one Bidang hands in at step 4 (LHP, LHE, TL HP and data).
 * ---------------------------------------------------------------------------------------- */

/**
 * AWAITING_HEAD: sent by the operator to the Kepala Bidang for sign-off (issue 11). WAIVED: the
 * Kasubbag closed collection without it ("tidak menyerahkan"); counted late.
 */
export type SubmissionStatus = 'DRAFT' | 'AWAITING_HEAD' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' | 'WAIVED';
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

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['DRAFT', 'AWAITING_HEAD', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'WAIVED'];

/** Minimum length of a return reason after trimming: long enough to rule out "-" or "ok". */
export const MIN_RETURN_REASON_LENGTH = MIN_REASON_LENGTH;

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
  AT_KEPALA: { id: 'Menunggu tanda tangan Kepala Dinas', en: 'Awaiting the Kepala Dinas’s signature' },
  DONE: { id: 'Selesai, diterima dan ditandatangani Kepala Dinas', en: 'Done, received and signed by the Kepala Dinas' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, { id: string; en: string }> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  AWAITING_HEAD: { id: 'Menunggu persetujuan Kepala Bidang', en: 'Awaiting the Kepala Bidang’s sign-off' },
  SUBMITTED: { id: 'Dikirim, menunggu pemeriksaan', en: 'Submitted, awaiting review' },
  RETURNED: { id: 'Dikembalikan untuk perbaikan', en: 'Returned for correction' },
  ACCEPTED: { id: 'Diterima', en: 'Accepted' },
  WAIVED: { id: 'Tidak menyerahkan', en: 'Did not submit' },
};
