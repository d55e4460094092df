/**
 * Monitoring and evaluating the SOP itself (issue 14 §1, PermenPAN-RB 35/2012): the facts of a
 * period computed from the recorded step runs (packages/sop monitoring.ts does every number), and
 * the form "Monitoring Pelaksanaan SOP AP" the Kasubbag fills, saves and initials (paraf). The
 * facts are frozen into the form at the paraf: a signed form keeps what it was judged on.
 */
import {
  checkMonitoringComplete,
  completingRole,
  workingMinutesBetween,
  checkMonitoringDraft,
  getStep,
  monitoringMonths,
  monitoringPeriodLabel,
  monitoringRange,
  ROLE_LABELS,
  SOP_EVALUATION_QUESTIONS,
  SOP_MONITORING_EDITORS,
  SOP_STEPS,
  standardMinutes,
  stepFactsText,
  summarizeBidang,
  summarizeSteps,
  workingDurationLabel,
  type BidangHandIn,
  type MonitoringPeriod,
  type MonitoringRowInput,
  type Role,
  type SopAssessment,
  type StepMonitoring,
  type StepRun,
} from '@sipedaki/sop';
import { Prisma } from '../generated/prisma/client';
import type { Actor } from '../auth/actor';
import { hasAnyRole } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import type { Db } from '../db/prisma';

/** The audit actions of a report sent back down the line (the Sekretaris's; the Kepala's, issue 11). */
export const REPORT_RETURN_ACTIONS = ['request.return_report', 'request.kepala_return'] as const;

export interface MonitoringStepFacts extends StepMonitoring {
  activity: string;
  standardLabel: string;
  facts: string;
  lateByRole: { role: Role; count: number; label: string }[];
}

export interface MonitoringBidangFacts {
  bidangId: string;
  code: string;
  name: string;
  requests: number;
  handedIn: number;
  late: number;
  returns: number;
}

/** Everything the form states as fact: computed now, or frozen at the paraf. */
export interface MonitoringFacts {
  year: number;
  semester: number | null;
  label: string;
  from: string;
  to: string;
  months: string[];
  /** Requests whose step 1 started in the period. */
  requestCount: number;
  /** Reports returned (by the Sekretaris or the Kepala Dinas) in those requests. */
  reportReturns: number;
  dayMinutes: number;
  steps: MonitoringStepFacts[];
  bidang: MonitoringBidangFacts[];
  /** Every run behind the numbers (the XLSX lists them, so a spreadsheet can recompute each). */
  runs: MonitoringRunRow[];
  computedAt: string;
}

export interface MonitoringRunRow {
  letterNumber: string;
  step: number;
  startedAt: string;
  dueAt: string;
  completedAt: string | null;
  /** Working minutes start → finish (null while open). */
  actualMinutes: number | null;
  /** Working minutes past due (0 when on time; null while open). */
  lateMinutes: number | null;
  role: Role | null;
}

export interface MonitoringRow {
  step: number;
  assessment: SopAssessment | null;
  note: string | null;
  action: string | null;
}

export interface MonitoringAnswer {
  no: number;
  answer: boolean | null;
}

export interface MonitoringView {
  facts: MonitoringFacts;
  /** True when the facts are those frozen at the paraf. */
  frozen: boolean;
  id: string | null;
  /** 0 before the first save. */
  version: number;
  rows: MonitoringRow[];
  answers: MonitoringAnswer[];
  signedAt: Date | null;
  evaluatorId: string | null;
  evaluatorName: string | null;
  /** The caller may still change and initial it. */
  editable: boolean;
  /** What the paraf still needs (empty when it may be given). */
  missing: { field: string; message: string; messageEn: string }[];
}

export interface SaveMonitoringInput {
  year: number;
  semester: number | null;
  expectedVersion: number;
  rows: MonitoringRow[];
  answers: MonitoringAnswer[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const EMPTY_ROWS = (): MonitoringRow[] => SOP_STEPS.map((s) => ({ step: s.no, assessment: null, note: null, action: null }));
const EMPTY_ANSWERS = (): MonitoringAnswer[] => SOP_EVALUATION_QUESTIONS.map((q) => ({ no: q.no, answer: null }));

export function checkPeriod(year: number, semester: number | null): MonitoringPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    fail('VALIDATION_FAILED', { id: 'Tahun harus antara 2000 dan 2100.', en: 'The year must be between 2000 and 2100.' }, { fields: [fieldProblem('year', { id: 'Antara 2000 dan 2100', en: 'Between 2000 and 2100' })] });
  }
  if (semester !== null && semester !== 1 && semester !== 2) {
    fail('VALIDATION_FAILED', { id: 'Semester harus 1 atau 2 (kosong = setahun).', en: 'The semester must be 1 or 2 (empty = the whole year).' }, { fields: [fieldProblem('semester', { id: '1 atau 2', en: '1 or 2' })] });
  }
  return { year, semester };
}

