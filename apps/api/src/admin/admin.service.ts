import { BIDANG_ROLES, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import { dateOnly, toNumber } from '../common/format';
import type { Db } from '../db/prisma';
import type { IndicatorTarget } from '../generated/prisma/client';
import type { AssignActingInput, CreateBidangInput, UpdateBidangInput, UpsertIndicatorInput } from './admin.input';

const CHOOSE_BIDANG: Bilingual = { id: 'Pilih Bidang', en: 'Choose a Bidang' };
const BIDANG_NOT_HERE: Bilingual = { id: 'Bidang tidak ditemukan di Dinas ini.', en: 'The Bidang is not found in this office.' };

/** An indicator's target as the API shows it (numbers, not Prisma Decimals). */
const targetView = (t: IndicatorTarget) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target), targetUpper: toNumber(t.targetUpper) });

export class AdminService {
  constructor(private readonly db: Db) {}

  async listBidang(actor: Actor) {
    return this.db.bidang.findMany({ where: { officeId: actor.officeId }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  }

  /** The office's master list: never the indicators one request added for itself (ad-hoc). */
  async listIndicators(actor: Actor, year?: number | null, includeInactive = false) {
    const rows = await this.db.indicator.findMany({
      where: { officeId: actor.officeId, adHocRequestId: null, ...(includeInactive ? {} : { active: true }) },
      include: { targets: { where: year ? { year } : {}, orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } },
      orderBy: { code: 'asc' },
    });
    return rows.map((i) => ({
      ...i,
      targets: i.targets.map(targetView),
    }));
  }

  /** The ad-hoc indicators of one request (issue 11), with their targets. */
  async adHocIndicators(actor: Actor, requestId: string) {
    const rows = await this.db.indicator.findMany({
      where: { officeId: actor.officeId, adHocRequestId: requestId },
      include: { targets: { orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } },
      orderBy: { code: 'asc' },
    });
    return rows.map((i) => ({ ...i, targets: i.targets.map(targetView) }));
  }

  async assignActing(actor: Actor, input: AssignActingInput) {
    if (!(input.validUntil > input.validFrom)) {
      fail('VALIDATION_FAILED', { id: 'Akhir penugasan harus setelah awal penugasan.', en: 'The assignment must end after it starts.' }, {
        fields: [fieldProblem('validUntil', { id: 'Harus setelah validFrom', en: 'Must be after validFrom' })],
      });
    }
    if (BIDANG_ROLES.includes(input.role) && !input.bidangId) {
      fail('VALIDATION_FAILED', { id: 'Plt/Plh peran Bidang memerlukan Bidang.', en: 'An acting Bidang role needs a Bidang.' }, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
    }
    // Never to oneself: an administrator does not give himself the Kepala Dinas's (or any) powers.
    if (input.userId === actor.userId) fail('FORBIDDEN', { id: 'Anda tidak dapat menetapkan Plt/Plh untuk diri sendiri; penugasan ini harus dibuat oleh administrator lain.', en: 'You cannot make yourself Plt/Plh; another administrator must make this assignment.' });
    return this.db.$transaction(async (tx) => {
      const u = await findOr404(tx.user.findUnique({ where: { id: input.userId } }));
      assertSameOffice(actor, u.officeId);
      if (!u.active) fail('VALIDATION_FAILED', { id: 'Pengguna ini nonaktif.', en: 'This user is deactivated.' }, { fields: [fieldProblem('userId', { id: 'Pengguna nonaktif', en: 'Deactivated user' })] });
      if (input.bidangId) {
        const b = await tx.bidang.findUnique({ where: { id: input.bidangId } });
        assertSameOffice(actor, b?.officeId);
      }
      const a = await tx.actingAssignment.create({
        data: {
          userId: u.id,
          role: input.role,
          kind: input.kind,
          bidangId: input.bidangId ?? null,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          decreeNo: input.decreeNo?.trim() || null,
          grantedById: actor.userId,
        },
      });
      await audit(tx, actor, { action: 'acting.assigned', entityType: 'ActingAssignment', entityId: a.id, after: a });
      return a;
    });
  }

  /**
   * Ends a Plt/Plh assignment now, before its planned end (validUntil = now); one that has not
   * started yet is cancelled (validUntil = validFrom). The roles fall away on the holder's next
   * request. An assignment already over is VALIDATION_FAILED.
   */
  async endActing(actor: Actor, id: string, now = new Date()) {
    return this.db.$transaction(async (tx) => {
      const before = await findOr404(tx.actingAssignment.findUnique({ where: { id }, include: { user: { select: { officeId: true } } } }));
      assertSameOffice(actor, before.user.officeId);
      if (before.validUntil <= now) {
        fail('VALIDATION_FAILED', { id: 'Penugasan Plt/Plh ini sudah berakhir.', en: 'This Plt/Plh assignment has already ended.' }, { fields: [fieldProblem('id', { id: 'Penugasan sudah berakhir', en: 'Assignment already ended' })] });
      }
      const validUntil = before.validFrom > now ? before.validFrom : now;
      const { user: _user, ...row } = before;
      const after = await tx.actingAssignment.update({ where: { id }, data: { validUntil } });
      await audit(tx, actor, { action: 'acting.ended', entityType: 'ActingAssignment', entityId: id, before: row, after });
      return after;
    });
  }

  async listActing(actor: Actor) {
    return this.db.actingAssignment.findMany({ where: { user: { officeId: actor.officeId } }, orderBy: { validFrom: 'desc' } });
  }

  async office(actor: Actor) {
    return this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
  }

  async createBidang(actor: Actor, input: CreateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const clash = await tx.bidang.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash) fail('DUPLICATE', { id: `Kode Bidang ${input.code} sudah dipakai.`, en: `Bidang code ${input.code} is already taken.` });
      const b = await tx.bidang.create({ data: { officeId: actor.officeId, code: input.code, name: input.name.trim(), sortOrder: input.sortOrder ?? 0 } });
      await audit(tx, actor, { action: 'bidang.created', entityType: 'Bidang', entityId: b.id, after: b });
      return b;
    });
  }

