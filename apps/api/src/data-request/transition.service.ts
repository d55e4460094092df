/**
 * The transition engine: carries a request through the SOP (steps 1–7), to the Kepala Dinas's
 * desk and his signature or return, a waiver of missing Bidang, and a cancellation. Which action
 * is allowed from which status, for whom, with which text and effects, is the state machine and
 * the capability table of packages/sop; this is where they are applied to the database, one
 * transaction per action with its audit record and its notifications.
 */
import { freezeTargets } from '../indicator/indicator.service';
import {
  actingRoleFor,
  addWorkingTime,
  BLOCKED_REASON_LABELS,
  checkRequestTransition,
  dispositionStep,
  getStep,
  REQUEST_STATUS_LABELS,
  REQUEST_TRANSITIONS,
  ROLE_LABELS,
  requestActionLabel,
  requestCapabilities,
  stepOfStatus,
  type RequestAction,
  type RequestGuardContext,
  type RequestStatus,
  type RequestTransition,
  type Role,
  type SubmissionStatus,
  type TextRule,
  type TransitionRefusal,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit, requestAuditState } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { EventSink } from '../notification/events';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import type { Db, Tx } from '../db/prisma';
import type { DataRequest } from '../generated/prisma/client';
import { toRequestModel, type RequestModel } from './data-request.service';
import { officerHoldsRole } from './officers';

export interface TransitionInput {
  /** The text that goes with the action: instruction, note, reason or arahan (see the action's TextRule). */
  instruction?: string | null;
  note?: string | null;
  reason?: string | null;
  arahan?: string | null;
  expectedVersion?: number | null;
  /** A disposition addressed to one officer holding the receiving role (acting Plt/Plh included). */
  toUserId?: string | null;
  /** KEPALA_RETURN: back to the Sekretaris (REPORT_AT_SEKRETARIS) or to the Kasubbag (ANALYSING). */
  to?: RequestStatus | null;
  /** CLOSE_COLLECTION: the Bidang that did not submit. */
  waivedBidangIds?: string[] | null;
}

/** Outgoing notifications: jobs written inside the transaction, the job runner nudged after the commit. */
export interface RequestEvents extends EventSink {
  enqueueReportFinal(tx: Tx, requestId: string, now: Date): Promise<number>;
}

/** The field that carries an action's text, for a refusal naming it. */
const TEXT_FIELD: Record<TextRule['kind'], { field: string; id: string; en: string }> = {
  INSTRUCTION: { field: 'instruction', id: 'Isi disposisi', en: 'The instruction' },
  NOTE: { field: 'note', id: 'Catatan', en: 'The note' },
  REASON: { field: 'reason', id: 'Alasan', en: 'The reason' },
  ARAHAN: { field: 'arahan', id: 'Arahan', en: 'The arahan (direction)' },
};

function textOf(input: TransitionInput): string | null {
  return input.instruction ?? input.reason ?? input.arahan ?? input.note ?? null;
}

export interface OfferedActionModel {
  action: RequestAction;
  label: string;
  labelEn: string;
  blockedReason: TransitionRefusal | null;
  blockedMessage: string | null;
  blockedMessageEn: string | null;
  textKind: TextRule['kind'];
  textRequired: boolean;
  textMin: number;
  textMax: number;
  receiverRole: Role | null;
  namedReceiver: boolean;
  targets: RequestStatus[];
}

