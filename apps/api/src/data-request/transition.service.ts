/**
 * The transition engine: carries a request one SOP step forward (steps 1–7, and a returned
 * report back to step 6), and the Kepala Dinas's acknowledgement after step 7. Which action is
 * allowed from which status, and for whom, is the state machine of packages/sop; this is where it
 * is applied to the database in one transaction per step.
 */
import {
  addWorkingTime,
  availableRequestActions,
  checkRequestTransition,
  dispositionStep,
  getStep,
  RECORD_KIND,
  REQUEST_STATUS_LABELS,
  stepOfStatus,
  type RequestAction,
  type Role,
  type SubmissionStatus,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit, requestAuditState } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { EventSink } from '../notification/events';
import { assertSameOffice } from '../common/access';
import { fail } from '../common/errors';
import { findOr404 } from '../common/found';
import type { Db, Tx } from '../db/prisma';
import type { DataRequest } from '../generated/prisma/client';
import { toRequestModel, type RequestModel } from './data-request.service';

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

/** Outgoing notifications: jobs written inside the transaction, the job runner nudged after the commit. */
export interface RequestEvents extends EventSink {
  enqueueReportFinal(tx: Tx, requestId: string, now: Date): Promise<number>;
}

export class TransitionService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly events?: RequestEvents,
  ) {}

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
      const r = await findOr404(tx.dataRequest.findUnique({ where: { id: requestId } }));
      assertSameOffice(actor, r.officeId);
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
      // Allowed means the actor holds one of the transition's roles: the first is the one acted in.
      const actingRole = t.roles.find((role) => actor.roles.includes(role)) ?? fail('FORBIDDEN');
      // The step the target status belongs to: the next one, or step 6 again after a returned report.
      const nextStep = stepOfStatus(t.to);
      const next = nextStep ? { step: nextStep, dueAt: addWorkingTime(cal, now, getStep(nextStep).standardTime) } : null;

      const cas = await tx.dataRequest.updateMany({
        where: { id: r.id, version: r.version },
        data: {
          status: t.to,
          currentStep: next?.step ?? 7,
          stepStartedAt: now,
          dueAt: next?.dueAt ?? null,
          version: { increment: 1 },
          ...(t.to === 'DONE' ? { completedAt: now } : {}),
        },
      });
      if (cas.count !== 1) fail('CONFLICT');

      await tx.requestStep.update({
        where: { requestId_step: { requestId: r.id, step: t.step } },
        data: { completedAt: now, completedById: actor.userId, action, note: input.note ?? input.instruction ?? null },
      });
      if (next) {
        // Upsert: a returned report re-opens step 6, and step 7 opens again on resubmission.
        await tx.requestStep.upsert({
          where: { requestId_step: { requestId: r.id, step: next.step } },
          create: { requestId: r.id, step: next.step, startedAt: now, dueAt: next.dueAt },
          update: { startedAt: now, dueAt: next.dueAt, completedAt: null, completedById: null, action: null, note: null },
        });
      }

      const toRole = HANDOVER[action];
      if (toRole) {
        await tx.disposition.create({
          data: {
            requestId: r.id,
            step: dispositionStep(t),
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
        // The guard above made sure there is one (hasAnalysis).
        const latest = await tx.performanceAnalysis.findFirst({ where: { requestId: r.id }, orderBy: { version: 'desc' } }) ?? fail('ANALYSIS_MISSING');
        await tx.performanceAnalysis.update({ where: { id: latest.id }, data: { status: 'SUBMITTED', submittedAt: latest.submittedAt ?? now } });
      }
      // The report is final (step 7 done): webhook deliveries commit or roll back with the step.
      if (t.to === 'DONE' && this.events) enqueued = await this.events.enqueueReportFinal(tx, r.id, now);
      // Notifications of this move, and the reminders of the step it opens (notification/).
      await this.events?.emit(tx, {
        kind: 'request.moved', request: r, action, completedStep: t.step, nextStep, dueAt: next?.dueAt ?? null, calendar: cal, at: now, actorId: actor.userId,
        instruction: input.instruction ?? input.note ?? null,
      });
      const after = await tx.dataRequest.findUniqueOrThrow({ where: { id: r.id } });
      await audit(tx, actor, {
        action: `request.${action.toLowerCase()}`,
        entityType: 'DataRequest',
        entityId: r.id,
        // Enough for a readable history (old → new): the step, its due time, who it went to.
        before: requestAuditState(r),
        after: { ...requestAuditState(after), actingRole, toRole: toRole ?? null, note: input.note ?? input.instruction ?? null },
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
      const r = await findOr404(tx.dataRequest.findUnique({ where: { id: requestId } }));
      assertSameOffice(actor, r.officeId);
      if (r.status !== 'DONE') fail('WRONG_STEP', { id: 'Laporan belum dinaikkan kepada Kepala Dinas.', en: 'The report has not been raised to the Kepala Dinas yet.' });
      if (r.acknowledgedAt) return toRequestModel(r);
      const cas = await tx.dataRequest.updateMany({
        where: { id: r.id, version: r.version },
        data: { acknowledgedAt: now, version: { increment: 1 } },
      });
      if (cas.count !== 1) fail('CONFLICT');
      await tx.disposition.create({
        data: { requestId: r.id, step: 7, fromUserId: actor.userId, fromRole: 'KEPALA_DINAS', toRole: 'SEKRETARIS', instruction: 'Laporan diterima.', mark: 'SIGNATURE' },
      });
      await audit(tx, actor, { action: 'request.acknowledged', entityType: 'DataRequest', entityId: r.id, before: requestAuditState(r), after: { ...requestAuditState(r), acknowledgedAt: now } });
      return toRequestModel(await tx.dataRequest.findUniqueOrThrow({ where: { id: r.id } }));
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
  private async openSubmissions(tx: Tx, r: DataRequest) {
    const bidang = await tx.bidang.findMany({ where: { officeId: r.officeId, active: true }, select: { id: true } });
    if (bidang.length === 0) fail('VALIDATION_FAILED', { id: 'Dinas ini belum memiliki Bidang aktif.', en: 'This office has no active Bidang yet.' });
    await tx.bidangSubmission.createMany({
      data: bidang.map((b) => ({ requestId: r.id, bidangId: b.id })),
      skipDuplicates: true,
    });
  }

  availableActions(actor: Actor, r: RequestModel): RequestAction[] {
    return availableRequestActions(r.status, actor.roles);
  }
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

