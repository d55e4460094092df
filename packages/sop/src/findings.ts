/**
 * Audit findings and their follow-up (TL HP, issue 14 §2): the sources of audit reports, the BPK
 * status scale, the deadline, who may do what, and when reminders and escalations fall. Pure: the
 * API stores and sends (apps/api/src/finding).
 *
 * Peraturan BPK No. 2 Tahun 2017: the answer with its evidence is due 60 days after the LHP is
 * received (Pasal 3), verified by the APIP before it goes to BPK (Pasal 4); BPK classifies each
 * recommendation 1–4 (Pasal 6), and 4 needs a reason.
 */
import { isWorkingDay, nextWorkingStart, type WorkCalendar } from './calendar';
import type { Role } from './roles';

/** Who issued the report: BPK, the Inspektorat, another APIP (LHP), or an AKIP evaluation (LHE). */
export const AUDIT_SOURCES = ['BPK', 'INSPEKTORAT', 'APIP_LAIN', 'AKIP'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];
export const isAuditSource = (v: unknown): v is AuditSource => typeof v === 'string' && (AUDIT_SOURCES as readonly string[]).includes(v);

export const AUDIT_SOURCE_LABELS: Record<AuditSource, { id: string; en: string }> = {
  BPK: { id: 'BPK', en: 'BPK (Supreme Audit Board)' },
  INSPEKTORAT: { id: 'Inspektorat', en: 'Inspectorate' },
  APIP_LAIN: { id: 'APIP lainnya', en: 'Other internal auditor (APIP)' },
  AKIP: { id: 'Evaluasi AKIP', en: 'AKIP evaluation' },
};

/** An AKIP evaluation yields a Laporan Hasil Evaluasi; every audit a Laporan Hasil Pemeriksaan. */
export const reportKindOf = (source: AuditSource): 'LHP' | 'LHE' => (source === 'AKIP' ? 'LHE' : 'LHP');

/** The BPK scale (Pasal 6), in its order: the number is what BPK's matrices print. */
export const TL_STATUSES = ['SESUAI', 'BELUM_SESUAI', 'BELUM_DITINDAKLANJUTI', 'TIDAK_DAPAT_DITINDAKLANJUTI'] as const;
export type TlStatus = (typeof TL_STATUSES)[number];

export const TL_STATUS_NUMBER: Record<TlStatus, 1 | 2 | 3 | 4> = { SESUAI: 1, BELUM_SESUAI: 2, BELUM_DITINDAKLANJUTI: 3, TIDAK_DAPAT_DITINDAKLANJUTI: 4 };

export const TL_STATUS_LABELS: Record<TlStatus, { id: string; en: string }> = {
  SESUAI: { id: 'Sesuai dengan rekomendasi', en: 'In line with the recommendation' },
  BELUM_SESUAI: { id: 'Belum sesuai dengan rekomendasi (dalam proses)', en: 'Not yet in line (in progress)' },
  BELUM_DITINDAKLANJUTI: { id: 'Belum ditindaklanjuti', en: 'Not followed up yet' },
  TIDAK_DAPAT_DITINDAKLANJUTI: { id: 'Tidak dapat ditindaklanjuti', en: 'Cannot be followed up' },
};

/** A new recommendation has had no follow-up. */
export const INITIAL_TL_STATUS: TlStatus = 'BELUM_DITINDAKLANJUTI';

/** A follow-up action sent by the Bidang: waiting for the APIP, verified, or returned with a note. */
export const FOLLOW_UP_STATES = ['SUBMITTED', 'VERIFIED', 'RETURNED'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** Default days for the answer (Pasal 3); configurable per source per office. */
export const DEFAULT_TL_DEADLINE_DAYS = 60;
/** Bounds of the configurable number of days. */
export const TL_DEADLINE_DAYS_MIN = 1;
export const TL_DEADLINE_DAYS_MAX = 365;
/** The reminder to the Bidang goes this many calendar days before the deadline. */
export const TL_REMINDER_DAYS_BEFORE = 7;

const DAY_MS = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The deadline: the LHP's receipt date plus N **calendar** days ('2027-01-15' + 60 = '2027-03-16').
 * Calendar days because Pasal 3 counts "hari" from receipt and BPK's monitoring matrices date the
 * deadline that way; a deadline on a holiday stays on that date (the reminder comes earlier).
 */
export function tlDeadline(receivedDate: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedDate) || Number.isNaN(utc(receivedDate).getTime())) throw new RangeError(`not a date: ${receivedDate}`);
  if (!Number.isInteger(days) || days < TL_DEADLINE_DAYS_MIN || days > TL_DEADLINE_DAYS_MAX) throw new RangeError(`days out of range: ${days}`);
  return ymd(new Date(utc(receivedDate).getTime() + days * DAY_MS));
}

/** Open = not yet verified by the APIP. Overdue = open after the deadline day (local date `today`). */
export function isTlOverdue(deadline: string, verified: boolean, today: string): boolean {
  return !verified && today > deadline;
}

/** The local date of an instant in an office's offset. */
export const localDate = (cal: Pick<WorkCalendar, 'utcOffsetMinutes'>, at: Date): string => ymd(new Date(at.getTime() + cal.utcOffsetMinutes * 60_000));

/**
 * When the reminder and the escalation of a recommendation fall:
 * - reminder: the office's opening on the working day at or before `deadline − 7 days` (a
 *   weekend or holiday moves it earlier, never later, so the Bidang keeps at least 7 days);
 * - escalation: the end of the deadline day, i.e. local midnight after it (urgent: sent at once).
 * A reminder moment already past at `now` is null (the recommendation was entered late).
 */