export class TransitionService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly events?: RequestEvents,
  ) {}

  /**
   * Takes one action on a request. One transaction: the compare-and-set on `version` (which also
   * row-locks the request, so two simultaneous clicks give one success and one CONFLICT), the
   * action's effects (packages/sop `TransitionEffects`), the closing of the current round of the
   * step, the opening of the next step's round with its due time in working time, the
   * disposition, the notifications and the audit row.
   */
  async transition(actor: Actor, requestId: string, action: RequestAction, input: TransitionInput, now = new Date()) {
    const cal = await this.calendars.forOffice(actor.officeId);
    const result = await this.db.$transaction(async (tx) => {
      const r = await findOr404(tx.dataRequest.findUnique({ where: { id: requestId } }));
      assertSameOffice(actor, r.officeId);
      if (input.expectedVersion != null && input.expectedVersion !== r.version) fail('CONFLICT');

      const text = textOf(input);
      const ctx: RequestGuardContext = {
        ...(await this.guardContext(tx, r.id, action)),
        text,
        ...(action === 'CLOSE_COLLECTION' ? { waivedBidangIds: input.waivedBidangIds ?? [] } : {}),
        ...(input.to ? { to: input.to } : {}),
      };
      const check = checkRequestTransition(r.status, action, actor.roles, ctx);
      if (!check.ok) refuse(check.reason, r, action);
      const t = (check as Extract<typeof check, { ok: true }>).transition;
      const actingRole = actingRoleFor(t, actor.roles) ?? fail('FORBIDDEN');
      const effects = t.effects;

      // A named receiving officer: only where the sender may name one, and only a holder of the role.
      const toUserId = input.toUserId ?? null;
      if (toUserId) {
        if (!effects.namedReceiver || !effects.handoverTo) {
          fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('toUserId', { id: 'Tindakan ini tidak ditujukan kepada pejabat tertentu.', en: 'This action is not addressed to a named officer.' })] });
        }
        if (!(await officerHoldsRole(tx, r.officeId, toUserId, effects.handoverTo, now))) {
          fail('OFFICER_NOT_IN_ROLE', officerNotInRole(effects.handoverTo), { fields: [fieldProblem('toUserId', officerNotInRole(effects.handoverTo))] });
        }
      }

      // The step the target status belongs to: the next one, or step 6/7 again after a return.
      const nextStep = stepOfStatus(t.to);
      const next = nextStep ? { step: nextStep, dueAt: addWorkingTime(cal, now, getStep(nextStep).standardTime) } : null;
      const trimmed = text?.trim() || null;

      const cas = await tx.dataRequest.updateMany({
        where: { id: r.id, version: r.version },
        data: {
          status: t.to,
          currentStep: next?.step ?? (t.to === 'CANCELLED' ? r.currentStep : 7),
          stepStartedAt: now,
          dueAt: next?.dueAt ?? null,
          version: { increment: 1 },
          ...(t.to === 'DONE' ? { completedAt: now, acknowledgedAt: now, arahan: trimmed } : {}),
          ...(t.to === 'CANCELLED' ? { cancelledAt: now, cancelledById: actor.userId, cancelReason: trimmed } : {}),
        },
      });
      if (cas.count !== 1) fail('CONFLICT');

      // Close the open round of the step this action completes (or every open step, on a cancel).
      const stepNote = trimmed;
      if (t.step !== null) {
        await tx.requestStep.updateMany({
          where: { requestId: r.id, step: t.step, completedAt: null },
          data: { completedAt: now, completedById: actor.userId, action, note: stepNote },
        });
      }
      if (effects.closesOpenSteps) {
        await tx.requestStep.updateMany({
          where: { requestId: r.id, completedAt: null },
          data: { completedAt: now, completedById: actor.userId, action, note: stepNote },
        });
      }
      if (next) {
        // A step reached again (after a return) opens a new round; round 1's timings stay.
        const last = await tx.requestStep.findFirst({ where: { requestId: r.id, step: next.step }, orderBy: { round: 'desc' }, select: { round: true } });
        await tx.requestStep.create({ data: { requestId: r.id, step: next.step, round: (last?.round ?? 0) + 1, startedAt: now, dueAt: next.dueAt } });
      }

      if (effects.handoverTo) {
        await tx.disposition.create({
          data: {
            requestId: r.id,
            step: dispositionStep(t),
            fromUserId: actor.userId,
            fromRole: actingRole,
            toRole: effects.handoverTo,
            toUserId,
            // The Kepala's arahan is the request's own record (printed in its section); his row says he received it.
            instruction: (effects.text.kind === 'ARAHAN' ? null : trimmed) || effects.defaultInstruction?.id || 'Untuk ditindaklanjuti.',
            mark: effects.mark,
          },
        });
      }
      if (effects.opensSubmissions) {
        await this.openSubmissions(tx, r);
        await freezeTargets(tx, r, now);
      }
      let waived: string[] = [];
      if (effects.waivesSubmissions) waived = await this.waive(tx, r.id, input.waivedBidangIds ?? [], actor, trimmed ?? '', now);
      if (effects.freezesAnalysis) {
        // The guard above made sure there is one (hasAnalysis).
        const latest = await tx.performanceAnalysis.findFirst({ where: { requestId: r.id }, orderBy: { version: 'desc' } }) ?? fail('ANALYSIS_MISSING');
        await tx.performanceAnalysis.update({ where: { id: latest.id }, data: { status: 'SUBMITTED', submittedAt: latest.submittedAt ?? now } });
      }
      // The report is final (the Kepala signed): webhook deliveries commit or roll back with it.
      if (effects.final && this.events) await this.events.enqueueReportFinal(tx, r.id, now);
      // Notifications of this move, and the reminders of the step it opens (notification/).
      await this.events?.emit(tx, {
        kind: 'request.moved', request: r, action,
        completedStep: t.step ?? (effects.closesOpenSteps ? stepOfStatus(r.status) : null),
        nextStep, dueAt: next?.dueAt ?? null, calendar: cal, at: now, actorId: actor.userId,
        instruction: trimmed, toUserId, toRole: effects.handoverTo, fromRole: actingRole,
      });
      const after = await tx.dataRequest.findUniqueOrThrow({ where: { id: r.id } });
      await audit(tx, actor, {
        action: `request.${action.toLowerCase()}`,
        entityType: 'DataRequest',
        entityId: r.id,
        // Enough for a readable history (old → new): the step, its due time, who it went to.
        before: requestAuditState(r),
        after: {
          ...requestAuditState(after), actingRole, toRole: effects.handoverTo ?? null, note: trimmed ?? null,
          ...(toUserId ? { toUserId } : {}), ...(waived.length ? { waivedBidangIds: waived } : {}),
        },
      });
      return toRequestModel(after);
    });
    // Sent only after the commit: a rolled-back step never notifies anyone.
    this.events?.afterCommit();
    return result;
  }

  /**
   * The Kepala Dinas signs for the report (AT_KEPALA → DONE), with his arahan if any. Repeating it
   * on a request he already signed returns the request unchanged (a double tap, a retried call).
   */
  async acknowledge(actor: Actor, requestId: string, input: { arahan?: string | null; expectedVersion?: number | null }, now = new Date()) {
    const r = await findOr404(this.db.dataRequest.findUnique({ where: { id: requestId } }));
    assertSameOffice(actor, r.officeId);
    if (r.status === 'DONE' && r.acknowledgedAt && actor.roles.includes('KEPALA_DINAS')) return toRequestModel(r);
    return this.transition(actor, requestId, 'ACKNOWLEDGE', input, now);
  }

  private async guardContext(tx: Tx, requestId: string, action: RequestAction): Promise<RequestGuardContext> {
    if (action === 'FORWARD_COLLECTION' || action === 'CLOSE_COLLECTION') {
      const submissions = await tx.bidangSubmission.findMany({ where: { requestId }, select: { status: true, bidangId: true } });
      return { submissions: submissions as { status: SubmissionStatus; bidangId: string }[] };
    }
    if (action === 'SUBMIT_REPORT') {
      return { hasAnalysis: (await tx.performanceAnalysis.count({ where: { requestId } })) > 0 };
    }
    return {};
  }

  /**
   * Step 3: the format goes to the Bidang the request is asked of (DataRequestBidang), each gets
   * its submission. A chosen Bidang deactivated since is dropped from the choice here (in the
   * step's audit row), so the choice and the submissions stay one set.
   */
  private async openSubmissions(tx: Tx, r: DataRequest) {
    const chosen = await tx.dataRequestBidang.findMany({ where: { requestId: r.id }, include: { bidang: { select: { id: true, active: true } } } });
    const bidang = chosen.map((c) => c.bidang).filter((b) => b.active);
    if (bidang.length === 0) fail('VALIDATION_FAILED', { id: 'Belum ada Bidang aktif yang dipilih untuk permintaan ini.', en: 'No active Bidang is chosen for this request.' });
    const dropped = chosen.filter((c) => !c.bidang.active).map((c) => c.bidangId);
    if (dropped.length) await tx.dataRequestBidang.deleteMany({ where: { requestId: r.id, bidangId: { in: dropped } } });
    await tx.bidangSubmission.createMany({
      data: bidang.map((b) => ({ requestId: r.id, bidangId: b.id })),
      skipDuplicates: true,
    });
  }

  /** Collection closed without the named Bidang: their submissions become WAIVED (read-only, "tidak menyerahkan"). */
  private async waive(tx: Tx, requestId: string, bidangIds: string[], actor: Actor, note: string, now: Date): Promise<string[]> {
    const ids = [...new Set(bidangIds)];
    const subs = await tx.bidangSubmission.findMany({ where: { requestId, bidangId: { in: ids } }, select: { id: true, status: true, version: true, bidangId: true } });
    for (const s of subs) {
      await tx.bidangSubmission.update({
        where: { id: s.id },
        data: { status: 'WAIVED', waivedAt: now, waivedById: actor.userId, waiverNote: note, version: { increment: 1 } },
      });
      await audit(tx, actor, { action: 'submission.waived', entityType: 'BidangSubmission', entityId: s.id, before: { status: s.status, version: s.version }, after: { status: 'WAIVED', version: s.version + 1, note } });
    }
    return ids;
  }

  /**
   * What the actor may do on this request now, from the capability table: each action his roles
   * allow from this status, with the reason the data refuses it (e.g. SUBMISSIONS_INCOMPLETE),
   * the text it takes, and who receives it.
   */
  async availableActions(actor: Actor, r: RequestModel): Promise<OfferedActionModel[]> {
    const submissionsNeeded = r.status === 'COLLECTING';
    const ctx: RequestGuardContext = {
      ...(submissionsNeeded ? { submissions: (await this.db.bidangSubmission.findMany({ where: { requestId: r.id }, select: { status: true, bidangId: true } })) as { status: SubmissionStatus; bidangId: string }[] } : {}),
      ...(r.status === 'ANALYSING' ? { hasAnalysis: (await this.db.performanceAnalysis.count({ where: { requestId: r.id } })) > 0 } : {}),
    };
    return requestCapabilities(r.status, actor.roles, ctx).map(({ action, blockedReason }) => {
      const rows = transitionsFrom(r.status, action);
      const first = rows[0]!;
      const label = requestActionLabel(action, actingRoleFor(first, actor.roles));
      const blocked = blockedReason ? BLOCKED_REASON_LABELS[blockedReason] : null;
      return {
        action,
        label: label.id,
        labelEn: label.en,
        blockedReason,
        blockedMessage: blocked?.id ?? null,
        blockedMessageEn: blocked?.en ?? null,
        textKind: first.effects.text.kind,
        textRequired: first.effects.text.required,
        textMin: first.effects.text.min,
        textMax: first.effects.text.max,
        receiverRole: first.effects.handoverTo,
        namedReceiver: first.effects.namedReceiver,
        targets: rows.map((x) => x.to),
      };
    });
  }
}

