/**
 * One place for the procedure's policy: who may do what, from which state. The API's role gates
 * (`@Authorized`), its `availableActions` (with the reason an offered action would be refused now)
 * and the web app's buttons are derived from this table; none of them restates a guard.
 */
import { OFFICE_READERS, SECRETARIAT_ROLES } from './documents';
import { BIDANG_ROLES, INDICATOR_MANAGERS, type Role } from './roles';
import {
  checkRequestTransition,
  REQUEST_ACTIONS,
  REQUEST_TRANSITIONS,
  SUBMISSION_TRANSITIONS,
  type RequestAction,
  type RequestGuardContext,
  type RequestStatus,
  type SubmissionAction,
  type SubmissionStatus,
  type TransitionRefusal,
} from './state-machine';

/** An action the API offers, with the roles that may take it and the states it needs. */
export interface Capability {
  roles: readonly Role[];
  /** Request statuses it may be taken in (request actions, analysis, request documents). */
  requestStates?: readonly RequestStatus[];
  /** Submission statuses it may be taken in (submission actions). */
  submissionStates?: readonly SubmissionStatus[];
}

export type CapabilityName =
  | `request.${RequestAction}`
  | `submission.${SubmissionAction}`
  | 'request.REGISTER'
  | 'analysis.SAVE'
  | DocumentCapability
  | OfficeCapability;

/**
 * Documents (session 6): attaching and reading, from the rules that decide them (documents.ts
 * `mayReadDocument`, the API's upload check). The object-level part stays in the service: a
 * Bidang attaches only to its own submission while it is editable, reads only its own Bidang's.
 */
export type DocumentCapability =
  | 'document.ATTACH_TO_SUBMISSION'
  | 'document.ATTACH_TO_REQUEST'
  | 'document.ATTACH_FOLLOW_UP_EVIDENCE'
  | 'document.READ_FORMAT'
  | 'document.READ_OFFICE_PAPERS'
  | 'document.READ_DATASET';

/** Office settings (session 6): the calendar, the letterhead, the Bidang, the sign-off switch; the IKU lists. */
export type OfficeCapability = 'office.SETTINGS' | 'office.INDICATORS';

const fromRequest = (action: RequestAction): Capability => {
  const rows = REQUEST_TRANSITIONS.filter((t) => t.action === action);
  return { roles: [...new Set(rows.flatMap((t) => t.roles))], requestStates: [...new Set(rows.map((t) => t.from))] };
};
const fromSubmission = (action: SubmissionAction): Capability => {
  const rows = SUBMISSION_TRANSITIONS.filter((t) => t.action === action);
  return { roles: [...new Set(rows.flatMap((t) => t.roles))], submissionStates: [...new Set(rows.map((t) => t.from))], requestStates: ['COLLECTING'] };
};

const SUBMISSION_ACTIONS: readonly SubmissionAction[] = [...new Set(SUBMISSION_TRANSITIONS.map((t) => t.action))];

export const CAPABILITIES: Readonly<Record<CapabilityName, Capability>> = Object.freeze({
  'request.REGISTER': { roles: ['SEKRETARIS'] },
  'analysis.SAVE': { roles: ['KASUBBAG'], requestStates: ['ANALYSING'] },
  // An attachment of a Bidang's submission (LHP, LHE, TL HP, other): its operator or head, while collecting.
  'document.ATTACH_TO_SUBMISSION': { roles: BIDANG_ROLES, requestStates: ['COLLECTING'] },
  // A request-level document (letter, format, report): the procedure's officers; the administrator does not take part.
  'document.ATTACH_TO_REQUEST': { roles: OFFICE_READERS.filter((r) => r !== 'ADMIN') },
  // Evidence of a follow-up (TL HP, issue 14): the finding's Bidang, while the APIP has not reviewed it.
  'document.ATTACH_FOLLOW_UP_EVIDENCE': { roles: BIDANG_ROLES },
  // The data request format (format.pdf / format.xlsx, a stored FORMAT): the office-wide roles and each Bidang its own.
  'document.READ_FORMAT': { roles: [...OFFICE_READERS, ...BIDANG_ROLES] },
  // The recap, the disposition sheet, the request-level papers and their exports.
  'document.READ_OFFICE_PAPERS': { roles: OFFICE_READERS },
  // The compiled data set of step 5 (dataset.xlsx): the secretariat that compiles it.
  'document.READ_DATASET': { roles: SECRETARIAT_ROLES },
  // Office hours and holidays, the kop surat, the Bidang, whether the Kepala Bidang signs off.
  'office.SETTINGS': { roles: ['ADMIN'] },
  // Renstra periods, Sasaran and indicators (IKU).
  'office.INDICATORS': { roles: INDICATOR_MANAGERS },
  ...(Object.fromEntries(REQUEST_ACTIONS.map((a) => [`request.${a}`, fromRequest(a)])) as Record<`request.${RequestAction}`, Capability>),
  ...(Object.fromEntries(SUBMISSION_ACTIONS.map((a) => [`submission.${a}`, fromSubmission(a)])) as Record<`submission.${SubmissionAction}`, Capability>),
});

/** The coarse role gate of the API operation that takes this capability (`@Authorized(...)`). */
export function capabilityRoles(name: CapabilityName): Role[] {
  return [...CAPABILITIES[name].roles];
}

