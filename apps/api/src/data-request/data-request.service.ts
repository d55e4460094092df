import {
  addWorkingTime,
  availableRequestActions,
  checkRequestTransition,
  getStep,
  periodLabel,
  periodOf,
  RECORD_KIND,
  REQUEST_STATUS_LABELS,
  SOP_STEPS,
  standardMinutes,
  stepOfStatus,
  stepTiming,
  SUPERIOR,
  type RequestAction,
  type Role,
  type SubmissionStatus,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { EventSink } from '../notification/events';
import { assertSameOffice, canReadBidang } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { dateOnly, standardTimeLabel } from '../common/format';
import { sqlOf, type Db, type Tx } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { DataRequest, Prisma } from '../generated/prisma/client';
import type { DataRequestFilter, RegisterDataRequestInput } from './data-request.input';
import { MAX_PAGE_SIZE } from './data-request.input';
import { StepState } from './data-request.model';
import { COMPLETENESS, REQUEST_BY_ID, STEPS_OF_REQUEST } from './data-request.sql';

type RequestRow = DataRequest;

const TRANSITION_ERRORS = {
  UNKNOWN_ACTION: 'BAD_REQUEST',
  WRONG_STATE: 'WRONG_STEP',
  ROLE_NOT_ALLOWED: 'FORBIDDEN',
  SUBMISSIONS_INCOMPLETE: 'SUBMISSIONS_INCOMPLETE',
  ANALYSIS_MISSING: 'ANALYSIS_MISSING',
} as const;

/** Who receives the disposition / report each action sends, per the SOP. */
const HANDOVER: Partial<Record<RequestAction, Role>> = {
  DISPOSE_TO_KASUBBAG: 'KASUBBAG',
  DISPOSE_TO_STAFF: 'PENYUSUN',
  SUBMIT_REPORT: 'SEKRETARIS',
  RAISE_TO_KEPALA: 'KEPALA_DINAS',
  RETURN_REPORT: 'KASUBBAG',
};

export interface TransitionInput {
  instruction?: string | null;
  note?: string | null;
  expectedVersion?: number | null;
}

export function toRequestModel(r: RequestRow) {
  return {
    ...r,
    letterDate: dateOnly(r.letterDate),
    period: {
      year: r.year,
      triwulan: r.triwulan,
      label: periodLabel(periodOf(r.year, r.triwulan)),
    },
    statusLabel: REQUEST_STATUS_LABELS[r.status].id,
    statusLabelEn: REQUEST_STATUS_LABELS[r.status].en,
  };
}
export type RequestModel = ReturnType<typeof toRequestModel>;

/** Outgoing notifications: jobs written inside the transaction, the job runner nudged after the commit. */
export interface RequestEvents extends EventSink {
  enqueueReportFinal(tx: Tx, requestId: string, now: Date): Promise<number>;
}

export class DataRequestService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly events?: RequestEvents,
  ) {
    this.sql = sqlOf(db);
  }

  async get(actor: Actor, id: string): Promise<RequestModel> {
    const r = await this.sql.one(REQUEST_BY_ID, [id]);
    if (!r) fail('NOT_FOUND');
    assertSameOffice(actor, r!.officeId);
    return toRequestModel(r!);
  }

  async list(actor: Actor, filter: DataRequestFilter | null | undefined, first: number, after?: string | null) {
    const take = Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
    const where: Prisma.DataRequestWhereInput = {
      officeId: actor.officeId,
      ...(filter?.year ? { year: filter.year } : {}),
      ...(filter?.triwulan ? { triwulan: filter.triwulan } : {}),
      ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    };
    const cursor = after ? decodeCursor(after, true) : null;
    const [rows, totalCount] = await Promise.all([
      this.db.dataRequest.findMany({
        where: cursor
          ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] }
          : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: take + 1,
      }),
      this.db.dataRequest.count({ where }),
    ]);
    const page = rows.slice(0, take);
    const edges = page.map((r) => ({ cursor: encodeCursor({ id: r.id, createdAt: r.createdAt }), node: toRequestModel(r) }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** Step 0: the Sekretaris registers the incoming letter; step 1 starts now. */
  async register(actor: Actor, input: RegisterDataRequestInput, now = new Date()): Promise<RequestModel> {
    const cal = await this.calendars.forOffice(actor.officeId);
    const indicatorIds = [...new Set(input.indicatorIds)];
    return this.db.$transaction(async (tx) => {
      const indicators = await tx.indicator.findMany({
        where: { officeId: actor.officeId, active: true, ...(indicatorIds.length ? { id: { in: indicatorIds } } : {}) },
        select: { id: true },
      });
      if (indicatorIds.length && indicators.length !== indicatorIds.length) {
        fail('VALIDATION_FAILED', { id: 'Sebagian indikator yang diminta tidak ditemukan di Dinas ini.', en: 'Some of the requested indicators are not found in this office.' }, {
          fields: [fieldProblem('indicatorIds', { id: 'Indikator tidak dikenal atau tidak aktif', en: 'Unknown or inactive indicator' })],
        });
      }
      const existing = await tx.dataRequest.findUnique({
        where: { officeId_letterNumber: { officeId: actor.officeId, letterNumber: input.letterNumber.trim() } },
      });
      if (existing) fail('DUPLICATE', duplicateLetter(input.letterNumber));
      const dueAt = addWorkingTime(cal, now, getStep(1).standardTime);
      const r = await tx.dataRequest.create({
        data: {
          officeId: actor.officeId,
          year: input.year,
          triwulan: input.triwulan ?? null,
          letterNumber: input.letterNumber.trim(),
          letterDate: new Date(`${input.letterDate}T00:00:00Z`),
          sender: input.sender.trim(),
          subject: input.subject.trim(),
          notes: input.notes?.trim() || null,
          requestedDocuments: [...new Set(input.requestedDocuments)],
          status: 'AT_SEKRETARIS',
          currentStep: 1,
          stepStartedAt: now,
          dueAt,
          createdById: actor.userId,
          indicators: { create: indicators.map((i) => ({ indicatorId: i.id })) },
          steps: { create: { step: 1, startedAt: now, dueAt } },
        },
      }).catch((e: unknown) => {
        // Two simultaneous registrations of one letter: the unique index decides, not an internal error.
        if ((e as { code?: string })?.code === 'P2002') fail('DUPLICATE', duplicateLetter(input.letterNumber));
        throw e;
      });
      await audit(tx, actor, { action: 'request.registered', entityType: 'DataRequest', entityId: r.id, after: r });
      // Notifications: step 1's reminders and escalation are scheduled now (notification/).
      await this.events?.emit(tx, { kind: 'request.moved', request: r, action: null, completedStep: null, nextStep: 1, dueAt, calendar: cal, at: now, actorId: actor.userId });
      return toRequestModel(r);
    }).finally(() => this.events?.afterCommit());
  }

  /**
   * Carries a request one SOP step forward. One transaction: the compare-and-set on `version`
   * (which also row-locks the request, so two simultaneous clicks give one success and one
   * CONFLICT), the step's own effects, the closing of the current step, the opening of the next
   * one with its due time in working time, and the audit row.
   */
  async transition(actor: Actor, requestId: string, action: RequestAction, input: TransitionInput, now = new Date()) {
    const cal = await this.calendars.forOffice(actor.officeId);
    let enqueued = 0;
    const result = await this.db.$transaction(async (tx) => {
      const req = await tx.dataRequest.findUnique({ where: { id: requestId } }).catch(() => null);
      if (!req) fail('NOT_FOUND');
      assertSameOffice(actor, req!.officeId);
      const r = req!;
      if (input.expectedVersion != null && input.expectedVersion !== r.version) fail('CONFLICT');

      const ctx = await this.guardContext(tx, r.id, action);
      const check = checkRequestTransition(r.status, action, actor.roles, ctx);
      if (!check.ok) {
        const code = TRANSITION_ERRORS[check.reason];
        if (code === 'WRONG_STEP') {
          fail('WRONG_STEP', {
            id: `Permintaan ini sedang di langkah ${r.currentStep} (${REQUEST_STATUS_LABELS[r.status].id}); tindakan ini tidak dapat dilakukan sekarang.`,
            en: `This request is at step ${r.currentStep} (${REQUEST_STATUS_LABELS[r.status].en}); this action cannot be taken now.`,
          });
        }
        fail(code);
      }
      const t = (check as Extract<typeof check, { ok: true }>).transition;
      const actingRole = t.roles.find((role) => actor.roles.includes(role))!;
      // The step the target status belongs to: the next one, or step 6 again after a returned report.
      const nextStep = stepOfStatus(t.to);
      const nextDue = nextStep ? addWorkingTime(cal, now, getStep(nextStep).standardTime) : null;

      const cas = await tx.dataRequest.updateMany({
        where: { id: r.id, version: r.version },
        data: {
          status: t.to,
          currentStep: nextStep ?? 7,
          stepStartedAt: now,
          dueAt: nextDue,
          version: { increment: 1 },
          ...(t.to === 'DONE' ? { completedAt: now } : {}),
        },
      });
      if (cas.count !== 1) fail('CONFLICT');

      await tx.requestStep.update({
        where: { requestId_step: { requestId: r.id, step: t.step } },
        data: { completedAt: now, completedById: actor.userId, action, note: input.note ?? input.instruction ?? null },
      });
      if (nextStep) {
        // Upsert: a returned report re-opens step 6, and step 7 opens again on resubmission.
        await tx.requestStep.upsert({
          where: { requestId_step: { requestId: r.id, step: nextStep } },
          create: { requestId: r.id, step: nextStep, startedAt: now, dueAt: nextDue! },
          update: { startedAt: now, dueAt: nextDue!, completedAt: null, completedById: null, action: null, note: null },
        });
      }

      const toRole = HANDOVER[action];
      if (toRole) {
        await tx.disposition.create({
          data: {
            requestId: r.id,
            step: t.step,
            fromUserId: actor.userId,
            fromRole: actingRole,
            toRole,
            instruction: (input.instruction ?? input.note ?? '').trim() || defaultInstruction(action),
            mark: RECORD_KIND[actingRole] === 'NONE' ? 'PARAF' : RECORD_KIND[actingRole],
          },
        });
      }
      if (action === 'SEND_FORMAT') await this.openSubmissions(tx, r);
      if (action === 'SUBMIT_REPORT') {
        const latest = await tx.performanceAnalysis.findFirst({ where: { requestId: r.id }, orderBy: { version: 'desc' } });
        await tx.performanceAnalysis.update({ where: { id: latest!.id }, data: { status: 'SUBMITTED', submittedAt: latest!.submittedAt ?? now } });
      }
      // The report is final (step 7 done): webhook deliveries commit or roll back with the step.
      if (t.to === 'DONE' && this.events) enqueued = await this.events.enqueueReportFinal(tx, r.id, now);
      // Notifications of this move, and the reminders of the step it opens (notification/).
      await this.events?.emit(tx, { kind: 'request.moved', request: r, action, completedStep: t.step, nextStep, dueAt: nextDue, calendar: cal, at: now, actorId: actor.userId, instruction: input.instruction ?? input.note ?? null });
      const after = await tx.dataRequest.findUniqueOrThrow({ where: { id: r.id } });
      await audit(tx, actor, {
        action: `request.${action.toLowerCase()}`,
        entityType: 'DataRequest',
        entityId: r.id,
        before: { status: r.status, version: r.version },
        after: { status: after.status, version: after.version, actingRole, note: input.note ?? input.instruction ?? null },
      });
      return toRequestModel(after);
    });
    // Sent only after the commit: a rolled-back step never notifies anyone.
    this.events?.afterCommit();
    void enqueued;
    return result;
  }

  /** The Kepala Dinas signs for the final report (after step 7). */
  async acknowledge(actor: Actor, requestId: string, now = new Date()) {
    return this.db.$transaction(async (tx) => {
      const r = await tx.dataRequest.findUnique({ where: { id: requestId } }).catch(() => null);
      if (!r) fail('NOT_FOUND');
      assertSameOffice(actor, r!.officeId);
      if (r!.status !== 'DONE') fail('WRONG_STEP', { id: 'Laporan belum dinaikkan kepada Kepala Dinas.', en: 'The report has not been raised to the Kepala Dinas yet.' });
      if (r!.acknowledgedAt) return toRequestModel(r!);
      const cas = await tx.dataRequest.updateMany({
        where: { id: r!.id, version: r!.version },
        data: { acknowledgedAt: now, version: { increment: 1 } },
      });
      if (cas.count !== 1) fail('CONFLICT');
      await tx.disposition.create({
        data: { requestId: r!.id, step: 7, fromUserId: actor.userId, fromRole: 'KEPALA_DINAS', toRole: 'SEKRETARIS', instruction: 'Laporan diterima.', mark: 'SIGNATURE' },
      });
      await audit(tx, actor, { action: 'request.acknowledged', entityType: 'DataRequest', entityId: r!.id, after: { acknowledgedAt: now } });
      return toRequestModel(await tx.dataRequest.findUniqueOrThrow({ where: { id: r!.id } }));
    });
  }

  private async guardContext(tx: Tx, requestId: string, action: RequestAction) {
    if (action === 'FORWARD_COLLECTION') {
      const submissions = await tx.bidangSubmission.findMany({ where: { requestId }, select: { status: true } });
      return { submissions: submissions as { status: SubmissionStatus }[] };
    }
    if (action === 'SUBMIT_REPORT') {
      return { hasAnalysis: (await tx.performanceAnalysis.count({ where: { requestId } })) > 0 };
    }
    return {};
  }

  /** Step 3: the format goes to every active Bidang of the office, each gets its submission. */
  private async openSubmissions(tx: Tx, r: RequestRow) {
    const bidang = await tx.bidang.findMany({ where: { officeId: r.officeId, active: true }, select: { id: true } });
    if (bidang.length === 0) fail('VALIDATION_FAILED', { id: 'Dinas ini belum memiliki Bidang aktif.', en: 'This office has no active Bidang yet.' });
    await tx.bidangSubmission.createMany({
      data: bidang.map((b) => ({ requestId: r.id, bidangId: b.id })),
      skipDuplicates: true,
    });
  }

  /** The seven steps with due time, elapsed working time and overdue state, as of `now`. */
  async timeline(r: RequestModel, now = new Date()) {
    const [cal, rows] = await Promise.all([this.calendars.forOffice(r.officeId), this.sql.rows(STEPS_OF_REQUEST, [r.id])]);
    return SOP_STEPS.map((def) => {
      const row = rows.find((s) => s.step === def.no);
      const timing = row ? stepTiming(cal, row.startedAt, def.standardTime, row.completedAt, now) : null;
      return {
        step: def.no,
        code: def.code,
        activity: def.activity,
        actors: def.actors,
        standardTime: standardTimeLabel(def.standardTime),
        // The budget from the start: for a step not reached yet, the standard in office minutes
        // (days × the office day); once started, the office minutes from its start to its due time.
        standardWorkingMinutes: Math.round(timing?.standardWorkingMinutes ?? standardMinutes(cal, def.standardTime)),
        output: def.output,
        state: !row ? StepState.PENDING : row.completedAt ? StepState.DONE : StepState.ACTIVE,
        startedAt: row?.startedAt ?? null,
        dueAt: row?.dueAt ?? null,
        completedAt: row?.completedAt ?? null,
        completedBy: row?.completedBy ?? null,
        note: row?.note ?? null,
        // Whole minutes for display; the due/overdue decision above uses the exact values.
        elapsedWorkingMinutes: Math.floor(timing?.elapsedWorkingMinutes ?? 0),
        overdue: timing?.overdue ?? false,
        overdueWorkingMinutes: Math.floor(timing?.overdueWorkingMinutes ?? 0),
        escalatesTo: SUPERIOR[def.actors[0]!] ?? null,
      };
    });
  }

  async overdue(r: RequestModel, now = new Date()): Promise<boolean> {
    if (r.status === 'DONE' || !r.dueAt) return false;
    return r.dueAt < now;
  }

  /** Completeness and timeliness per Bidang (step 4). */
  async completeness(actor: Actor, r: RequestModel, now = new Date()) {
    const rows = await this.sql.rows(COMPLETENESS, [r.id, r.officeId]);
    const due = rows[0]?.step4DueAt ?? null;
    const perBidang = rows
      .filter((b) => canReadBidang(actor, b.id))
      .map(({ submissionId, status, submittedAt, firstSubmittedAt, returnCount, step4DueAt: _due, ...b }) => {
        const pending = !status || status === 'DRAFT' || status === 'RETURNED';
        return {
          bidang: b,
          submissionId,
          status,
          submittedAt,
          firstSubmittedAt,
          late: !!(firstSubmittedAt && due && firstSubmittedAt > due),
          overdue: !!(due && pending && !firstSubmittedAt && due < now && r.status === 'COLLECTING'),
          returnCount,
        };
      });
    const count = (st: string) => perBidang.filter((p) => p.status === st).length;
    const firstSubmitted = perBidang.filter((p) => p.firstSubmittedAt);
    const accepted = count('ACCEPTED');
    return {
      bidangTotal: perBidang.length,
      draft: count('DRAFT'),
      submitted: count('SUBMITTED'),
      returned: count('RETURNED'),
      accepted,
      onTime: firstSubmitted.filter((p) => !p.late).length,
      late: firstSubmitted.filter((p) => p.late).length,
      percentAccepted: perBidang.length ? Math.round((accepted / perBidang.length) * 10000) / 100 : 0,
      perBidang,
    };
  }

  /**
   * What waits on this actor: the current step of each open request where the actor holds an
   * acting role, the Bidang submissions to fill or to review, overdue steps escalated to the
   * actor as the superior of the late role, and final reports awaiting the Kepala Dinas.
   */
  async inbox(actor: Actor, now = new Date()) {
    const requests = await this.db.dataRequest.findMany({
      where: { officeId: actor.officeId, OR: [{ status: { not: 'DONE' } }, { acknowledgedAt: null }] },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      include: { submissions: { select: { id: true, bidangId: true, status: true } } },
    });
    const items: InboxItemData[] = [];
    for (const row of requests) {
      const r = toRequestModel(row);
      const overdue = !!(r.dueAt && r.status !== 'DONE' && r.dueAt < now);
      if (r.status === 'DONE') {
        if (actor.roles.includes('KEPALA_DINAS')) {
          items.push({ kind: 'ACKNOWLEDGE_REPORT', ...INBOX_TITLES.ACKNOWLEDGE_REPORT, request: r, step: 7, actions: [], submissionId: null, dueAt: null, overdue: false });
        }
        continue;
      }
      const actions = availableRequestActions(r.status, actor.roles);
      const def = getStep(r.currentStep);
      if (r.status === 'COLLECTING') {
        for (const s of row.submissions) {
          if ((s.status === 'DRAFT' || s.status === 'RETURNED') && actor.bidangIds.includes(s.bidangId) && actor.roles.some((x) => x === 'BIDANG_OPERATOR' || x === 'BIDANG_HEAD')) {
            items.push({
              kind: 'FILL_SUBMISSION',
              ...(s.status === 'RETURNED' ? INBOX_TITLES.FIX_RETURNED : INBOX_TITLES.FILL_SUBMISSION),
              request: r, step: 4, actions: [], submissionId: s.id, dueAt: r.dueAt, overdue,
            });
          }
          if (s.status === 'SUBMITTED' && actor.roles.some((x) => x === 'KASUBBAG' || x === 'PENYUSUN')) {
            items.push({ kind: 'REVIEW_SUBMISSION', ...INBOX_TITLES.REVIEW_SUBMISSION, request: r, step: 4, actions: [], submissionId: s.id, dueAt: r.dueAt, overdue });
          }
        }
        const allAccepted = row.submissions.length > 0 && row.submissions.every((s) => s.status === 'ACCEPTED');
        if (allAccepted && actions.length) {
          items.push({ kind: 'REQUEST_STEP', ...INBOX_TITLES.FORWARD_COLLECTION, request: r, step: 4, actions, submissionId: null, dueAt: r.dueAt, overdue });
        }
      } else if (actions.length) {
        items.push({ kind: 'REQUEST_STEP', title: def.activity, titleEn: def.activityEn, request: r, step: def.no, actions, submissionId: null, dueAt: r.dueAt, overdue });
      }
      // Escalation: a late step shows up with the superior of the role that should act.
      if (overdue) {
        const superiors = new Set(def.actors.map((a) => SUPERIOR[a]).filter((x): x is Role => !!x));
        const already = items.some((i) => i.request.id === r.id && i.kind !== 'ESCALATION');
        if (!already && actor.roles.some((x) => superiors.has(x))) {
          items.push({ kind: 'ESCALATION', title: `Terlambat: langkah ${def.no} melewati waktu baku`, titleEn: `Late: step ${def.no} is past its standard time`, request: r, step: def.no, actions: [], submissionId: null, dueAt: r.dueAt, overdue: true });
        }
      }
    }
    return items;
  }

  availableActions(actor: Actor, r: RequestModel): RequestAction[] {
    return availableRequestActions(r.status, actor.roles);
  }
}

/** Inbox titles that are not a step's own activity, in both languages (the API's clients show either). */
const INBOX_TITLES = {
  ACKNOWLEDGE_REPORT: { title: 'Terima laporan capaian kinerja', titleEn: 'Receive the performance report' },
  FILL_SUBMISSION: { title: 'Isi data kinerja Bidang', titleEn: 'Fill in the division’s performance data' },
  FIX_RETURNED: { title: 'Perbaiki data kinerja yang dikembalikan', titleEn: 'Fix the returned performance data' },
  REVIEW_SUBMISSION: { title: 'Periksa data kinerja yang dikirim Bidang', titleEn: 'Review data submitted by a division' },
  FORWARD_COLLECTION: { title: 'Teruskan data yang terkumpul kepada Kasubbag', titleEn: 'Forward the collected data to the Kasubbag' },
} as const;

export interface InboxItemData {
  kind: 'REQUEST_STEP' | 'FILL_SUBMISSION' | 'REVIEW_SUBMISSION' | 'ACKNOWLEDGE_REPORT' | 'ESCALATION';
  title: string;
  titleEn: string;
  request: RequestModel;
  step: number;
  actions: RequestAction[];
  submissionId: string | null;
  dueAt: Date | null;
  overdue: boolean;
}

function defaultInstruction(action: RequestAction): string {
  switch (action) {
    case 'SUBMIT_REPORT':
      return 'Bersama ini disampaikan rekap capaian kinerja untuk dinaikkan kepada Kepala Dinas.';
    case 'RAISE_TO_KEPALA':
      return 'Dengan hormat, disampaikan hasil capaian pengumpulan data kinerja dinas.';
    default:
      return 'Untuk ditindaklanjuti.';
  }
}

const duplicateLetter = (letterNumber: string) => ({
  id: `Surat nomor ${letterNumber.trim()} sudah terdaftar.`,
  en: `Letter number ${letterNumber.trim()} is already registered.`,
});
