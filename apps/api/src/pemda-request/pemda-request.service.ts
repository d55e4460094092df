/**
 * The requester's side of the SOP (issue 15): a pemda analyst (Bappeda / Inspektorat) issues ONE
 * data request to chosen offices of the pemda. Each office receives it as its own DataRequest,
 * already registered at step 1 (at the Sekretaris), linked to the pemda request; each office
 * then runs its seven steps unchanged. The requester reads per office the current step, the late
 * steps (the recorded timeline against the SOP's standard times) and, once DONE, the final
 * report and its frozen figures. Read-only everywhere else: nothing here acts inside an office's
 * procedure.
 */
import { addWorkingTime, getStep, isRequestOverdue, periodLabel, periodOf, REQUEST_STATUS_LABELS, stepTiming } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import { dateOnly, isUuid } from '../common/format';
import type { Db } from '../db/prisma';
import type { PemdaRequest as PemdaRequestRow } from '../generated/prisma/client';
import type { EventSink } from '../notification/events';
import { toAnalysisModel } from '../analysis/analysis.service';
import type { PemdaScopeService } from '../pemda/pemda-scope.service';
import type { IssuePemdaRequestInput } from './pemda-request.input';

/** The most requests a list answers at once (newest first). */
export const MAX_PEMDA_REQUESTS = 200;

const UNKNOWN_OFFICE: Bilingual = { id: 'Perangkat daerah tidak ditemukan di pemda Anda', en: 'Office not found in your pemda' };

export function toPemdaRequestModel(p: PemdaRequestRow & { issuingOffice: { id: string; code: string; name: string }; _count?: { requests: number } }, doneCount = 0) {
  return {
    ...p,
    letterDate: dateOnly(p.letterDate),
    period: { year: p.year, triwulan: p.triwulan, label: periodLabel(periodOf(p.year, p.triwulan)) },
    issuingOffice: p.issuingOffice,
    officeCount: p._count?.requests ?? 0,
    doneCount,
  };
}
export type PemdaRequestModel = ReturnType<typeof toPemdaRequestModel>;