function transitionsFrom(status: RequestStatus, action: RequestAction): RequestTransition[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === status && t.action === action);
}

const officerNotInRole = (role: Role): Bilingual => ({
  id: `Pejabat yang dipilih (toUserId) tidak memegang jabatan ${ROLE_ID[role]} saat ini, termasuk sebagai Plt/Plh. Pilih pemegang jabatan itu.`,
  en: `The chosen officer (toUserId) does not hold the role ${role} now, nor as Plt/Plh. Choose a holder of that role.`,
});
const ROLE_ID = Object.fromEntries(Object.entries(ROLE_LABELS).map(([k, v]) => [k, v.id])) as Record<Role, string>;

/** A refusal of the state machine as the API's error, naming the field where one is concerned. */
function refuse(reason: TransitionRefusal, r: DataRequest, action: RequestAction): never {
  switch (reason) {
    case 'UNKNOWN_ACTION':
      fail('BAD_REQUEST');
    case 'WRONG_STATE': {
      const label = REQUEST_STATUS_LABELS[r.status];
      if (r.status === 'DONE' || r.status === 'CANCELLED') {
        fail('WRONG_STEP', { id: `Permintaan ini sudah berakhir (${label.id}); tidak ada tindakan lagi.`, en: `This request has ended (${label.en}); no further action.` });
      }
      const where = stepOfStatus(r.status) ? `langkah ${r.currentStep} (${label.id})` : label.id;
      const whereEn = stepOfStatus(r.status) ? `step ${r.currentStep} (${label.en})` : label.en;
      fail('WRONG_STEP', { id: `Permintaan ini sedang di ${where}; tindakan ini tidak dapat dilakukan sekarang.`, en: `This request is at ${whereEn}; this action cannot be taken now.` });
    }
    case 'ROLE_NOT_ALLOWED':
      fail('FORBIDDEN');
    case 'SUBMISSIONS_INCOMPLETE':
      fail('SUBMISSIONS_INCOMPLETE', action === 'CLOSE_COLLECTION'
        ? { id: 'Bidang yang tidak dipilih harus sudah diterima datanya. Periksa kiriman yang menunggu, atau pilih Bidang yang tidak menyerahkan.', en: 'Every Bidang not chosen must have its data accepted. Review the waiting submissions, or choose the Bidang that did not submit.' }
        : undefined);
    case 'ANALYSIS_MISSING':
      fail('ANALYSIS_MISSING');
    case 'NOTHING_TO_WAIVE':
    case 'WAIVER_NOT_ALLOWED':
    case 'NOTHING_ACCEPTED':
      fail('VALIDATION_FAILED', BLOCKED_REASON_LABELS[reason], { fields: [fieldProblem('waivedBidangIds', BLOCKED_REASON_LABELS[reason])] });
    case 'TEXT_REQUIRED':
    case 'TEXT_TOO_LONG': {
      const rule = REQUEST_TRANSITIONS.find((t) => t.action === action)!.effects.text;
      const f = TEXT_FIELD[rule.kind];
      const text: Bilingual = reason === 'TEXT_TOO_LONG'
        ? { id: `${f.id} maksimal ${rule.max} karakter.`, en: `${f.en} may have at most ${rule.max} characters.` }
        : { id: `${f.id} wajib diisi (${rule.min}–${rule.max} karakter).`, en: `${f.en} is required (${rule.min}–${rule.max} characters).` };
      fail('VALIDATION_FAILED', text, { fields: [fieldProblem(f.field, text)] });
    }
  }
}
