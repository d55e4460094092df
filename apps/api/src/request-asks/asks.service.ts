/**
 * What a request asks, and of whom (issue 11): the Bidang it goes to (DataRequestBidang), the
 * ad-hoc indicators it adds for one request (Indicator.adHocRequestId), and the requester's own
 * deadline with the warning when the SOP's remaining standard times would miss it. Which status
 * allows which change, and for whom, is packages/sop asks.ts.
 */
import {
  REQUEST_ASK_ROLES,
  REQUEST_STATUS_LABELS,
  requesterDeadlineEditable,
  requestShapeEditable,
  scheduleWarning,
  type RequestAskAction,
  YEAR_TARGET,
} from '@sipedaki/sop';
import { hasAnyRole, type Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import { isUuid, toNumber } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { DataRequest } from '../generated/prisma/client';
import { formatMoment } from '../notification/templates';
import { toRequestModel, type RequestModel } from '../data-request/data-request.service';
import type { AddAdHocIndicatorInput, RemoveAdHocIndicatorInput, SetRequestBidangInput, SetRequesterDeadlineInput } from './asks.input';

/** The Sasaran under which ad-hoc indicators are grouped in the recap (they belong to no Renstra goal). */
/** Codes of ad-hoc indicators: KHUSUS-<n>-<Bidang code>, n counting the office's ad-hoc questions. */
const AD_HOC_CODE = /^KHUSUS-(\d+)-/;

const SHAPE_CLOSED = (r: Pick<DataRequest, 'status' | 'currentStep'>): Bilingual => ({
  id: `Bidang dan indikator khusus hanya dapat diubah sebelum format dikirim (langkah 3); permintaan ini sedang di langkah ${r.currentStep} (${REQUEST_STATUS_LABELS[r.status].id}).`,
  en: `The Bidang and ad-hoc indicators can only change before the format is sent (step 3); this request is at step ${r.currentStep} (${REQUEST_STATUS_LABELS[r.status].en}).`,
});
const DEADLINE_CLOSED: Bilingual = {
  id: 'Batas waktu dari pengirim tidak dapat diubah lagi: permintaan ini sudah selesai.',
  en: 'The requester’s deadline can no longer change: this request is finished.',
};

/** Where a choice of Bidang is checked: each must be an active Bidang of the actor's office. */
export async function activeBidangOf(tx: Db | Tx, officeId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  const rows = await tx.bidang.findMany({ where: { officeId, active: true, id: { in: unique.filter(isUuid) } }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  const found = new Set(rows.map((b) => b.id));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length) {
    fail('VALIDATION_FAILED', { id: 'Sebagian Bidang tidak ditemukan atau tidak aktif di Dinas ini.', en: 'Some Bidang are not found or not active in this office.' }, {
      fields: unknown.map((id) => fieldProblem(`${field}.${id}`, UNKNOWN_BIDANG)),
    });
  }
  return rows;
}

export class RequestAsksService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
  ) {}

  /** The Bidang the request is asked of, in the office's order. */
  async bidangOf(requestId: string) {
    return (await this.bidangOfMany([requestId])).get(requestId) ?? [];
  }

  /** The Bidang of several requests at once (a list's page, common/loaders.ts), by request id. */
  async bidangOfMany(requestIds: readonly string[]) {
    const rows = await this.db.dataRequestBidang.findMany({ where: { requestId: { in: [...requestIds] } }, include: { bidang: true } });
    const byRequest = new Map(requestIds.map((id) => [id, [] as (typeof rows)[number]['bidang'][]]));
    for (const r of rows) byRequest.get(r.requestId)?.push(r.bidang);
    for (const list of byRequest.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
    return byRequest;
  }

  /** Whether this actor may change the request's Bidang and ad-hoc indicators now. */
  shapeEditable(actor: Actor, r: Pick<RequestModel, 'status'>): boolean {
    return hasAnyRole(actor, REQUEST_ASK_ROLES.SET_REQUEST_BIDANG) && requestShapeEditable(r.status);
  }

  /** Whether this actor may change the requester's deadline now. */
  deadlineEditable(actor: Actor, r: Pick<RequestModel, 'status'>): boolean {
    return hasAnyRole(actor, REQUEST_ASK_ROLES.SET_REQUESTER_DEADLINE) && requesterDeadlineEditable(r.status);
  }

  /** The warning when the SOP's remaining standard times (working time, from now) end after the requester's deadline. */
  async scheduleWarning(r: Pick<RequestModel, 'officeId' | 'status' | 'dueAt' | 'requesterDeadline'>, now = new Date()) {
    if (!r.requesterDeadline) return null;
    const cal = await this.calendars.forOffice(r.officeId);
    const w = scheduleWarning(cal, r, now);
    if (!w) return null;
    const at = (d: Date, lang: 'id' | 'en') => formatMoment(d.toISOString(), cal.utcOffsetMinutes, lang);
    return {
      ...w,
      message: w.deadlinePassed
        ? `Batas waktu dari pengirim (${at(w.requesterDeadline, 'id')}) sudah lewat; menurut waktu baku SOP permintaan ini selesai ${at(w.projectedEndAt, 'id')}.`
        : `Menurut waktu baku SOP permintaan ini baru selesai ${at(w.projectedEndAt, 'id')}, setelah batas waktu dari pengirim (${at(w.requesterDeadline, 'id')}).`,
      messageEn: w.deadlinePassed
        ? `The requester’s deadline (${at(w.requesterDeadline, 'en')}) has passed; by the SOP’s standard times this request ends ${at(w.projectedEndAt, 'en')}.`
        : `By the SOP’s standard times this request ends ${at(w.projectedEndAt, 'en')}, after the requester’s deadline (${at(w.requesterDeadline, 'en')}).`,
    };
  }

  /** Which Bidang the request goes to; until the format is sent. Removing a Bidang that still has ad-hoc indicators is refused. */
  async setBidang(actor: Actor, input: SetRequestBidangInput) {
    return this.change(actor, input.requestId, input.expectedVersion, 'SET_REQUEST_BIDANG', async (tx, r) => {
      const chosen = await activeBidangOf(tx, r.officeId, input.bidangIds, 'bidangIds');
      const before = (await tx.dataRequestBidang.findMany({ where: { requestId: r.id } })).map((x) => x.bidangId);
      const keep = new Set(chosen.map((b) => b.id));
      const dropped = before.filter((id) => !keep.has(id));
      const orphans = await tx.indicator.findMany({ where: { adHocRequestId: r.id, bidangId: { in: dropped } }, include: { bidang: true } });
      if (orphans.length) {
        fail('VALIDATION_FAILED', { id: 'Bidang yang masih ditanya indikator khusus tidak dapat dikeluarkan; hapus dulu indikator khususnya.', en: 'A Bidang that is still asked an ad-hoc indicator cannot be removed; remove the ad-hoc indicator first.' }, {
          fields: orphans.map((i) => fieldProblem(`bidangIds.${i.bidangId}`, {
            id: `${i.bidang.name} masih ditanya indikator khusus "${i.name}"`,
            en: `${i.bidang.name} is still asked the ad-hoc indicator "${i.name}"`,
          })),
        });
      }
      await tx.dataRequestBidang.deleteMany({ where: { requestId: r.id, bidangId: { in: dropped } } });
      await tx.dataRequestBidang.createMany({ data: chosen.map((b) => ({ requestId: r.id, bidangId: b.id })), skipDuplicates: true });
      return { action: 'request.bidang_set', before: { bidangIds: before }, after: { bidangIds: chosen.map((b) => b.id) } };
    });
  }

  /**
   * An indicator for this request only, asked of one or more of its Bidang: one Indicator row per
   * Bidang (each Bidang answers its own), with the target for the request's period, or none.
   */
  async addAdHoc(actor: Actor, input: AddAdHocIndicatorInput) {
    const target = input.target ?? null;
    const targetUpper = input.targetUpper ?? null;
    if (target === null && targetUpper !== null) {
      fail('VALIDATION_FAILED', { id: 'Batas atas hanya berlaku bersama target.', en: 'An upper bound needs a target.' }, { fields: [fieldProblem('targetUpper', { id: 'Isi target atau kosongkan batas atas', en: 'Give a target or leave the upper bound empty' })] });
    }
    if (target !== null && input.polarity === 'RANGE' && (targetUpper === null || targetUpper < target)) {
      fail('VALIDATION_FAILED', { id: 'Indikator rentang memerlukan batas atas ≥ batas bawah.', en: 'A range indicator needs an upper bound ≥ the lower bound.' }, { fields: [fieldProblem('targetUpper', { id: 'Batas atas wajib dan ≥ target', en: 'An upper bound is required and ≥ target' })] });
    }
    if (input.polarity !== 'RANGE' && targetUpper !== null) {
      fail('VALIDATION_FAILED', { id: 'Batas atas hanya untuk indikator rentang.', en: 'An upper bound is only for range indicators.' }, { fields: [fieldProblem('targetUpper', { id: 'Kosongkan batas atas', en: 'Leave the upper bound empty' })] });
    }
    return this.change(actor, input.requestId, input.expectedVersion, 'ADD_AD_HOC_INDICATOR', async (tx, r) => {
      const chosen = new Set((await tx.dataRequestBidang.findMany({ where: { requestId: r.id } })).map((x) => x.bidangId));
      const asked = await activeBidangOf(tx, r.officeId, input.bidangIds, 'bidangIds');
      const outside = asked.filter((b) => !chosen.has(b.id));
      if (outside.length) {
        fail('VALIDATION_FAILED', { id: 'Indikator khusus hanya dapat ditanyakan kepada Bidang permintaan ini.', en: 'An ad-hoc indicator can only be asked of this request’s Bidang.' }, {
          fields: outside.map((b) => fieldProblem(`bidangIds.${b.id}`, { id: `${b.name} tidak termasuk Bidang permintaan ini`, en: `${b.name} is not one of this request’s Bidang` })),
        });
      }
      const name = input.name.trim();
      const same = await tx.indicator.findMany({ where: { adHocRequestId: r.id, bidangId: { in: asked.map((b) => b.id) } }, include: { bidang: true } });
      const twice = same.filter((i) => i.name.toLocaleLowerCase('id') === name.toLocaleLowerCase('id'));
      if (twice.length) {
        fail('DUPLICATE', { id: `Indikator khusus "${name}" sudah ditanyakan kepada ${twice.map((i) => i.bidang.name).join(', ')}.`, en: `The ad-hoc indicator "${name}" is already asked of ${twice.map((i) => i.bidang.name).join(', ')}.` });
      }
      // The office-wide number of the question; the request's row lock does not cover other
      // requests, so two simultaneous additions elsewhere may collide on the code: CONFLICT.
      const codes = await tx.indicator.findMany({ where: { officeId: r.officeId, adHocRequestId: { not: null } }, select: { code: true } });
      const n = 1 + Math.max(0, ...codes.map((c) => Number(AD_HOC_CODE.exec(c.code)?.[1] ?? 0)));
      const created = [];
      for (const b of asked) {
        const row = await tx.indicator.create({
          data: {
            officeId: r.officeId,
            bidangId: b.id,
            adHocRequestId: r.id,
            code: `KHUSUS-${n}-${b.code}`.slice(0, 60),
            name,
            satuan: input.satuan.trim(),
            polarity: input.polarity,
            ...(target !== null ? { targets: { create: { year: r.year, triwulan: r.triwulan ?? YEAR_TARGET, target, targetUpper } } } : {}),
            requested: { create: { requestId: r.id } },
          },
        }).catch((e: unknown) => {
          if ((e as { code?: string })?.code === 'P2002') fail('CONFLICT');
          throw e;
        });
        created.push(row);
      }
      return {
        action: 'request.ad_hoc_indicator_added',
        before: null,
        after: { indicators: created.map((i) => ({ id: i.id, code: i.code, bidangId: i.bidangId })), name, satuan: input.satuan.trim(), polarity: input.polarity, target, targetUpper },
      };
    });
  }

  /** Removes one Bidang's row of an ad-hoc indicator (nothing was answered yet: the format is not sent). */
  async removeAdHoc(actor: Actor, input: RemoveAdHocIndicatorInput) {
    return this.change(actor, input.requestId, input.expectedVersion, 'REMOVE_AD_HOC_INDICATOR', async (tx, r) => {
      const i = await tx.indicator.findFirst({ where: { id: input.indicatorId, adHocRequestId: r.id }, include: { targets: true } });
      if (!i) fail('NOT_FOUND', { id: 'Indikator khusus ini tidak ada pada permintaan ini.', en: 'This ad-hoc indicator is not part of this request.' });
      await tx.dataRequestIndicator.deleteMany({ where: { indicatorId: i.id } });
      await tx.indicatorTarget.deleteMany({ where: { indicatorId: i.id } });
      await tx.indicator.delete({ where: { id: i.id } });
      const { targets, ...row } = i;
      return { action: 'request.ad_hoc_indicator_removed', before: { ...row, targets: targets.map((t) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target), targetUpper: toNumber(t.targetUpper) })) }, after: null };
    });
  }

  /** The requester's deadline (batas waktu dari pengirim); null removes it. Until the request is done. */
  async setDeadline(actor: Actor, input: SetRequesterDeadlineInput) {
    return this.change(actor, input.requestId, input.expectedVersion, 'SET_REQUESTER_DEADLINE', async (tx, r) => {
      const deadline = input.requesterDeadline ?? null;
      if (deadline) assertDeadlineAfterLetter(deadline, r.letterDate);
      await tx.dataRequest.update({ where: { id: r.id }, data: { requesterDeadline: deadline } });
      return { action: 'request.requester_deadline_set', before: { requesterDeadline: r.requesterDeadline }, after: { requesterDeadline: deadline } };
    });
  }

  /**
   * One change of the request's shape: the request's row lock (so it never crosses a transition
   * such as step 3's sending of the format), the version the client saw, the role and the status
   * rules of packages/sop, the change, the version bump and the audit row, in one transaction.
   */
  private async change(
    actor: Actor,
    requestId: string,
    expectedVersion: number | null | undefined,
    action: RequestAskAction,
    apply: (tx: Tx, r: DataRequest) => Promise<{ action: string; before: unknown; after: unknown }>,
  ): Promise<RequestModel> {
    if (!hasAnyRole(actor, REQUEST_ASK_ROLES[action])) fail('FORBIDDEN');
    return this.db.$transaction(async (tx) => {
      if (!isUuid(requestId)) fail('NOT_FOUND');
      await tx.$queryRaw`SELECT id FROM "DataRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
      const r = await findOr404(tx.dataRequest.findUnique({ where: { id: requestId } }));
      assertSameOffice(actor, r.officeId);
      if (expectedVersion != null && expectedVersion !== r.version) fail('CONFLICT');
      if (action === 'SET_REQUESTER_DEADLINE') {
        if (!requesterDeadlineEditable(r.status)) fail('WRONG_STEP', DEADLINE_CLOSED);
      } else if (!requestShapeEditable(r.status)) {
        fail('WRONG_STEP', SHAPE_CLOSED(r));
      }
      const change = await apply(tx, r);
      const after = await tx.dataRequest.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
      await audit(tx, actor, {
        action: change.action,
        entityType: 'DataRequest',
        entityId: r.id,
        before: { version: r.version, ...(change.before as object | null) },
        after: { version: after.version, ...(change.after as object | null) },
      });
      return toRequestModel(after);
    });
  }
}

/** A requester's deadline before the letter was even written is a typing error. */
export function assertDeadlineAfterLetter(deadline: Date, letterDate: Date | string) {
  const letter = typeof letterDate === 'string' ? new Date(`${letterDate}T00:00:00Z`) : letterDate;
  if (deadline.getTime() < letter.getTime()) {
    fail('VALIDATION_FAILED', { id: 'Batas waktu dari pengirim tidak boleh sebelum tanggal surat.', en: 'The requester’s deadline cannot be before the letter date.' }, {
      fields: [fieldProblem('requesterDeadline', { id: 'Harus pada atau setelah tanggal surat', en: 'Must be on or after the letter date' })],
    });
  }
}
