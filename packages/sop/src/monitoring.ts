/**
 * Monitoring and evaluating the SOP itself (PermenPAN-RB 35/2012, Pedoman Penyusunan SOP AP):
 * every six months the supervisor fills the form "Monitoring Pelaksanaan SOP AP" and answers the
 * evaluation's seven Ya/Tidak questions. The facts of that form come from the recorded step runs:
 * how often each step ran, its standard, the median and 90th percentile of its actual working
 * time, how often and by how much it was late and by whom, and the returns per Bidang. Pure: the
 * API loads the runs, this computes every number (and the tests recompute them by hand).
 */
import { standardMinutes, workingMinutesBetween, type WorkCalendar } from './calendar';
import { ROLE_LABELS, type Role } from './roles';
import { REQUEST_TRANSITIONS } from './state-machine';
import { SOP_STEPS, type StepNo } from './steps';

/* ---------------------------------------------------------------- period */

/** A monitoring period: a semester (1: January–June, 2: July–December) or the whole year (null). */
export interface MonitoringPeriod {
  year: number;
  semester: 1 | 2 | null;
}

const SEMESTER_ROMAN = ['I', 'II'] as const;

export function monitoringPeriodLabel(p: MonitoringPeriod, lang: 'id' | 'en' = 'id'): string {
  if (p.semester === null) return lang === 'id' ? `Tahun ${p.year}` : `Year ${p.year}`;
  return lang === 'id' ? `Semester ${SEMESTER_ROMAN[p.semester - 1]} ${p.year}` : `Semester ${p.semester} ${p.year}`;
}

/** The months of the period, 'YYYY-MM', in order. */
export function monitoringMonths(p: MonitoringPeriod): string[] {
  const first = p.semester === 2 ? 7 : 1;
  const last = p.semester === 1 ? 6 : 12;
  const out: string[] = [];
  for (let m = first; m <= last; m++) out.push(`${p.year}-${String(m).padStart(2, '0')}`);
  return out;
}

/** [from, to) of the period in the office's local time (midnight at its UTC offset). */
export function monitoringRange(p: MonitoringPeriod, utcOffsetMinutes: number): { from: Date; to: Date } {
  const months = monitoringMonths(p);
  const first = months[0]!;
  const [ly, lm] = months.at(-1)!.split('-').map(Number) as [number, number];
  const offset = utcOffsetMinutes * 60_000;
  const from = new Date(Date.UTC(p.year, Number(first.slice(5)) - 1, 1) - offset);
  const to = new Date(Date.UTC(lm === 12 ? ly + 1 : ly, lm === 12 ? 0 : lm, 1) - offset);
  return { from, to };
}

/** The semester a moment falls in, in local time: the default period of the monitoring page. */
export function semesterOf(d: Date, utcOffsetMinutes = 420): MonitoringPeriod {
  const local = new Date(d.getTime() + utcOffsetMinutes * 60_000);
  return { year: local.getUTCFullYear(), semester: local.getUTCMonth() < 6 ? 1 : 2 };
}