export function tlReminderMoments(cal: WorkCalendar, deadline: string, now: Date): { remindAt: Date | null; escalateAt: Date } {
  const offset = cal.utcOffsetMinutes * 60_000;
  const localMidnight = (date: string) => new Date(utc(date).getTime() - offset);
  let day = new Date(utc(deadline).getTime() - TL_REMINDER_DAYS_BEFORE * DAY_MS);
  // Search back at most a year for a working day (a calendar without one gives no reminder).
  let remindAt: Date | null = null;
  for (let i = 0; i < 366; i++, day = new Date(day.getTime() - DAY_MS)) {
    const start = localMidnight(ymd(day));
    if (isWorkingDay(cal, new Date(start.getTime() + 12 * 3_600_000))) {
      remindAt = nextWorkingStart(cal, start);
      break;
    }
  }
  if (remindAt && remindAt.getTime() <= now.getTime()) remindAt = null;
  return { remindAt, escalateAt: new Date(localMidnight(deadline).getTime() + DAY_MS) };
}

/** Why a verification is refused, or null. Status 4 needs a reason (Pasal 6); 3 is not a verdict. */
export type VerificationProblem = 'REASON_REQUIRED' | 'NOT_A_VERDICT';
export function checkVerification(status: TlStatus, reason: string | null | undefined): VerificationProblem | null {
  if (status === 'BELUM_DITINDAKLANJUTI') return 'NOT_A_VERDICT';
  if (status === 'TIDAK_DAPAT_DITINDAKLANJUTI' && (reason ?? '').trim().length < 5) return 'REASON_REQUIRED';
  return null;
}

/** What can be done with findings, and by whom (the resolvers' role gates come from here). */
export type FindingAction = 'ENTER' | 'ANSWER' | 'VERIFY' | 'READ_ALL' | 'CONFIGURE';
export const FINDING_ROLES: Record<FindingAction, readonly Role[]> = {
  /** Enter reports, findings, recommendations; import from Excel. */
  ENTER: ['KASUBBAG', 'PENYUSUN', 'ADMIN'],
  /** Answer a recommendation of one's own Bidang. */
  ANSWER: ['BIDANG_OPERATOR', 'BIDANG_HEAD'],
  /** Verify or return a follow-up. */
  VERIFY: ['APIP'],
  /** Read every Bidang's findings. */
  READ_ALL: ['ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN', 'APIP'],
  /** Days per source. */
  CONFIGURE: ['KASUBBAG', 'ADMIN'],
};
export const FINDING_READERS: readonly Role[] = [...new Set([...FINDING_ROLES.READ_ALL, ...FINDING_ROLES.ANSWER])];
export const mayFinding = (roles: readonly string[], action: FindingAction): boolean => roles.some((r) => (FINDING_ROLES[action] as readonly string[]).includes(r));

/**
 * Editing a finding after entry (issue 14 §2, session 5). What may change depends on how far its
 * follow-up has gone (docs/decisions.md "Editing a finding"):
 * - once the APIP has verified any follow-up of it (any status), the finding and all its
 *   recommendations are frozen: the verdict was given on that text, and BPK's matrix reports it;
 * - once the Bidang has sent any follow-up, the finding stays with that Bidang (the answer is theirs);
 * - a recommendation that has a follow-up keeps its code and text and cannot be removed;
 * - the rest (texts of the finding, indicator, recommendations without follow-up, new ones) may change.
 */
export interface FindingNow {
  bidangId: string;
  recommendations: readonly { id: string; code: string; text: string; verified: boolean; followUps: number }[];
}
export interface FindingEdit {
  bidangId: string;
  recommendations: readonly { id?: string | null; code: string; text: string }[];
}
export type FindingEditProblem =
  | { kind: 'VERIFIED' }
  | { kind: 'BIDANG_ANSWERED' }
  | { kind: 'UNKNOWN_RECOMMENDATION'; index: number }
  | { kind: 'ANSWERED_REMOVED'; code: string }
  | { kind: 'ANSWERED_CHANGED'; code: string; index: number };

/** Why the finding cannot be edited at all, or null. */
export function findingLock(now: { recommendations: readonly { verified: boolean }[] }): 'VERIFIED' | null {
  return now.recommendations.some((r) => r.verified) ? 'VERIFIED' : null;
}

/** Every reason the edit is refused (empty = allowed). Texts are compared trimmed. */
export function findingEditProblems(now: FindingNow, edit: FindingEdit): FindingEditProblem[] {
  if (findingLock(now)) return [{ kind: 'VERIFIED' }];
  const out: FindingEditProblem[] = [];
  const answered = now.recommendations.some((r) => r.followUps > 0);
  if (answered && edit.bidangId !== now.bidangId) out.push({ kind: 'BIDANG_ANSWERED' });
  const byId = new Map(now.recommendations.map((r) => [r.id, r]));
  const kept = new Set<string>();
  edit.recommendations.forEach((e, index) => {
    if (!e.id) return;
    const r = byId.get(e.id);
    if (!r) return void out.push({ kind: 'UNKNOWN_RECOMMENDATION', index });
    kept.add(r.id);
    if (r.followUps > 0 && (e.code.trim() !== r.code || e.text.trim() !== r.text)) out.push({ kind: 'ANSWERED_CHANGED', code: r.code, index });
  });
  for (const r of now.recommendations) if (!kept.has(r.id) && r.followUps > 0) out.push({ kind: 'ANSWERED_REMOVED', code: r.code });
  return out;
}