const NOT_EDITOR: Bilingual = { id: 'Hanya Kasubbag Program dan Evaluasi yang mengisi dan memaraf monitoring SOP.', en: 'Only the Kasubbag Program dan Evaluasi fills in and initials the SOP monitoring.' };
const SIGNED: Bilingual = { id: 'Monitoring periode ini sudah diparaf dan tidak dapat diubah lagi.', en: 'This period’s monitoring has been initialled and can no longer be changed.' };

/** Fields of a refused draft or paraf: one per problem, both languages. */
const problemFields = (problems: { field: string; id: string; en: string }[]) => problems.map((p) => fieldProblem(p.field, { id: p.id, en: p.en }));

export class MonitoringService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * The facts of a period from the recorded runs: every RequestStep row of the office's requests
   * whose step 1 started in the period is one run (a return's new round is a run of its own),
   * with the role its completer held; each Bidang's submissions with their first hand-in against
   * step 4's due time, and their returns.
   */
  async facts(officeId: string, period: MonitoringPeriod, now: Date): Promise<MonitoringFacts> {
    const cal = await this.calendars.forOffice(officeId);
    const { from, to } = monitoringRange(period, cal.utcOffsetMinutes);
    const requests = await this.db.dataRequest.findMany({
      where: { officeId, steps: { some: { step: 1, startedAt: { gte: from, lt: to } } } },
      select: {
        id: true,
        letterNumber: true,
        steps: { select: { step: true, startedAt: true, dueAt: true, completedAt: true, completedById: true } },
        submissions: { select: { bidangId: true, firstSubmittedAt: true, reviews: { where: { action: 'RETURN' }, select: { id: true } } } },
      },
    });
    const ids = requests.map((r) => r.id);
    const [users, acting, bidang, reportReturns] = await Promise.all([
      this.db.user.findMany({ where: { officeId }, select: { id: true, roles: true } }),
      this.db.actingAssignment.findMany({ where: { user: { officeId } }, select: { userId: true, role: true, validFrom: true, validUntil: true } }),
      this.db.bidang.findMany({ where: { officeId }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
      ids.length ? this.db.auditEvent.count({ where: { entityType: 'DataRequest', entityId: { in: ids }, action: { in: [...REPORT_RETURN_ACTIONS] } } }) : 0,
    ]);
    const rolesOf = new Map(users.map((u) => [u.id, u.roles as Role[]]));
    const heldAt = (userId: string | null, at: Date): Role[] => {
      if (!userId) return [];
      const own = rolesOf.get(userId) ?? [];
      const acts = acting.filter((a) => a.userId === userId && a.validFrom <= at && a.validUntil > at).map((a) => a.role as Role);
      return [...own, ...acts];
    };

    const runs: StepRun[] = [];
    const runRows: MonitoringRunRow[] = [];
    const handIns: BidangHandIn[] = [];
    for (const r of requests) {
      for (const s of r.steps) {
        if (s.step < 1 || s.step > 7) continue;
        const run: StepRun = {
          step: s.step as StepRun['step'],
          startedAt: s.startedAt,
          dueAt: s.dueAt,
          completedAt: s.completedAt,
          completerRoles: s.completedAt ? heldAt(s.completedById, s.completedAt) : [],
        };
        runs.push(run);
        const done = s.completedAt;
        runRows.push({
          letterNumber: r.letterNumber,
          step: s.step,
          startedAt: s.startedAt.toISOString(),
          dueAt: s.dueAt.toISOString(),
          completedAt: done?.toISOString() ?? null,
          actualMinutes: done ? round1(workingMinutesBetween(cal, s.startedAt, done)) : null,
          lateMinutes: done ? (done > s.dueAt ? round1(workingMinutesBetween(cal, s.dueAt, done)) : 0) : null,
          role: done ? completingRole(run.step, run.completerRoles) : null,
        });
      }
      // Step 4's due time of this request: its earliest run (the one the Bidang answered first).
      const collect = r.steps.filter((s) => s.step === 4).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0];
      for (const sub of r.submissions) {
        handIns.push({ bidangId: sub.bidangId, dueAt: collect?.dueAt ?? null, firstSubmittedAt: sub.firstSubmittedAt, returns: sub.reviews.length });
      }
    }
    const months = monitoringMonths(period);
    const dayMinutes = standardMinutes(cal, { workingDays: 1 });
    const steps = summarizeSteps(cal, runs, months, now).map((s) => ({
      ...s,
      activity: getStep(s.step).activity,
      standardLabel: workingDurationLabel(s.standardMinutes, dayMinutes),
      facts: stepFactsText(s, dayMinutes),
      lateByRole: s.lateByRole.map((x) => ({ ...x, label: ROLE_LABELS[x.role].id })),
    }));
    const perBidang = new Map(summarizeBidang(handIns).map((b) => [b.bidangId, b]));
    return {
      year: period.year,
      semester: period.semester,
      label: monitoringPeriodLabel(period),
      from: from.toISOString(),
      to: to.toISOString(),
      months,
      requestCount: requests.length,
      reportReturns,
      dayMinutes,
      steps,
      // Every Bidang that had a part in the period, and every active one (a row of zeros says something too).
      bidang: bidang
        .filter((b) => b.active || perBidang.has(b.id))
        .map((b) => ({ code: b.code, name: b.name, ...(perBidang.get(b.id) ?? { bidangId: b.id, requests: 0, handedIn: 0, late: 0, returns: 0 }) })),
      runs: runRows.sort((a, b) => a.step - b.step || a.startedAt.localeCompare(b.startedAt)),
      computedAt: now.toISOString(),
    };
  }

  /** The period's monitoring as the caller sees it: the facts and the form (empty before the first save). */
  async view(actor: Actor, period: MonitoringPeriod, now = new Date()): Promise<MonitoringView> {
    const row = await this.db.sopMonitoring.findUnique({ where: { officeId_year_semester: { officeId: actor.officeId, year: period.year, semester: period.semester ?? 0 } } });
    const frozen = !!row?.signedAt && !!row.facts;
    const facts = frozen ? (row.facts as unknown as MonitoringFacts) : await this.facts(actor.officeId, period, now);
    const rows = row ? (row.rows as unknown as MonitoringRow[]) : EMPTY_ROWS();
    const answers = row ? (row.answers as unknown as MonitoringAnswer[]) : EMPTY_ANSWERS();
    const evaluator = row?.evaluatorId ? await this.db.user.findUnique({ where: { id: row.evaluatorId }, select: { name: true } }) : null;
    return {
      facts,
      frozen,
      id: row?.id ?? null,
      version: row?.version ?? 0,
      rows,
      answers,
      signedAt: row?.signedAt ?? null,
      evaluatorId: row?.evaluatorId ?? null,
      evaluatorName: evaluator?.name ?? null,
      editable: !row?.signedAt && hasAnyRole(actor, SOP_MONITORING_EDITORS),
      missing: problemFields(checkMonitoringComplete(rows, answers)),
    };
  }

  /**
   * Saves the evaluator's judgements (a draft: empty judgements allowed). One transaction: the
   * compare-and-set on `version` (0 = not saved yet), the row, the audit record.
   */
  async save(actor: Actor, input: SaveMonitoringInput, now = new Date()): Promise<MonitoringView> {
    if (!hasAnyRole(actor, SOP_MONITORING_EDITORS)) fail('FORBIDDEN', NOT_EDITOR);
    const period = checkPeriod(input.year, input.semester);
    const rows = normalizeRows(input.rows);
    const answers = SOP_EVALUATION_QUESTIONS.map((q) => ({ no: q.no, answer: input.answers.find((a) => a.no === q.no)?.answer ?? null }));
    const problems = checkMonitoringDraft(input.rows as MonitoringRowInput[], input.answers);
    if (problems.length) {
      fail('VALIDATION_FAILED', { id: `Monitoring tidak dapat disimpan: ${problems.map((p) => p.id).join('; ')}.`, en: `The monitoring cannot be saved: ${problems.map((p) => p.en).join('; ')}.` }, { fields: problemFields(problems) });
    }
    const key = { officeId: actor.officeId, year: period.year, semester: period.semester ?? 0 };
    try {
      await this.db.$transaction(async (tx) => {
        const current = await tx.sopMonitoring.findUnique({ where: { officeId_year_semester: key } });
        if (current?.signedAt) fail('NOT_EDITABLE', SIGNED);
        if ((current?.version ?? 0) !== input.expectedVersion) fail('CONFLICT');
        const data = { rows: rows as unknown as Prisma.InputJsonValue, answers: answers as unknown as Prisma.InputJsonValue };
        const saved = current
          ? await tx.sopMonitoring.update({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 }, updatedAt: now } })
          : await tx.sopMonitoring.create({ data: { ...key, ...data, createdById: actor.userId, createdAt: now, updatedAt: now } });
        await audit(tx, actor, {
          action: 'sop_monitoring.saved',
          entityType: 'SopMonitoring',
          entityId: saved.id,
          before: current ? { version: current.version, rows: current.rows, answers: current.answers } : null,
          after: { year: saved.year, semester: saved.semester, version: saved.version, rows, answers },
        });
      });
    } catch (err) {
      // Two first saves at once: the unique key refuses the second, which read version 0.
      if (err instanceof Prisma.PrismaClientKnownRequestError && (err.code === 'P2002' || err.code === 'P2025')) fail('CONFLICT');
      throw err;
    }
    return this.view(actor, period, now);
  }

  /**
   * The evaluator's paraf: every step judged (with an action where it does not run well) and
   * every question answered. Freezes the facts as they are now, records who initialled it, when
   * and in which role; afterwards the form is read-only. One transaction with its audit record.
   */
  async sign(actor: Actor, input: { year: number; semester: number | null; expectedVersion: number }, now = new Date()): Promise<MonitoringView> {
    if (!hasAnyRole(actor, SOP_MONITORING_EDITORS)) fail('FORBIDDEN', NOT_EDITOR);
    const period = checkPeriod(input.year, input.semester);
    const key = { officeId: actor.officeId, year: period.year, semester: period.semester ?? 0 };
    const facts = await this.facts(actor.officeId, period, now);
    await this.db.$transaction(async (tx) => {
      const current = await tx.sopMonitoring.findUnique({ where: { officeId_year_semester: key } });
      if (!current) fail('VALIDATION_FAILED', { id: 'Simpan penilaian monitoring terlebih dahulu sebelum memaraf.', en: 'Save the monitoring’s assessment before initialling it.' }, { fields: [fieldProblem('rows', { id: 'Belum disimpan', en: 'Not saved yet' })] });
      if (current.signedAt) fail('NOT_EDITABLE', SIGNED);
      if (current.version !== input.expectedVersion) fail('CONFLICT');
      const problems = checkMonitoringComplete(current.rows as unknown as MonitoringRow[], current.answers as unknown as MonitoringAnswer[]);
      if (problems.length) {
        fail('VALIDATION_FAILED', { id: `Monitoring belum lengkap untuk diparaf: ${problems.map((p) => p.id).join('; ')}.`, en: `The monitoring is not complete enough to initial: ${problems.map((p) => p.en).join('; ')}.` }, { fields: problemFields(problems) });
      }
      const role = SOP_MONITORING_EDITORS.find((r) => actor.roles.includes(r)) ?? fail('FORBIDDEN', NOT_EDITOR);
      const cas = await tx.sopMonitoring.updateMany({
        where: { id: current.id, version: current.version, signedAt: null },
        data: { facts: facts as unknown as Prisma.InputJsonValue, evaluatorId: actor.userId, evaluatorRole: role, signedAt: now, version: { increment: 1 }, updatedAt: now },
      });
      if (cas.count !== 1) fail('CONFLICT');
      await audit(tx, actor, {
        action: 'sop_monitoring.signed',
        entityType: 'SopMonitoring',
        entityId: current.id,
        before: { version: current.version, signedAt: null },
        after: { version: current.version + 1, signedAt: now, evaluatorRole: role, mark: 'PARAF', requestCount: facts.requestCount },
      });
    });
    return this.view(actor, period, now);
  }
}

/** One row per step 1–7 in order, texts trimmed (empty = null). */
function normalizeRows(input: MonitoringRow[]): MonitoringRow[] {
  const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return SOP_STEPS.map((def) => {
    const r = input.find((x) => x.step === def.no);
    return { step: def.no, assessment: r?.assessment ?? null, note: text(r?.note), action: text(r?.action) };
  });
}