  async updateBidang(actor: Actor, input: UpdateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const before = await findOr404(tx.bidang.findUnique({ where: { id: input.id } }));
      assertSameOffice(actor, before.officeId);
      const b = await tx.bidang.update({
        where: { id: input.id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
          ...(input.active != null ? { active: input.active } : {}),
        },
      });
      await audit(tx, actor, { action: 'bidang.updated', entityType: 'Bidang', entityId: b.id, before, after: b });
      return b;
    });
  }

  /** Creates or edits an indicator; each target sent replaces that year-Triwulan's target. */
  async upsertIndicator(actor: Actor, input: UpsertIndicatorInput) {
    const seen = new Set<string>();
    for (const t of input.targets) {
      const key = `${t.year}-${t.triwulan}`;
      if (seen.has(key)) {
        fail('VALIDATION_FAILED', { id: 'Target ganda untuk tahun dan Triwulan yang sama.', en: 'Two targets for the same year and triwulan.' }, {
          fields: [fieldProblem('targets', { id: `Target ${key} ganda`, en: `Target ${key} is given twice` })],
        });
      }
      seen.add(key);
      if (input.polarity === 'RANGE' && (t.targetUpper == null || t.targetUpper < t.target)) {
        fail('VALIDATION_FAILED', { id: 'Indikator rentang memerlukan batas atas ≥ batas bawah.', en: 'A range indicator needs an upper bound ≥ the lower bound.' }, {
          fields: [fieldProblem(`targets.${key}.targetUpper`, { id: 'Batas atas wajib dan ≥ target', en: 'An upper bound is required and ≥ target' })],
        });
      }
    }
    const id = await this.db.$transaction(async (tx) => {
      const bidang = await tx.bidang.findUnique({ where: { id: input.bidangId } });
      if (!bidang || bidang.officeId !== actor.officeId) fail('VALIDATION_FAILED', BIDANG_NOT_HERE, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
      const clash = await tx.indicator.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash && clash.id !== input.id) fail('DUPLICATE', { id: `Kode indikator ${input.code} sudah dipakai.`, en: `Indicator code ${input.code} is already taken.` });
      const data = { code: input.code, bidangId: input.bidangId, sasaran: input.sasaran.trim(), name: input.name.trim(), satuan: input.satuan.trim(), polarity: input.polarity, ...(input.active != null ? { active: input.active } : {}) };
      let before = null;
      let row;
      if (input.id) {
        before = await findOr404(tx.indicator.findUnique({ where: { id: input.id }, include: { targets: true } }));
        assertSameOffice(actor, before.officeId);
        // One request's ad-hoc indicator is not part of the master list: it changes with its request.
        if (before.adHocRequestId) fail('NOT_FOUND', { id: 'Indikator ini adalah indikator khusus sebuah permintaan, bukan indikator IKU.', en: 'This is one request’s ad-hoc indicator, not a master indicator.' });
        row = await tx.indicator.update({ where: { id: input.id }, data });
      } else {
        row = await tx.indicator.create({ data: { ...data, officeId: actor.officeId } });
      }
      for (const t of input.targets) {
        await tx.indicatorTarget.upsert({
          where: { indicatorId_year_triwulan: { indicatorId: row.id, year: t.year, triwulan: t.triwulan } },
          create: { indicatorId: row.id, year: t.year, triwulan: t.triwulan, target: t.target, targetUpper: t.targetUpper ?? null },
          update: { target: t.target, targetUpper: t.targetUpper ?? null },
        });
      }
      await audit(tx, actor, { action: input.id ? 'indicator.updated' : 'indicator.created', entityType: 'Indicator', entityId: row.id, before, after: { ...row, targets: input.targets } });
      return row.id;
    });
    const rows = await this.db.indicator.findUniqueOrThrow({ where: { id }, include: { targets: { orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } } });
    return { ...rows, targets: rows.targets.map(targetView) };
  }
}
