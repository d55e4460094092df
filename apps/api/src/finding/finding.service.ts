/**
 * Findings and their follow-up (TL HP, issue 14 §2). An audit report (LHP/LHE) has findings, each
 * owned by one Bidang with one or more recommendations; the Bidang answers a recommendation with
 * follow-up actions (text + evidence documents), the APIP verifies one (a status on the BPK scale)
 * or returns it with a note. Rules are in packages/sop findings.ts; every change is one
 * transaction with its audit row, and with its reminder/escalation jobs (FindingNotifier).
 *
 * Who sees what: the office-wide roles and the APIP read every finding of the office; a Bidang
 * operator or head reads and answers only its own Bidang's (another's is NOT_FOUND).
 */
import crypto from 'node:crypto';
import {
  AUDIT_SOURCE_LABELS,
  AUDIT_SOURCES,
  checkVerification,
  DEFAULT_TL_DEADLINE_DAYS,
  FINDING_ROLES,
  findingEditProblems,
  findingLock,
  type FindingEditProblem,
  INITIAL_TL_STATUS,
  isTlOverdue,
  localDate,
  mayFinding,
  reportKindOf,
  tlDeadline,
  TL_STATUS_LABELS,
  TL_STATUS_NUMBER,
  TL_STATUSES,
  type AuditSource,
  type TlStatus,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { dateOnly } from '../common/format';
import { findOr404 } from '../common/found';
import type { Db, Tx } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import { documentView } from '../submission/submission.service';
import type { AddFindingInput, CreateAuditReportInput, FindingFilter, ReturnFollowUpInput, SubmitFollowUpInput, UpdateFindingInput, VerifyFollowUpInput } from './finding.input';
import type { FindingNotifier } from './finding.notify';
import { buildMatrixWorkbook, parseFindingSheet } from './finding.xlsx';

const utcDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

const RECOMMENDATION_INCLUDE = {
  actions: { orderBy: { createdAt: 'asc' }, include: { documents: { orderBy: { createdAt: 'asc' } } } },
} as const satisfies Prisma.RecommendationInclude;
const FINDING_INCLUDE = {
  report: { include: { _count: { select: { findings: true } } } },
  bidang: { select: { name: true } },
  indicator: { select: { name: true } },
  recommendations: { orderBy: { code: 'asc' }, include: RECOMMENDATION_INCLUDE },
} as const satisfies Prisma.FindingInclude;

type ReportRow = Prisma.AuditReportGetPayload<{ include: { _count: { select: { findings: true } } } }>;
type RecommendationRow = Prisma.RecommendationGetPayload<{ include: typeof RECOMMENDATION_INCLUDE }>;
type FindingRow = Prisma.FindingGetPayload<{ include: typeof FINDING_INCLUDE }>;

const NOT_OPEN: Bilingual = {
  id: 'Rekomendasi ini sudah selesai (status 1 atau 4): tidak ada tindak lanjut lagi.',
  en: 'This recommendation is closed (status 1 or 4): no further follow-up.',
};
const PENDING: Bilingual = {
  id: 'Tindak lanjut sebelumnya masih menunggu verifikasi APIP.',
  en: 'The previous follow-up is still waiting for the APIP’s verification.',
};
const NOT_PENDING: Bilingual = {
  id: 'Tindak lanjut ini sudah diperiksa APIP.',
  en: 'The APIP has already reviewed this follow-up.',
};

/** Why a finding is frozen (packages/sop findingLock). */
const VERIFIED_LOCK: Bilingual = {
  id: 'Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.',
  en: 'This finding can no longer be changed: the APIP has verified its follow-up.',
};

/** An edit refused by packages/sop findingEditProblems, as one error naming every field concerned. */
function refuseEdit(problems: FindingEditProblem[]): never {
  const texts = problems.map((p): { field: string; text: Bilingual } => {
    switch (p.kind) {
      case 'VERIFIED':
        return { field: 'id', text: VERIFIED_LOCK };
      case 'BIDANG_ANSWERED':
        return { field: 'bidangId', text: { id: 'Bidang penanggung jawab tidak dapat diganti: Bidang sudah mengirim tindak lanjut.', en: 'The responsible Bidang cannot change: it has already sent a follow-up.' } };
      case 'ANSWERED_CHANGED':
        return { field: `recommendations.${p.index}.text`, text: { id: `Rekomendasi ${p.code} sudah ditindaklanjuti Bidang: kode dan isinya tidak dapat diubah.`, en: `Recommendation ${p.code} has a follow-up: its code and text cannot change.` } };
      case 'ANSWERED_REMOVED':
        return { field: 'recommendations', text: { id: `Rekomendasi ${p.code} sudah ditindaklanjuti Bidang: tidak dapat dihapus.`, en: `Recommendation ${p.code} has a follow-up: it cannot be removed.` } };
      case 'UNKNOWN_RECOMMENDATION':
        return { field: `recommendations.${p.index}.id`, text: { id: 'Rekomendasi ini bukan milik temuan tersebut.', en: 'This recommendation does not belong to the finding.' } };
    }
  });
  const first = texts[0]!;
  const code = problems[0]!.kind === 'UNKNOWN_RECOMMENDATION' ? 'VALIDATION_FAILED' : 'NOT_EDITABLE';
  fail(code, first.text, { fields: texts.map((x) => fieldProblem(x.field, x.text)) });
}

/** What an edit's audit row keeps of a finding, before and after. */
const findingAuditState = (f: { code: string; title: string; kondisi: string; kriteria: string; sebab: string; akibat: string; bidangId: string; indicatorId: string | null; version: number }, recs: { id: string; code: string; text: string }[]) => ({
  code: f.code, title: f.title, kondisi: f.kondisi, kriteria: f.kriteria, sebab: f.sebab, akibat: f.akibat, bidangId: f.bidangId, indicatorId: f.indicatorId, version: f.version,
  recommendations: recs.map((r) => ({ id: r.id, code: r.code, text: r.text })),
});

/** Status 2 and 3 are open: the follow-up is not finished (1 and 4 close a recommendation). */
export const isOpenStatus = (s: TlStatus) => s === 'BELUM_SESUAI' || s === 'BELUM_DITINDAKLANJUTI';

export class FindingService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly notifier: FindingNotifier | null,
  ) {}

  /* ------------------------------------------------------------------ reading */

  /** The office's local date now: "overdue" is judged by the office's own calendar day. */
  async today(officeId: string, now = new Date()): Promise<string> {
    return localDate(await this.calendars.forOffice(officeId), now);
  }

  private seesAll(actor: Actor) {
    return mayFinding(actor.roles, 'READ_ALL');
  }

  /** Prisma condition on Finding for what the actor may read. */
  private scope(actor: Actor): Prisma.FindingWhereInput {
    return this.seesAll(actor) ? { officeId: actor.officeId } : { officeId: actor.officeId, bidangId: { in: actor.bidangIds } };
  }

  reportView(r: ReportRow) {
    const receivedDate = dateOnly(r.receivedDate);
    return {
      id: r.id,
      source: r.source,
      kind: reportKindOf(r.source),
      number: r.number,
      title: r.title,
      year: r.year,
      receivedDate,
      deadlineDays: r.deadlineDays,
      deadline: tlDeadline(receivedDate, r.deadlineDays),
      findingCount: r._count.findings,
    };
  }

  recommendationView(r: RecommendationRow, today: string, names: Map<string, string>) {
    const deadline = dateOnly(r.deadline);
    return {
      id: r.id,
      findingId: r.findingId,
      code: r.code,
      text: r.text,
      status: r.status,
      statusNumber: TL_STATUS_NUMBER[r.status],
      statusLabel: TL_STATUS_LABELS[r.status].id,
      statusLabelEn: TL_STATUS_LABELS[r.status].en,
      statusReason: r.statusReason,
      deadline,
      overdue: isTlOverdue(deadline, !!r.verifiedAt, today),
      verifiedAt: r.verifiedAt,
      awaitingVerification: r.actions.some((a) => a.state === 'SUBMITTED'),
      version: r.version,
      actions: r.actions.map((a) => ({
        id: a.id,
        text: a.text,
        state: a.state,
        createdByName: names.get(a.createdById) ?? '',
        createdAt: a.createdAt,
        reviewedAt: a.reviewedAt,
        reviewedByName: a.reviewedById ? (names.get(a.reviewedById) ?? '') : null,
        verdict: a.verdict,
        note: a.note,
        documents: a.documents.map(documentView),
      })),
    };
  }

  private async namesOf(recs: RecommendationRow[]) {
    const ids = new Set<string>();
    for (const r of recs) for (const a of r.actions) [a.createdById, a.reviewedById].forEach((x) => x && ids.add(x));
    const users = ids.size ? await this.db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }) : [];
    return new Map(users.map((u) => [u.id, u.name]));
  }

  private async findingView(f: FindingRow, today: string) {
    const names = await this.namesOf(f.recommendations);
    const locked = findingLock({ recommendations: f.recommendations.map((r) => ({ verified: !!r.verifiedAt })) });
    return {
      id: f.id,
      report: this.reportView(f.report),
      code: f.code,
      title: f.title,
      kondisi: f.kondisi,
      kriteria: f.kriteria,
      sebab: f.sebab,
      akibat: f.akibat,
      bidangId: f.bidangId,
      bidangName: f.bidang.name,
      indicatorId: f.indicatorId,
      indicatorName: f.indicator?.name ?? null,
      recommendations: f.recommendations.map((r) => this.recommendationView(r, today, names)),
      version: f.version,
      editable: !locked,
      editBlockedReason: locked ? VERIFIED_LOCK.id : null,
      editBlockedReasonEn: locked ? VERIFIED_LOCK.en : null,
    };
  }

  async reports(actor: Actor, year?: number | null) {
    const rows = await this.db.auditReport.findMany({
      where: { officeId: actor.officeId, ...(year ? { year } : {}), ...(this.seesAll(actor) ? {} : { findings: { some: { bidangId: { in: actor.bidangIds } } } }) },
      include: { _count: { select: { findings: true } } },
      orderBy: [{ receivedDate: 'desc' }, { number: 'asc' }],
    });
    return rows.map((r) => this.reportView(r));
  }

  async finding(actor: Actor, id: string, now = new Date()) {
    const f = await findOr404(this.db.finding.findFirst({ where: { id, ...this.scope(actor) }, include: FINDING_INCLUDE }));
    return this.findingView(f, await this.today(actor.officeId, now));
  }

  async findingsOfReport(actor: Actor, reportId: string, now = new Date()) {
    const report = await findOr404(this.db.auditReport.findFirst({ where: { id: reportId, officeId: actor.officeId } }));
    const rows = await this.db.finding.findMany({ where: { reportId: report.id, ...this.scope(actor) }, include: FINDING_INCLUDE, orderBy: { code: 'asc' } });
    if (!rows.length && !this.seesAll(actor)) fail('NOT_FOUND');
    const today = await this.today(actor.officeId, now);
    return Promise.all(rows.map((f) => this.findingView(f, today)));
  }

  /**
   * The register: every recommendation the actor may read with its finding and report, filtered,
   * and the counts of the filtered set (open, overdue, awaiting verification, by status, by source
   * and year, by Bidang). "Open" is status 2 or 3; "overdue" is past the deadline with no verified
   * follow-up (packages/sop isTlOverdue).
   */
  async register(actor: Actor, filter: FindingFilter = {}, now = new Date()) {
    const today = await this.today(actor.officeId, now);
    // The filters narrow the actor's scope (AND), never widen it: a Bidang asking for another's gets nothing.
    const findingWhere: Prisma.FindingWhereInput = {
      AND: [
        this.scope(actor),
        filter.bidangId ? { bidangId: filter.bidangId } : {},
        filter.reportId ? { reportId: filter.reportId } : {},
        { report: { ...(filter.source ? { source: filter.source } : {}), ...(filter.year ? { year: filter.year } : {}) } },
      ],
    };
    const recs = await this.db.recommendation.findMany({
      where: {
        finding: findingWhere,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.open ? { status: { in: TL_STATUSES.filter(isOpenStatus) } } : {}),
        ...(filter.overdue ? { verifiedAt: null, deadline: { lt: utcDate(today) } } : {}),
      },
      include: { ...RECOMMENDATION_INCLUDE, finding: { include: { report: true, bidang: { select: { name: true, sortOrder: true } } } } },
      orderBy: [{ finding: { report: { receivedDate: 'asc' } } }, { finding: { report: { number: 'asc' } } }, { finding: { code: 'asc' } }, { code: 'asc' }],
    });
    const names = await this.namesOf(recs);
    const rows = recs.map((r) => ({
      reportId: r.finding.reportId,
      reportNumber: r.finding.report.number,
      source: r.finding.report.source,
      year: r.finding.report.year,
      findingId: r.findingId,
      findingCode: r.finding.code,
      findingTitle: r.finding.title,
      bidangId: r.finding.bidangId,
      bidangName: r.finding.bidang.name,
      kondisi: r.finding.kondisi,
      recommendation: this.recommendationView(r, today, names),
    }));
    return { rows, counts: countsOf(rows), today };
  }

  /* ------------------------------------------------------------------ configuration */

  async deadlineSettings(actor: Actor) {
    const rows = await this.db.findingDeadlineSetting.findMany({ where: { officeId: actor.officeId } });
    return AUDIT_SOURCES.map((source) => {
      const row = rows.find((r) => r.source === source);
      return { source, days: row?.days ?? DEFAULT_TL_DEADLINE_DAYS, isDefault: !row };
    });
  }

  /** Days for the answer for one source; reports already entered keep theirs (they were told them). */
  async setDeadlineDays(actor: Actor, source: AuditSource, days: number) {
    await this.db.$transaction(async (tx) => {
      const before = await tx.findingDeadlineSetting.findUnique({ where: { officeId_source: { officeId: actor.officeId, source } } });
      const after = await tx.findingDeadlineSetting.upsert({
        where: { officeId_source: { officeId: actor.officeId, source } },
        create: { officeId: actor.officeId, source, days },
        update: { days },
      });
      await audit(tx, actor, { action: 'finding.deadline_set', entityType: 'FindingDeadlineSetting', entityId: `${actor.officeId}:${source}`, before, after });
    });
    return this.deadlineSettings(actor);
  }

  /* ------------------------------------------------------------------ entering */

  async createReport(actor: Actor, input: CreateAuditReportInput) {
    const number = input.number.trim();
    return this.db.$transaction(async (tx) => {
      if (await tx.auditReport.findUnique({ where: { officeId_number: { officeId: actor.officeId, number } } })) {
        fail('DUPLICATE', { id: `Laporan nomor ${number} sudah tercatat.`, en: `Report number ${number} is already recorded.` }, { fields: [fieldProblem('number', { id: 'Nomor sudah dipakai', en: 'Number already used' })] });
      }
      const setting = await tx.findingDeadlineSetting.findUnique({ where: { officeId_source: { officeId: actor.officeId, source: input.source } } });
      const r = await tx.auditReport.create({
        data: {
          officeId: actor.officeId,
          source: input.source,
          number,
          title: input.title.trim(),
          year: input.year,
          receivedDate: utcDate(input.receivedDate),
          deadlineDays: input.deadlineDays ?? setting?.days ?? DEFAULT_TL_DEADLINE_DAYS,
          createdById: actor.userId,
        },
        include: { _count: { select: { findings: true } } },
      });
      await audit(tx, actor, { action: 'finding.report_created', entityType: 'AuditReport', entityId: r.id, after: r });
      return this.reportView(r);
    });
  }

  /** A finding with its recommendations; each recommendation's reminder and escalation are scheduled. */
  async addFinding(actor: Actor, input: AddFindingInput, now = new Date()) {
    const f = await this.db.$transaction(async (tx) => {
      const f = await this.insertFinding(tx, actor, input, now);
      return f;
    });
    this.notifier?.afterCommit();
    return this.finding(actor, f.id, now);
  }

  /** Inside a transaction: checks, inserts, audits and schedules. Shared with the Excel import. */
  async insertFinding(tx: Tx, actor: Actor, input: AddFindingInput, now: Date, row?: number) {
    const where = (field: string) => (row ? `baris ${row}, ${field}` : field);
    const whereEn = (field: string) => (row ? `row ${row}, ${field}` : field);
    const report = await tx.auditReport.findFirst({ where: { id: input.reportId, officeId: actor.officeId } });
    if (!report) fail('NOT_FOUND', { id: 'Laporan (LHP/LHE) tidak ditemukan.', en: 'Audit report not found.' });
    const bidang = await tx.bidang.findFirst({ where: { id: input.bidangId, officeId: actor.officeId, active: true } });
    if (!bidang) fail('VALIDATION_FAILED', { id: `${cap(where('Bidang'))}: Bidang tidak dikenal.`, en: `${cap(whereEn('Bidang'))}: unknown Bidang.` }, { fields: [fieldProblem(row ? `rows.${row}.bidang` : 'bidangId', UNKNOWN_BIDANG)] });
    if (input.indicatorId) {
      const ind = await tx.indicator.findFirst({ where: { id: input.indicatorId, officeId: actor.officeId } });
      if (!ind) fail('VALIDATION_FAILED', { id: `${cap(where('indikator'))}: indikator tidak dikenal.`, en: `${cap(whereEn('indicator'))}: unknown indicator.` }, { fields: [fieldProblem(row ? `rows.${row}.indicator` : 'indicatorId', { id: 'Indikator tidak dikenal', en: 'Unknown indicator' })] });
    }
    const code = input.code.trim();
    if (await tx.finding.findUnique({ where: { reportId_code: { reportId: report.id, code } } })) {
      fail('DUPLICATE', { id: `${cap(where('kode temuan'))}: temuan ${code} sudah ada dalam laporan ${report.number}.`, en: `${cap(whereEn('finding code'))}: finding ${code} already exists in report ${report.number}.` }, { fields: [fieldProblem(row ? `rows.${row}.code` : 'code', { id: 'Kode temuan sudah dipakai', en: 'Finding code already used' })] });
    }
    const recCodes = input.recommendations.map((r) => r.code.trim());
    const dup = recCodes.find((c, i) => recCodes.indexOf(c) !== i);
    if (dup) fail('DUPLICATE', { id: `${cap(where('rekomendasi'))}: kode rekomendasi ${dup} ganda.`, en: `${cap(whereEn('recommendations'))}: recommendation code ${dup} appears twice.` }, { fields: [fieldProblem(row ? `rows.${row}.recommendationCode` : 'recommendations', { id: 'Kode rekomendasi ganda', en: 'Duplicate recommendation code' })] });
    const deadline = tlDeadline(dateOnly(report.receivedDate), report.deadlineDays);
    const f = await tx.finding.create({
      data: {
        reportId: report.id,
        officeId: actor.officeId,
        bidangId: bidang.id,
        indicatorId: input.indicatorId ?? null,
        code,
        title: input.title.trim(),
        kondisi: input.kondisi.trim(),
        kriteria: input.kriteria.trim(),
        sebab: input.sebab.trim(),
        akibat: input.akibat.trim(),
        recommendations: { create: input.recommendations.map((r) => ({ code: r.code.trim(), text: r.text.trim(), status: INITIAL_TL_STATUS, deadline: utcDate(deadline) })) },
      },
      include: { recommendations: true },
    });
    await audit(tx, actor, { action: 'finding.created', entityType: 'Finding', entityId: f.id, after: f });
    for (const r of f.recommendations) {
      await this.notifier?.schedule(tx, { recommendationId: r.id, officeId: actor.officeId, deadline }, now);
    }
    return f;
  }

  /**
   * Edits a finding after entry: the whole new content (texts, Bidang, indicator, recommendations
   * — with id = kept or changed, without = new, absent = removed), refused as packages/sop
   * findingEditProblems says (frozen once verified; answered ones keep their Bidang and text).
   * One transaction: the finding and its recommendations locked, the edit, its audit row, new
   * recommendations' reminder/escalation scheduled and removed ones' dropped.
   */
  async updateFinding(actor: Actor, input: UpdateFindingInput, now = new Date()) {
    await this.db.$transaction(async (tx) => {
      // The same row locks the follow-up takes (Recommendation FOR UPDATE), after the finding's.
      await tx.$queryRaw`SELECT id FROM "Finding" WHERE id = ${input.id}::uuid AND "officeId" = ${actor.officeId}::uuid FOR UPDATE`;
      await tx.$queryRaw`SELECT id FROM "Recommendation" WHERE "findingId" = ${input.id}::uuid FOR UPDATE`;
      const f = await tx.finding.findFirst({
        where: { id: input.id, officeId: actor.officeId },
        include: { report: true, recommendations: { orderBy: { code: 'asc' }, include: { _count: { select: { actions: true } } } } },
      });
      if (!f) fail('NOT_FOUND');
      if (f.version !== input.expectedVersion) fail('CONFLICT');
      const problems = findingEditProblems(
        { bidangId: f.bidangId, recommendations: f.recommendations.map((r) => ({ id: r.id, code: r.code, text: r.text, verified: !!r.verifiedAt, followUps: r._count.actions })) },
        { bidangId: input.bidangId, recommendations: input.recommendations },
      );
      if (problems.length) refuseEdit(problems);
      const bidang = await tx.bidang.findFirst({ where: { id: input.bidangId, officeId: actor.officeId, ...(input.bidangId === f.bidangId ? {} : { active: true }) } });
      if (!bidang) fail('VALIDATION_FAILED', { id: 'Bidang: Bidang tidak dikenal.', en: 'Bidang: unknown Bidang.' }, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
      if (input.indicatorId && !(await tx.indicator.findFirst({ where: { id: input.indicatorId, officeId: actor.officeId } }))) {
        fail('VALIDATION_FAILED', { id: 'Indikator: indikator tidak dikenal.', en: 'Indicator: unknown indicator.' }, { fields: [fieldProblem('indicatorId', { id: 'Indikator tidak dikenal', en: 'Unknown indicator' })] });
      }
      const code = input.code.trim();
      if (code !== f.code && (await tx.finding.findUnique({ where: { reportId_code: { reportId: f.reportId, code } } }))) {
        fail('DUPLICATE', { id: `Kode temuan: temuan ${code} sudah ada dalam laporan ${f.report.number}.`, en: `Finding code: finding ${code} already exists in report ${f.report.number}.` }, { fields: [fieldProblem('code', { id: 'Kode temuan sudah dipakai', en: 'Finding code already used' })] });
      }
      const recCodes = input.recommendations.map((r) => r.code.trim());
      const dup = recCodes.find((c, i) => recCodes.indexOf(c) !== i);
      if (dup) fail('DUPLICATE', { id: `Rekomendasi: kode rekomendasi ${dup} ganda.`, en: `Recommendations: recommendation code ${dup} appears twice.` }, { fields: [fieldProblem('recommendations', { id: 'Kode rekomendasi ganda', en: 'Duplicate recommendation code' })] });

      const keptIds = new Set(input.recommendations.flatMap((r) => (r.id ? [r.id] : [])));
      const removed = f.recommendations.filter((r) => !keptIds.has(r.id));
      for (const r of removed) {
        await tx.recommendation.delete({ where: { id: r.id } });
        await this.notifier?.drop(tx, r.id);
      }
      // Codes may be swapped (1.1 ↔ 1.2): changed codes go through a placeholder first.
      const changed = input.recommendations.filter((e) => {
        const r = e.id ? f.recommendations.find((x) => x.id === e.id) : null;
        return r && (r.code !== e.code.trim() || r.text !== e.text.trim());
      });
      for (const e of changed) await tx.recommendation.update({ where: { id: e.id as string }, data: { code: `~${e.id}` } });
      for (const e of changed) await tx.recommendation.update({ where: { id: e.id as string }, data: { code: e.code.trim(), text: e.text.trim(), version: { increment: 1 } } });
      const deadline = tlDeadline(dateOnly(f.report.receivedDate), f.report.deadlineDays);
      for (const e of input.recommendations.filter((x) => !x.id)) {
        const r = await tx.recommendation.create({ data: { findingId: f.id, code: e.code.trim(), text: e.text.trim(), status: INITIAL_TL_STATUS, deadline: utcDate(deadline) } });
        await this.notifier?.schedule(tx, { recommendationId: r.id, officeId: actor.officeId, deadline }, now);
      }
      const after = await tx.finding.update({
        where: { id: f.id },
        data: {
          code,
          title: input.title.trim(),
          kondisi: input.kondisi.trim(),
          kriteria: input.kriteria.trim(),
          sebab: input.sebab.trim(),
          akibat: input.akibat.trim(),
          bidangId: bidang.id,
          indicatorId: input.indicatorId ?? null,
          version: { increment: 1 },
        },
        include: { recommendations: { orderBy: { code: 'asc' } } },
      });
      await audit(tx, actor, { action: 'finding.updated', entityType: 'Finding', entityId: f.id, before: findingAuditState(f, f.recommendations), after: findingAuditState(after, after.recommendations) });
    });
    this.notifier?.afterCommit();
    return this.finding(actor, input.id, now);
  }

  /* ------------------------------------------------------------------ answering and verifying */

  /** Locks the recommendation (the same lock verification takes) and checks the actor may answer it. */
  private async lockRecommendation(tx: Tx, actor: Actor, id: string) {
    await tx.$queryRaw`SELECT id FROM "Recommendation" WHERE id = ${id}::uuid FOR UPDATE`;
    const r = await tx.recommendation.findUnique({ where: { id }, include: { finding: { include: { report: true, bidang: { select: { name: true } } } }, actions: true } });
    if (!r || r.finding.officeId !== actor.officeId) fail('NOT_FOUND');
    return r;
  }

  /** A Bidang sends a follow-up of one of its own recommendations; it waits for the APIP. */
  async submitFollowUp(actor: Actor, input: SubmitFollowUpInput, now = new Date()) {
    const action = await this.db.$transaction(async (tx) => {
      const r = await this.lockRecommendation(tx, actor, input.recommendationId);
      // Another Bidang's recommendation does not exist for this actor.
      if (!actor.bidangIds.includes(r.finding.bidangId)) fail('NOT_FOUND');
      if (!isOpenStatus(r.status)) fail('WRONG_STEP', NOT_OPEN);
      if (r.actions.some((a) => a.state === 'SUBMITTED')) fail('WRONG_STEP', PENDING);
      const a = await tx.followUpAction.create({ data: { recommendationId: r.id, text: input.text.trim(), createdById: actor.userId, createdAt: now } });
      await tx.recommendation.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
      await audit(tx, actor, { action: 'finding.follow_up_sent', entityType: 'Recommendation', entityId: r.id, after: a });
      await this.notifier?.followUpSent(tx, r, actor.userId, now);
      return a;
    });
    this.notifier?.afterCommit();
    return this.recommendationOf(actor, action.recommendationId, now);
  }

  /** Locks the action's recommendation and checks the action waits for the APIP. */
  private async pendingAction(tx: Tx, actor: Actor, actionId: string) {
    const found = await tx.followUpAction.findUnique({ where: { id: actionId }, select: { recommendationId: true } });
    if (!found) fail('NOT_FOUND');
    const r = await this.lockRecommendation(tx, actor, found.recommendationId);
    await tx.$queryRaw`SELECT id FROM "FollowUpAction" WHERE id = ${actionId}::uuid FOR UPDATE`;
    const a = await tx.followUpAction.findUniqueOrThrow({ where: { id: actionId } });
    if (a.state !== 'SUBMITTED') fail('WRONG_STEP', NOT_PENDING);
    return { r, a };
  }

  /**
   * The APIP verifies a follow-up with a status on the BPK scale (4 needs a reason): the
   * recommendation takes the status, counts as sent, and its reminder and escalation are dropped.
   */
  async verifyFollowUp(actor: Actor, input: VerifyFollowUpInput, now = new Date()) {
    const problem = checkVerification(input.status, input.reason);
    if (problem === 'REASON_REQUIRED') {
      fail('VALIDATION_FAILED', { id: 'Status 4 (tidak dapat ditindaklanjuti) wajib disertai alasan (minimal 5 karakter).', en: 'Status 4 (cannot be followed up) needs a reason (at least 5 characters).' }, { fields: [fieldProblem('reason', { id: 'Alasan wajib untuk status 4', en: 'A reason is required for status 4' })] });
    }
    if (problem === 'NOT_A_VERDICT') {
      fail('VALIDATION_FAILED', { id: 'Status 3 (belum ditindaklanjuti) bukan hasil verifikasi; kembalikan tindak lanjut dengan catatan.', en: 'Status 3 (not followed up) is not a verdict; return the follow-up with a note.' }, { fields: [fieldProblem('status', { id: 'Pilih status 1, 2 atau 4', en: 'Choose status 1, 2 or 4' })] });
    }
    const recId = await this.db.$transaction(async (tx) => {
      const { r, a } = await this.pendingAction(tx, actor, input.actionId);
      const reason = input.status === 'TIDAK_DAPAT_DITINDAKLANJUTI' ? (input.reason ?? '').trim() : null;
      const after = await tx.followUpAction.update({ where: { id: a.id }, data: { state: 'VERIFIED', reviewedById: actor.userId, reviewedAt: now, verdict: input.status, note: input.note?.trim() || null } });
      const rec = await tx.recommendation.update({ where: { id: r.id }, data: { status: input.status, statusReason: reason, verifiedAt: now, verifiedById: actor.userId, version: { increment: 1 } } });
      await audit(tx, actor, { action: 'finding.follow_up_verified', entityType: 'Recommendation', entityId: r.id, before: { status: r.status, action: a }, after: { status: rec.status, statusReason: rec.statusReason, action: after } });
      await this.notifier?.drop(tx, r.id);
      return r.id;
    });
    return this.recommendationOf(actor, recId, now);
  }

  /** The APIP returns a follow-up with a note: the recommendation stays as it was, the deadline runs on. */
  async returnFollowUp(actor: Actor, input: ReturnFollowUpInput, now = new Date()) {
    const recId = await this.db.$transaction(async (tx) => {
      const { r, a } = await this.pendingAction(tx, actor, input.actionId);
      const after = await tx.followUpAction.update({ where: { id: a.id }, data: { state: 'RETURNED', reviewedById: actor.userId, reviewedAt: now, note: input.note.trim() } });
      await tx.recommendation.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
      await audit(tx, actor, { action: 'finding.follow_up_returned', entityType: 'Recommendation', entityId: r.id, before: a, after });
      await this.notifier?.followUpReturned(tx, r, input.note.trim(), actor.userId, now);
      return r.id;
    });
    this.notifier?.afterCommit();
    return this.recommendationOf(actor, recId, now);
  }

  /* ------------------------------------------------------------------ Excel */

  /** The register as a TL monitoring matrix (XLSX), with the export's audit row. */
  async exportRegister(actor: Actor, filter: FindingFilter, now = new Date()) {
    if (!mayFinding(actor.roles, 'READ_ALL') && !mayFinding(actor.roles, 'ANSWER')) fail('FORBIDDEN');
    const { rows, today } = await this.register(actor, filter, now);
    const office = await this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
    const bidang = filter.bidangId ? await this.db.bidang.findFirst({ where: { id: filter.bidangId, officeId: actor.officeId } }) : null;
    const described = [
      bidang ? bidang.name : null,
      filter.source ? AUDIT_SOURCE_LABELS[filter.source].id : null,
      filter.year ? `tahun ${filter.year}` : null,
      filter.status ? TL_STATUS_LABELS[filter.status].id.toLowerCase() : null,
      filter.open ? 'belum selesai' : null,
      filter.overdue ? 'melewati batas waktu' : null,
    ].filter(Boolean).join(', ');
    const bytes = await buildMatrixWorkbook({ officeName: office.name, today, filter: described, offsetMinutes: office.utcOffsetMinutes }, rows);
    const filename = `matriks-tl-${today}.xlsx`;
    await this.db.$transaction((tx) =>
      audit(tx, actor, { action: 'finding.register_exported', entityType: 'Office', entityId: actor.officeId, after: { filename, filter, rows: rows.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') } }),
    );
    return { filename, bytes, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }

  /**
   * Findings of one report from an Excel sheet, all or nothing: every row is checked (texts,
   * Bidang and indicator codes, duplicates) before anything is written; then one transaction
   * writes them all with their audit rows and jobs, or none (a clash found while writing names its row).
   */
  async importFindings(actor: Actor, reportId: string, bytes: Buffer, now = new Date()) {
    if (!mayFinding(actor.roles, 'ENTER')) fail('FORBIDDEN');
    const report = await findOr404(this.db.auditReport.findFirst({ where: { id: reportId, officeId: actor.officeId } }));
    const { findings, problems } = await parseFindingSheet(bytes);
    const [bidang, indicators] = await Promise.all([
      this.db.bidang.findMany({ where: { officeId: actor.officeId, active: true }, select: { id: true, code: true } }),
      this.db.indicator.findMany({ where: { officeId: actor.officeId }, select: { id: true, code: true } }),
    ]);
    const bidangByCode = new Map(bidang.map((b) => [b.code, b.id]));
    const indicatorByCode = new Map(indicators.map((i) => [i.code, i.id]));
    const existing = new Set((await this.db.finding.findMany({ where: { reportId: report.id }, select: { code: true } })).map((f) => f.code));
    for (const f of findings) {
      if (f.bidangCode && !bidangByCode.has(f.bidangCode)) problems.push({ row: f.row, column: 'Kode Bidang', message: `Bidang ${f.bidangCode} tidak dikenal`, messageEn: `Unknown Bidang ${f.bidangCode}` });
      if (f.indicatorCode && !indicatorByCode.has(f.indicatorCode)) problems.push({ row: f.row, column: 'Kode Indikator', message: `Indikator ${f.indicatorCode} tidak dikenal`, messageEn: `Unknown indicator ${f.indicatorCode}` });
      if (existing.has(f.code)) problems.push({ row: f.row, column: 'Kode Temuan', message: `Temuan ${f.code} sudah ada dalam laporan ${report.number}`, messageEn: `Finding ${f.code} already exists in report ${report.number}` });
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      const n = problems.length;
      fail(
        'VALIDATION_FAILED',
        { id: `Berkas tidak dapat diimpor: ${n} isian bermasalah. Tidak ada temuan yang disimpan.`, en: `The file cannot be imported: ${n} ${n === 1 ? 'entry has a problem' : 'entries have problems'}. No finding was saved.` },
        { fields: problems.map((p) => ({ field: `R${p.row}.${p.column}`, message: p.message, messageEn: p.messageEn })), cells: problems },
      );
    }
    const ids = await this.db.$transaction(async (tx) => {
      const out: string[] = [];
      for (const f of findings) {
        const input = {
          reportId: report.id, code: f.code, title: f.title, kondisi: f.kondisi, kriteria: f.kriteria, sebab: f.sebab, akibat: f.akibat,
          bidangId: bidangByCode.get(f.bidangCode) as string,
          indicatorId: f.indicatorCode ? (indicatorByCode.get(f.indicatorCode) ?? null) : null,
          recommendations: f.recommendations.map((r) => ({ code: r.code, text: r.text })),
        };
        out.push((await this.insertFinding(tx, actor, input, now, f.row)).id);
      }
      await audit(tx, actor, { action: 'finding.imported', entityType: 'AuditReport', entityId: report.id, after: { findings: out.length, recommendations: findings.reduce((n, f) => n + f.recommendations.length, 0) } });
      return out;
    }, { timeout: 60_000 });
    this.notifier?.afterCommit();
    return { imported: ids.length, recommendations: findings.reduce((n, f) => n + f.recommendations.length, 0), findingIds: ids };
  }

  async recommendationOf(actor: Actor, id: string, now = new Date()) {
    const r = await findOr404(this.db.recommendation.findFirst({ where: { id, finding: this.scope(actor) }, include: RECOMMENDATION_INCLUDE }));
    return this.recommendationView(r, await this.today(actor.officeId, now), await this.namesOf([r]));
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type RegisterRow = { source: AuditSource; year: number; bidangId: string; bidangName: string; recommendation: { status: TlStatus; overdue: boolean; awaitingVerification: boolean } };

/** The register's counts, from the filtered rows (one pass; no second query can disagree). */
export function countsOf(rows: RegisterRow[]) {
  const bySourceYear = new Map<string, { source: AuditSource; year: number; count: number; open: number }>();
  const byBidang = new Map<string, { bidangId: string; bidangName: string; count: number; open: number; overdue: number }>();
  const byStatus = new Map<TlStatus, number>(TL_STATUSES.map((s) => [s, 0]));
  let open = 0;
  let overdue = 0;
  let awaiting = 0;
  for (const row of rows) {
    const r = row.recommendation;
    const isOpen = isOpenStatus(r.status);
    open += isOpen ? 1 : 0;
    overdue += r.overdue ? 1 : 0;
    awaiting += r.awaitingVerification ? 1 : 0;
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const sy = bySourceYear.get(`${row.source}:${row.year}`) ?? { source: row.source, year: row.year, count: 0, open: 0 };
    sy.count++;
    sy.open += isOpen ? 1 : 0;
    bySourceYear.set(`${row.source}:${row.year}`, sy);
    const b = byBidang.get(row.bidangId) ?? { bidangId: row.bidangId, bidangName: row.bidangName, count: 0, open: 0, overdue: 0 };
    b.count++;
    b.open += isOpen ? 1 : 0;
    b.overdue += r.overdue ? 1 : 0;
    byBidang.set(row.bidangId, b);
  }
  return {
    total: rows.length,
    open,
    overdue,
    awaitingVerification: awaiting,
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    bySourceYear: [...bySourceYear.values()].sort((a, b) => b.year - a.year || a.source.localeCompare(b.source)),
    byBidang: [...byBidang.values()].sort((a, b) => a.bidangName.localeCompare(b.bidangName)),
  };
}

export { FINDING_ROLES };