/** 'YYYY-MM' of a moment in local time. */
export function localMonth(d: Date, utcOffsetMinutes = 420): string {
  const local = new Date(d.getTime() + utcOffsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/* ---------------------------------------------------------------- statistics */

/**
 * The p-th percentile (0–100) by linear interpolation between the sorted values, the rule of
 * Excel's PERCENTILE.INC and MEDIAN (so the office can recompute the exported numbers in its own
 * spreadsheet): rank = p/100 × (n − 1). Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0–100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Minutes shown to one decimal: the stored timestamps carry milliseconds. */
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/* ---------------------------------------------------------------- step runs */

/** One recorded run of a step (a RequestStep row; each row is one run, returns included). */
export interface StepRun {
  step: StepNo;
  startedAt: Date;
  /** The due time as recorded (moved by calendar changes while the step was open). */
  dueAt: Date;
  completedAt: Date | null;
  /** Every role the one who completed it held at that moment (own and Plt/Plh); empty if unknown. */
  completerRoles: readonly Role[];
}

/** The roles that may complete a step (the state machine's transitions out of it). */
export function rolesOfStep(step: StepNo): Role[] {
  const roles: Role[] = [];
  for (const t of REQUEST_TRANSITIONS) if (t.step === step) for (const r of t.roles) if (!roles.includes(r)) roles.push(r);
  return roles;
}

/**
 * The role a run was completed in: the first of the step's roles the completer held. A completer
 * holding none of them (a broken row) counts under the step's first role, so no late run is lost.
 */
export function completingRole(step: StepNo, completerRoles: readonly Role[]): Role {
  const roles = rolesOfStep(step);
  return roles.find((r) => completerRoles.includes(r)) ?? roles[0]!;
}

export interface MonthPoint {
  /** 'YYYY-MM' of the runs' start. */
  month: string;
  runs: number;
  /** Median actual working minutes of the runs completed that started in this month. */
  medianMinutes: number | null;
}

export interface StepMonitoring {
  step: StepNo;
  /** The SOP's standard in working minutes (a working day = the office's day). */
  standardMinutes: number;
  /** Completed runs. */
  runs: number;
  /** Runs still open at `now`, and how many of them are already past due. */
  open: number;
  openOverdue: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Completed runs finished after their due time. */
  late: number;
  /** late / runs × 100, one decimal; null without runs. */
  lateSharePercent: number | null;
  /** Working minutes past due of the late runs. */
  lateMedianMinutes: number | null;
  lateMaxMinutes: number | null;
  /** Late runs per role they were completed in, most first. */
  lateByRole: { role: Role; count: number }[];
  monthly: MonthPoint[];
}

/**
 * Every number of the monitoring form per step. Lateness is decided on timestamps (finished after
 * the recorded due time), as on the timeline; "by how much" is in working minutes past due.
 */
export function summarizeSteps(cal: WorkCalendar, runs: readonly StepRun[], months: readonly string[], now: Date): StepMonitoring[] {
  return SOP_STEPS.map((def) => {
    const mine = runs.filter((r) => r.step === def.no);
    const done = mine.filter((r) => r.completedAt !== null);
    const open = mine.filter((r) => r.completedAt === null);
    const actual = done.map((r) => workingMinutesBetween(cal, r.startedAt, r.completedAt!));
    const lateRuns = done.filter((r) => r.completedAt!.getTime() > r.dueAt.getTime());
    const lateBy = lateRuns.map((r) => workingMinutesBetween(cal, r.dueAt, r.completedAt!));
    const byRole = new Map<Role, number>();
    for (const r of lateRuns) {
      const role = completingRole(def.no, r.completerRoles);
      byRole.set(role, (byRole.get(role) ?? 0) + 1);
    }
    const monthly = months.map((month) => {
      const inMonth = done.filter((r) => localMonth(r.startedAt, cal.utcOffsetMinutes) === month);
      return {
        month,
        runs: inMonth.length,
        medianMinutes: round1(median(inMonth.map((r) => workingMinutesBetween(cal, r.startedAt, r.completedAt!)))),
      };
    });
    return {
      step: def.no,
      standardMinutes: standardMinutes(cal, def.standardTime),
      runs: done.length,
      open: open.length,
      openOverdue: open.filter((r) => now.getTime() > r.dueAt.getTime()).length,
      medianMinutes: round1(median(actual)),
      p90Minutes: round1(percentile(actual, 90)),
      late: lateRuns.length,
      lateSharePercent: done.length ? round1((lateRuns.length / done.length) * 100) : null,
      lateMedianMinutes: round1(median(lateBy)),
      lateMaxMinutes: lateBy.length ? round1(Math.max(...lateBy)) : null,
      lateByRole: [...byRole.entries()].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
      monthly,
    };
  });
}

/* ---------------------------------------------------------------- Bidang */

/** One Bidang's part in one request of the period (its submission at step 4). */
export interface BidangHandIn {
  bidangId: string;
  /** Step 4's due time for that request; null while step 4 has not started. */
  dueAt: Date | null;
  /** The first hand-in to the secretariat (timeliness counts it); null = not handed in. */
  firstSubmittedAt: Date | null;
  /** How often the reviewer returned it. */
  returns: number;
}

export interface BidangMonitoring {
  bidangId: string;
  /** Formats received (submissions opened at step 3). */
  requests: number;
  handedIn: number;
  /** First hand-in after step 4's due time. */
  late: number;
  returns: number;
}

export function summarizeBidang(handIns: readonly BidangHandIn[]): BidangMonitoring[] {
  const by = new Map<string, BidangMonitoring>();
  for (const h of handIns) {
    const b = by.get(h.bidangId) ?? { bidangId: h.bidangId, requests: 0, handedIn: 0, late: 0, returns: 0 };
    b.requests++;
    if (h.firstSubmittedAt) b.handedIn++;
    if (h.firstSubmittedAt && h.dueAt && h.firstSubmittedAt.getTime() > h.dueAt.getTime()) b.late++;
    b.returns += h.returns;
    by.set(h.bidangId, b);
  }
  return [...by.values()];
}

/* ---------------------------------------------------------------- the facts in words */

/** "5 menit", "2 jam 5 menit", "1 hari 2 jam" (a day = `dayMinutes` of office time). */
export function workingDurationLabel(minutes: number | null, dayMinutes = 480): string {
  if (minutes === null) return '–';
  const m = Math.round(minutes);
  if (m < 60) return `${m} menit`;
  const days = dayMinutes > 0 ? Math.floor(m / dayMinutes) : 0;
  const rest = m - days * dayMinutes;
  const h = Math.floor(rest / 60);
  const min = rest % 60;
  return [days ? `${days} hari` : '', h ? `${h} jam` : '', min ? `${min} menit` : ''].filter(Boolean).join(' ');
}

const nf = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * The facts of one step as written in the form, in Indonesian: what the evaluator judges from.
 * No judgement: "berjalan dengan baik" or not is the evaluator's call.
 */
export function stepFactsText(s: StepMonitoring, dayMinutes = 480): string {
  const d = (n: number | null) => workingDurationLabel(n, dayMinutes);
  const parts = [`Standar ${d(s.standardMinutes)}.`];
  if (s.runs === 0) parts.push('Belum ada pelaksanaan yang selesai dalam periode ini.');
  else {
    parts.push(`Dilaksanakan ${s.runs} kali; median ${d(s.medianMinutes)}, persentil 90 ${d(s.p90Minutes)}.`);
    if (s.late === 0) parts.push('Tidak ada yang terlambat.');
    else {
      const who = s.lateByRole.map((x) => `${ROLE_LABELS[x.role].id} ${x.count} kali`).join(', ');
      parts.push(`Terlambat ${s.late} kali (${nf.format(s.lateSharePercent ?? 0)}%), median ${d(s.lateMedianMinutes)}, paling lama ${d(s.lateMaxMinutes)} lewat batas; oleh ${who}.`);
    }
  }
  if (s.open) parts.push(`Masih berjalan ${s.open}${s.openOverdue ? `, ${s.openOverdue} di antaranya melewati batas` : ''}.`);
  return parts.join(' ');
}

/* ---------------------------------------------------------------- the form */

/** Penilaian terhadap penerapan: the evaluator's judgement of one step. */
export type SopAssessment = 'RUNS_WELL' | 'NOT_RUNNING_WELL';

export const SOP_ASSESSMENT_LABELS: Record<SopAssessment, { id: string; en: string }> = {
  RUNS_WELL: { id: 'Berjalan dengan baik', en: 'Runs well' },
  NOT_RUNNING_WELL: { id: 'Tidak berjalan dengan baik', en: 'Does not run well' },
};

export const isSopAssessment = (v: unknown): v is SopAssessment => v === 'RUNS_WELL' || v === 'NOT_RUNNING_WELL';

/** The evaluation's seven Ya/Tidak questions (PermenPAN-RB 35/2012), in their order. */
export const SOP_EVALUATION_QUESTIONS: readonly { no: number; id: string; en: string }[] = Object.freeze([
  { no: 1, id: 'Mampu mendorong peningkatan kinerja', en: 'Drives better performance' },
  { no: 2, id: 'Mudah dipahami', en: 'Easy to understand' },
  { no: 3, id: 'Mudah dilaksanakan', en: 'Easy to carry out' },
  { no: 4, id: 'Semua orang dapat menjalankan perannya masing-masing', en: 'Everyone can play their own part' },
  { no: 5, id: 'Mampu mengatasi permasalahan yang berkaitan dengan proses', en: 'Solves the problems of the process' },
  { no: 6, id: 'Mampu menjawab kebutuhan peningkatan kinerja organisasi', en: 'Answers the organisation’s need for better performance' },
  { no: 7, id: 'Sinergi satu dengan lainnya', en: 'Its parts work together' },
]);

/** Who fills and initials the form, and who reads it. */
export const SOP_MONITORING_EDITORS: readonly Role[] = ['KASUBBAG'];
export const SOP_MONITORING_READERS: readonly Role[] = ['KASUBBAG', 'SEKRETARIS', 'KEPALA_DINAS'];

export const MAX_MONITORING_TEXT = 1000;

export interface MonitoringRowInput {
  step: number;
  assessment: SopAssessment | null;
  note: string | null;
  action: string | null;
}

export interface MonitoringProblem {
  field: string;
  id: string;
  en: string;
}

/**
 * What a saved form may hold (a draft may leave judgements empty): one row per step 1–7 at most
 * once, texts within bounds; answers only for questions 1–7.
 */
export function checkMonitoringDraft(rows: readonly MonitoringRowInput[], answers: readonly { no: number; answer: boolean | null }[]): MonitoringProblem[] {
  const problems: MonitoringProblem[] = [];
  const seen = new Set<number>();
  rows.forEach((r, i) => {
    if (!Number.isInteger(r.step) || r.step < 1 || r.step > 7 || seen.has(r.step)) {
      problems.push({ field: `rows.${i}.step`, id: 'Langkah harus 1–7, masing-masing sekali', en: 'The step must be 1–7, each once' });
    }
    seen.add(r.step);
    for (const key of ['note', 'action'] as const) {
      const v = r[key];
      if (v !== null && v.length > MAX_MONITORING_TEXT) {
        problems.push({ field: `rows.${i}.${key}`, id: `Paling banyak ${MAX_MONITORING_TEXT} karakter`, en: `At most ${MAX_MONITORING_TEXT} characters` });
      }
    }
  });
  const seenQ = new Set<number>();
  answers.forEach((a, i) => {
    if (!Number.isInteger(a.no) || a.no < 1 || a.no > SOP_EVALUATION_QUESTIONS.length || seenQ.has(a.no)) {
      problems.push({ field: `answers.${i}.no`, id: 'Nomor pertanyaan harus 1–7, masing-masing sekali', en: 'The question number must be 1–7, each once' });
    }
    seenQ.add(a.no);
  });
  return problems;
}

/**
 * What the paraf needs: every step judged, a step that does not run well with its action
 * ("Tindakan yang harus diambil"), and every question answered Ya or Tidak.
 */
export function checkMonitoringComplete(rows: readonly MonitoringRowInput[], answers: readonly { no: number; answer: boolean | null }[]): MonitoringProblem[] {
  const problems: MonitoringProblem[] = [];
  for (const def of SOP_STEPS) {
    const r = rows.find((x) => x.step === def.no);
    if (!r?.assessment) {
      problems.push({ field: `rows.${def.no}.assessment`, id: `Penilaian langkah ${def.no} belum diisi`, en: `Step ${def.no} has not been assessed` });
    } else if (r.assessment === 'NOT_RUNNING_WELL' && !r.action?.trim()) {
      problems.push({ field: `rows.${def.no}.action`, id: `Langkah ${def.no} tidak berjalan dengan baik: isi tindakan yang harus diambil`, en: `Step ${def.no} does not run well: state the action to take` });
    }
  }
  for (const q of SOP_EVALUATION_QUESTIONS) {
    const a = answers.find((x) => x.no === q.no);
    if (a?.answer !== true && a?.answer !== false) {
      problems.push({ field: `answers.${q.no}`, id: `Pertanyaan evaluasi ${q.no} belum dijawab Ya/Tidak`, en: `Evaluation question ${q.no} has not been answered Yes/No` });
    }
  }
  return problems;
}