export class PemdaRequestService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly scope: PemdaScopeService,
    private readonly events?: EventSink,
  ) {}

  /**
   * One transaction: the pemda request, one registered DataRequest per chosen office (every
   * active Bidang and every active master indicator of that office, as a letter registered by
   * hand without a choice), their step-1 timelines, an audit row for each and the Sekretaris's
   * notification. Any refusal (an office outside the pemda, a letter number an office already
   * registered) leaves nothing behind.
   */
  async issue(actor: Actor, input: IssuePemdaRequestInput, now = new Date()): Promise<PemdaRequestModel> {
    const pemda = await this.scope.requirePemda(actor, 'ISSUE_REQUEST');
    const officeIds = [...new Set(input.officeIds)];
    const letterNumber = input.letterNumber.trim();
    const letterDate = new Date(`${input.letterDate}T00:00:00Z`);
    if (input.deadline.getTime() < letterDate.getTime()) {
      fail('VALIDATION_FAILED', { id: 'Batas waktu tidak boleh sebelum tanggal surat.', en: 'The deadline cannot be before the letter date.' }, {
        fields: [fieldProblem('deadline', { id: 'Batas waktu sebelum tanggal surat', en: 'Deadline before the letter date' })],
      });
    }
    const items = [...new Set(input.items.map((s) => s.trim()).filter(Boolean))];
    const calendars = new Map(await Promise.all(officeIds.filter(isUuid).map(async (id) => [id, await this.calendars.forOffice(id)] as const)));
    return this.db.$transaction(async (tx) => {
      const offices = await tx.office.findMany({ where: { pemdaId: pemda.id, id: { in: officeIds.filter(isUuid) } }, select: { id: true, code: true, name: true } });
      const found = new Set(offices.map((o) => o.id));
      const unknown = officeIds.filter((id) => !found.has(id));
      // Another pemda's office reads as unknown: its existence is not told.
      if (unknown.length) fail('VALIDATION_FAILED', { id: 'Sebagian perangkat daerah tidak ditemukan di pemda Anda.', en: 'Some offices are not found in your pemda.' }, { fields: unknown.map((id) => fieldProblem(`officeIds.${id}`, UNKNOWN_OFFICE)) });
      if (await tx.pemdaRequest.findUnique({ where: { pemdaId_letterNumber: { pemdaId: pemda.id, letterNumber } } })) fail('DUPLICATE', duplicateLetter(letterNumber), { fields: [fieldProblem('letterNumber', duplicateLetter(letterNumber))] });
      const clashes = await tx.dataRequest.findMany({ where: { officeId: { in: officeIds }, letterNumber }, select: { officeId: true } });
      if (clashes.length) {
        const names = offices.filter((o) => clashes.some((c) => c.officeId === o.id)).map((o) => o.name);
        fail('DUPLICATE', { id: `Surat nomor ${letterNumber} sudah terdaftar di: ${names.join(', ')}.`, en: `Letter number ${letterNumber} is already registered at: ${names.join(', ')}.` }, {
          fields: clashes.map((c) => fieldProblem(`officeIds.${c.officeId}`, duplicateLetter(letterNumber))),
        });
      }
      const issuer = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { id: true, code: true, name: true } });
      const p = await tx.pemdaRequest.create({
        data: {
          pemdaId: pemda.id,
          officeId: actor.officeId,
          letterNumber,
          letterDate,
          subject: input.subject.trim(),
          year: input.year,
          triwulan: input.triwulan ?? null,
          items,
          requestedDocuments: [...new Set(input.requestedDocuments)],
          notes: input.notes?.trim() || null,
          deadline: input.deadline,
          createdById: actor.userId,
        },
      }).catch((e: unknown) => {
        if ((e as { code?: string })?.code === 'P2002') fail('DUPLICATE', duplicateLetter(letterNumber));
        throw e;
      });
      await audit(tx, actor, { action: 'pemdaRequest.issued', entityType: 'PemdaRequest', entityId: p.id, after: { ...p, officeIds } });
      // What the office reads on its incoming letter: the free list of data asked rides in the notes.
      const notes = [p.notes, items.length ? `Data yang diminta:\n${items.map((s, i) => `${i + 1}. ${s}`).join('\n')}` : null].filter(Boolean).join('\n\n') || null;
      const [bidang, indicators] = await Promise.all([
        tx.bidang.findMany({ where: { officeId: { in: officeIds }, active: true }, select: { id: true, officeId: true } }),
        tx.indicator.findMany({ where: { officeId: { in: officeIds }, active: true, adHocRequestId: null }, select: { id: true, officeId: true } }),
      ]);
      for (const office of offices) {
        const cal = calendars.get(office.id)!;
        const dueAt = addWorkingTime(cal, now, getStep(1).standardTime);
        const r = await tx.dataRequest.create({
          data: {
            officeId: office.id,
            pemdaRequestId: p.id,
            year: p.year,
            triwulan: p.triwulan,
            letterNumber,
            letterDate,
            sender: issuer.name,
            subject: p.subject,
            notes: notes && notes.length > 2000 ? `${notes.slice(0, 1997)}…` : notes,
            requestedDocuments: p.requestedDocuments,
            status: 'AT_SEKRETARIS',
            currentStep: 1,
            stepStartedAt: now,
            dueAt,
            createdById: actor.userId,
            requesterDeadline: p.deadline,
            indicators: { create: indicators.filter((i) => i.officeId === office.id).map((i) => ({ indicatorId: i.id })) },
            bidang: { create: bidang.filter((b) => b.officeId === office.id).map((b) => ({ bidangId: b.id })) },
            steps: { create: { step: 1, startedAt: now, dueAt } },
          },
        });
        // The office's own trail shows the registration, by the analyst, in the office.
        await audit(tx, { userId: actor.userId, officeId: office.id }, { action: 'request.registered', entityType: 'DataRequest', entityId: r.id, after: { ...r, pemdaRequestId: p.id } });
        await this.events?.emit(tx, { kind: 'request.moved', request: r, action: null, completedStep: null, nextStep: 1, dueAt, calendar: cal, at: now, actorId: actor.userId, issuedBy: issuer.name });
      }
      return toPemdaRequestModel({ ...p, issuingOffice: issuer, _count: { requests: offices.length } });
    }).finally(() => this.events?.afterCommit());
  }

  /** The pemda's requests, newest first (every pemda role of the pemda reads them). */
  async list(actor: Actor, first = 50): Promise<PemdaRequestModel[]> {
    const pemda = await this.scope.requirePemda(actor, 'READ');
    const rows = await this.db.pemdaRequest.findMany({
      where: { pemdaId: pemda.id },
      include: { issuingOffice: { select: { id: true, code: true, name: true } }, _count: { select: { requests: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: Math.min(Math.max(first, 1), MAX_PEMDA_REQUESTS),
    });
    const done = await this.db.dataRequest.groupBy({ by: ['pemdaRequestId'], where: { pemdaRequestId: { in: rows.map((r) => r.id) }, status: 'DONE' }, _count: { _all: true } });
    const doneOf = new Map(done.map((d) => [d.pemdaRequestId, d._count._all]));
    return rows.map((r) => toPemdaRequestModel(r, doneOf.get(r.id) ?? 0));
  }

  /** One request of the actor's pemda; another pemda's (or none) is NOT_FOUND. */
  async get(actor: Actor, id: string): Promise<PemdaRequestModel> {
    const pemda = await this.scope.requirePemda(actor, 'READ');
    const p = isUuid(id)
      ? await this.db.pemdaRequest.findUnique({ where: { id }, include: { issuingOffice: { select: { id: true, code: true, name: true } }, _count: { select: { requests: true } } } })
      : null;
    if (!p || p.pemdaId !== pemda.id) fail('NOT_FOUND');
    const doneCount = await this.db.dataRequest.count({ where: { pemdaRequestId: p.id, status: 'DONE' } });
    return toPemdaRequestModel(p, doneCount);
  }

  /**
   * Per office: the current step, the late steps, whether the requester's deadline is missed,
   * and once DONE the issued recap and the frozen analysis. A fixed number of statements
   * whatever the number of offices (the calendars are cached per office).
   */
  async offices(actor: Actor, p: PemdaRequestModel, now = new Date()) {
    await this.scope.requirePemda(actor, 'READ');
    const requests = await this.db.dataRequest.findMany({
      where: { pemdaRequestId: p.id },
      include: { office: { select: { id: true, code: true, name: true } } },
      orderBy: [{ office: { name: 'asc' } }],
    });
    const ids = requests.map((r) => r.id);
    const doneIds = requests.filter((r) => r.status === 'DONE').map((r) => r.id);
    const [steps, analyses, reports] = await Promise.all([
      this.db.requestStep.findMany({ where: { requestId: { in: ids } }, orderBy: [{ step: 'asc' }, { round: 'asc' }] }),
      this.db.performanceAnalysis.findMany({ where: { requestId: { in: doneIds }, status: 'SUBMITTED' }, orderBy: { version: 'desc' } }),
      this.db.storedDocument.findMany({ where: { requestId: { in: doneIds }, kind: 'REPORT' }, orderBy: { createdAt: 'desc' } }),
    ]);
    const out = [];
    for (const r of requests) {
      const cal = await this.calendars.forOffice(r.officeId);
      const late = new Map<number, { step: number; completed: boolean; overdueWorkingMinutes: number }>();
      for (const s of steps.filter((x) => x.requestId === r.id)) {
        // A cancelled request's open steps were closed at the cancel: nothing runs on.
        const t = stepTiming(cal, s.startedAt, getStep(s.step).standardTime, s.completedAt, now);
        if (!t.overdue) continue;
        const prev = late.get(s.step);
        late.set(s.step, { step: s.step, completed: !!s.completedAt && (prev?.completed ?? true), overdueWorkingMinutes: Math.floor(t.overdueWorkingMinutes) + (prev?.overdueWorkingMinutes ?? 0) });
      }
      const analysis = analyses.find((a) => a.requestId === r.id);
      const report = reports.find((d) => d.requestId === r.id);
      const step = getStep(Math.min(Math.max(r.currentStep, 1), 7));
      out.push({
        office: r.office,
        requestId: r.id,
        status: r.status,
        statusLabel: REQUEST_STATUS_LABELS[r.status].id,
        statusLabelEn: REQUEST_STATUS_LABELS[r.status].en,
        currentStep: r.currentStep,
        currentActivity: step.activity,
        notStarted: r.status === 'AT_SEKRETARIS' && r.currentStep === 1,
        dueAt: r.status === 'DONE' || r.status === 'CANCELLED' ? null : r.dueAt,
        overdue: isRequestOverdue(r, now),
        lateSteps: [...late.values()].map((l) => ({ ...l, activity: getStep(l.step).activity, activityEn: getStep(l.step).activityEn })),
        pastDeadline: r.requesterDeadline ? (r.completedAt ?? now).getTime() > r.requesterDeadline.getTime() && r.status !== 'CANCELLED' : false,
        completedAt: r.completedAt,
        report: r.status === 'DONE' && report ? { id: report.id, filename: report.filename, verificationCode: report.verificationCode, downloadPath: `/api/pemda/reports/${report.id}` } : null,
        figures: r.status === 'DONE' && analysis ? figuresOf(analysis) : null,
      });
    }
    return out;
  }

  /**
   * The final report of an office, for a reader of its pemda: the issued recap (REPORT) of a DONE
   * request that the pemda asked for. Any other document, or one of another pemda, is NOT_FOUND.
   * The download is in the office's trail, by the pemda reader.
   */
  async reportDocument(actor: Actor, documentId: string) {
    const pemda = await this.scope.requirePemda(actor, 'READ');
    const d = isUuid(documentId)
      ? await this.db.storedDocument.findUnique({ where: { id: documentId }, include: { request: { select: { status: true, pemdaRequest: { select: { pemdaId: true } } } } } })
      : null;
    if (!d || d.kind !== 'REPORT' || d.request?.status !== 'DONE' || d.request.pemdaRequest?.pemdaId !== pemda.id) fail('NOT_FOUND');
    await this.db.$transaction((tx) =>
      audit(tx, { userId: actor.userId, officeId: d.officeId }, { action: 'document.downloaded', entityType: 'StoredDocument', entityId: d.id, after: { kind: d.kind, requestId: d.requestId, filename: d.filename, sha256: d.sha256, byPemda: pemda.id } }),
    );
    return d;
  }
}

/** The figures of a frozen (submitted) analysis, as the requester reads them. */
function figuresOf(a: Parameters<typeof toAnalysisModel>[0]) {
  const m = toAnalysisModel(a);
  return {
    analysisVersion: m.version,
    officeCapaian: m.office.average,
    category: m.office.category?.label ?? null,
    scale: `${m.scaleCode} v${m.scaleVersion}`,
    indicatorCount: m.office.indicatorCount,
    missingCount: m.office.missingCount,
    submittedAt: m.submittedAt,
    indicators: m.indicators.map((i) => ({
      code: i.indicatorCode,
      name: i.indicatorName,
      satuan: i.satuan ?? null,
      target: i.target,
      targetUpper: i.targetUpper,
      realisasi: i.realisasi,
      capaian: i.capaian,
      category: i.category?.label ?? null,
    })),
  };
}

const duplicateLetter = (letterNumber: string): Bilingual => ({
  id: `Surat nomor ${letterNumber} sudah terdaftar.`,
  en: `Letter number ${letterNumber} is already registered.`,
});
