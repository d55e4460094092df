/**
 * Data requests: the Sekretaris's registration of an incoming letter (step 0) and the reads of a
 * request (one, a page, its dispositions and indicators). The steps that follow are the
 * transition engine (transition.service.ts); the timeline and the completeness per Bidang have
 * their own services beside this one; the inbox is its own feature (inbox/).
 */
import { addWorkingTime, getStep, isRequestOverdue, periodLabel, periodOf, REQUEST_STATUS_LABELS, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import type { IndicatorService } from '../indicator/indicator.service';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { EventSink } from '../notification/events';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { dateOnly } from '../common/format';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { DataRequest, Prisma } from '../generated/prisma/client';
import type { DataRequestFilter, RegisterDataRequestInput } from './data-request.input';
import { MAX_PAGE_SIZE } from './data-request.input';
import { REQUEST_BY_ID } from './data-request.sql';
import { activeBidangOf, assertDeadlineAfterLetter } from '../request-asks/asks.service';
import { roleHolders } from './officers';
import { extend } from '../common/objects';

export function toRequestModel(r: DataRequest) {
  return extend(r, {
    letterDate: dateOnly(r.letterDate),
    period: {
      year: r.year,
      triwulan: r.triwulan,
      label: periodLabel(periodOf(r.year, r.triwulan)),
    },
    statusLabel: REQUEST_STATUS_LABELS[r.status].id,
    statusLabelEn: REQUEST_STATUS_LABELS[r.status].en,
  });
}
export type RequestModel = ReturnType<typeof toRequestModel>;

/** The current step is past its due time: packages/sop's one rule (never at the Kepala's desk, DONE or CANCELLED). */
export function isOverdue(r: Pick<DataRequest, 'status' | 'dueAt'>, now: Date): boolean {
  return isRequestOverdue(r, now);
}

export class DataRequestService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly indicatorList: Pick<IndicatorService, 'listIndicators' | 'adHocIndicators'>,
    private readonly events?: EventSink,
  ) {
    this.sql = sqlOf(db);
  }

  async get(actor: Actor, id: string): Promise<RequestModel> {
    const r = await this.sql.one(REQUEST_BY_ID, [id]);
    if (!r) fail('NOT_FOUND');
    assertSameOffice(actor, r.officeId);
    return toRequestModel(r);
  }

  /** Every disposition of the request, oldest first, each with the person who gave it (`from`) and the named receiver (`to`). */
  async dispositions(requestId: string) {
    const rows = await this.db.disposition.findMany({ where: { requestId }, orderBy: { createdAt: 'asc' } });
    const ids = [...new Set(rows.flatMap((d) => (d.toUserId ? [d.fromUserId, d.toUserId] : [d.fromUserId])))];
    const users = new Map((await this.db.user.findMany({ where: { id: { in: ids } } })).map((u) => [u.id, u]));
    return rows.map((d) => extend(d, { from: users.get(d.fromUserId), to: d.toUserId ? users.get(d.toUserId) ?? null : null }));
  }

  /** Who may receive a disposition addressed to `role` now: holders first, then Plt/Plh. */
  async officers(actor: Actor, role: Role, now = new Date()) {
    return roleHolders(this.db, actor.officeId, role, now);
  }

  /**
   * The indicators the request asks for, of the Bidang it is asked of: master indicators as the
   * office's list of active indicators shows them, then its own ad-hoc ones (`adHoc: true`);
   * targets of the request's year.
   */
  async indicators(actor: Actor, r: RequestModel) {
    const [master, adHoc, asked, chosen] = await Promise.all([
      this.indicatorList.listIndicators(actor, r.year),
      this.indicatorList.adHocIndicators(actor, r.id),
      this.db.dataRequestIndicator.findMany({ where: { requestId: r.id } }),
      this.db.dataRequestBidang.findMany({ where: { requestId: r.id } }),
    ]);
    const ids = new Set(asked.map((x) => x.indicatorId));
    const bidang = new Set(chosen.map((x) => x.bidangId));
    return [...master, ...adHoc].filter((i) => ids.has(i.id) && bidang.has(i.bidangId));
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
      // Master indicators only: another request's ad-hoc indicators are never asked again.
      const indicators = await tx.indicator.findMany({
        where: { officeId: actor.officeId, active: true, adHocRequestId: null, ...(indicatorIds.length ? { id: { in: indicatorIds } } : {}) },
        select: { id: true },
      });
      if (indicatorIds.length && indicators.length !== indicatorIds.length) {
        fail('VALIDATION_FAILED', { id: 'Sebagian indikator yang diminta tidak ditemukan di Dinas ini.', en: 'Some of the requested indicators are not found in this office.' }, {
          fields: [fieldProblem('indicatorIds', { id: 'Indikator tidak dikenal atau tidak aktif', en: 'Unknown or inactive indicator' })],
        });
      }
      // The Bidang it goes to: the ones chosen, or every active Bidang of the office.
      const bidang = input.bidangIds
        ? await activeBidangOf(tx, actor.officeId, input.bidangIds, 'bidangIds')
        : await tx.bidang.findMany({ where: { officeId: actor.officeId, active: true }, select: { id: true } });
      if (input.requesterDeadline) assertDeadlineAfterLetter(input.requesterDeadline, input.letterDate);
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
          requesterDeadline: input.requesterDeadline ?? null,
          indicators: { create: indicators.map((i) => ({ indicatorId: i.id })) },
          bidang: { create: bidang.map((b) => ({ bidangId: b.id })) },
          steps: { create: { step: 1, startedAt: now, dueAt } },
        },
      }).catch((e: unknown) => {
        // Two simultaneous registrations of one letter: the unique index decides, not an internal error.
        if ((e as { code?: string })?.code === 'P2002') fail('DUPLICATE', duplicateLetter(input.letterNumber));
        throw e;
      });
      await audit(tx, actor, { action: 'request.registered', entityType: 'DataRequest', entityId: r.id, after: extend(r, { bidangIds: bidang.map((b) => b.id) }) });
      // Notifications: step 1's reminders and escalation are scheduled now (notification/).
      await this.events?.emit(tx, { kind: 'request.moved', request: r, action: null, completedStep: null, nextStep: 1, dueAt, calendar: cal, at: now, actorId: actor.userId });
      return toRequestModel(r);
    }).finally(() => this.events?.afterCommit());
  }

  /** The people named on several requests (who cancelled them), by id, in one read. */
  async usersById(ids: readonly string[]) {
    const users = await this.db.user.findMany({ where: { id: { in: [...ids] } } });
    return new Map(users.map((u) => [u.id, u]));
  }

  async overdue(r: RequestModel, now = new Date()): Promise<boolean> {
    return isOverdue(r, now);
  }
}

const duplicateLetter = (letterNumber: string): Bilingual => ({
  id: `Surat nomor ${letterNumber.trim()} sudah terdaftar.`,
  en: `Letter number ${letterNumber.trim()} is already registered.`,
});