/** A refusal shown beside an offered action, in both languages. */
export const BLOCKED_REASON_LABELS: Record<TransitionRefusal, { id: string; en: string }> = {
  UNKNOWN_ACTION: { id: 'Tindakan tidak dikenal.', en: 'Unknown action.' },
  WRONG_STATE: { id: 'Tidak dapat dilakukan pada tahap ini.', en: 'Not possible at this step.' },
  ROLE_NOT_ALLOWED: { id: 'Anda tidak berwenang.', en: 'You are not allowed.' },
  SUBMISSIONS_INCOMPLETE: { id: 'Belum semua Bidang mengirim data yang telah diterima.', en: 'Not every Bidang has an accepted submission yet.' },
  ANALYSIS_MISSING: { id: 'Analisis capaian belum disusun.', en: 'The analysis has not been made yet.' },
  NOTHING_TO_WAIVE: { id: 'Tidak ada Bidang yang belum menyerahkan data.', en: 'No Bidang is missing.' },
  WAIVER_NOT_ALLOWED: {
    id: 'Bidang yang dipilih sudah mengirim data (periksa kirimannya) atau tidak termasuk permintaan ini.',
    en: 'A chosen Bidang has already submitted (review it) or is not part of this request.',
  },
  NOTHING_ACCEPTED: { id: 'Belum ada data Bidang yang diterima; batalkan permintaan bila tidak ada Bidang yang menyerahkan.', en: 'No Bidang’s data is accepted; cancel the request if nobody submits.' },
  TEXT_REQUIRED: { id: 'Isian teks wajib diisi.', en: 'The text is required.' },
  TEXT_TOO_LONG: { id: 'Teks terlalu panjang (maksimal 2000 karakter).', en: 'The text is too long (at most 2000 characters).' },
};

export interface OfferedAction {
  action: RequestAction;
  /** Null: the server would take it now; otherwise why it would refuse (e.g. SUBMISSIONS_INCOMPLETE). */
  blockedReason: TransitionRefusal | null;
}

/**
 * What the actor may do on a request now: every action his roles allow from this status, each
 * with the reason the data refuses it (null when it would succeed). Texts are not judged here
 * (they are not written yet); the role and the state are.
 */
export function requestCapabilities(status: RequestStatus, roles: readonly Role[], ctx: Omit<RequestGuardContext, 'text' | 'waivedBidangIds' | 'to'>): OfferedAction[] {
  const offered: OfferedAction[] = [];
  for (const action of REQUEST_ACTIONS) {
    const check = checkRequestTransition(status, action, roles, ctx);
    if (check.ok) offered.push({ action, blockedReason: null });
    else if (check.reason !== 'WRONG_STATE' && check.reason !== 'ROLE_NOT_ALLOWED' && check.reason !== 'UNKNOWN_ACTION') {
      offered.push({ action, blockedReason: check.reason });
    }
  }
  return offered;
}

/** Labels of the actions (buttons), Indonesian first. */
export const REQUEST_ACTION_LABELS: Record<RequestAction, { id: string; en: string }> = {
  DISPOSE_TO_KASUBBAG: { id: 'Disposisikan kepada Kasubbag', en: 'Dispose to the Kasubbag' },
  DISPOSE_TO_STAFF: { id: 'Disposisikan kepada Penyusun', en: 'Dispose to the Penyusun' },
  SEND_FORMAT: { id: 'Kirim format kepada Bidang', en: 'Send the format to the Bidang' },
  FORWARD_COLLECTION: { id: 'Teruskan data terkumpul kepada Kasubbag', en: 'Forward the collected data to the Kasubbag' },
  CLOSE_COLLECTION: { id: 'Tutup pengumpulan tanpa Bidang yang tidak menyerahkan', en: 'Close collection without the missing Bidang' },
  COMPILE: { id: 'Himpun data', en: 'Compile the data' },
  SUBMIT_REPORT: { id: 'Sampaikan laporan kepada Sekretaris', en: 'Hand the report to the Sekretaris' },
  RAISE_TO_KEPALA: { id: 'Naikkan laporan kepada Kepala Dinas', en: 'Raise the report to the Kepala Dinas' },
  RETURN_REPORT: { id: 'Kembalikan laporan kepada Kasubbag', en: 'Return the report to the Kasubbag' },
  ACKNOWLEDGE: { id: 'Terima laporan (tanda tangan)', en: 'Receive the report (sign)' },
  KEPALA_RETURN: { id: 'Kembalikan laporan dengan alasan', en: 'Return the report with a reason' },
  CANCEL: { id: 'Batalkan permintaan', en: 'Cancel the request' },
};

/**
 * The label for the role the actor acts in: the Kasubbag who closes step 4 himself is not
 * offered a hand-over "to the Kasubbag".
 */
export function requestActionLabel(action: RequestAction, actingRole: Role | null): { id: string; en: string } {
  if (action === 'FORWARD_COLLECTION' && actingRole === 'KASUBBAG') {
    return { id: 'Selesaikan pengumpulan data (semua Bidang diterima)', en: 'Finish collection (every Bidang accepted)' };
  }
  return REQUEST_ACTION_LABELS[action];
}
