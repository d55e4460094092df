import { BIDANG_ROLES, parseNip, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail } from '../common/errors';
import { dateOnly, toNumber } from '../common/format';
import type { Db } from '../db/prisma';
import type { AssignActingInput, CreateBidangInput, CreateUserInput, UpdateBidangInput, UpsertIndicatorInput } from './admin.input';

const NIP_REASONS: Record<string, string> = {
  FORMAT: 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).',
  BIRTH_DATE: 'Tanggal lahir pada NIP tidak valid.',
  APPOINTMENT_DATE: 'TMT (tahun-bulan pengangkatan) pada NIP tidak valid.',
  APPOINTMENT_BEFORE_BIRTH: 'TMT pada NIP lebih awal dari tanggal lahir.',
};


export class AdminService {
  constructor(private readonly db: Db) {}

  async listUsers(actor: Actor) {
    return this.db.user.findMany({ where: { officeId: actor.officeId }, orderBy: { name: 'asc' } });
  }

  async listBidang(actor: Actor) {
    return this.db.bidang.findMany({ where: { officeId: actor.officeId }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  }

  async listIndicators(actor: Actor, year?: number | null, includeInactive = false) {
    const rows = await this.db.indicator.findMany({
      where: { officeId: actor.officeId, ...(includeInactive ? {} : { active: true }) },
      include: { targets: { where: year ? { year } : {}, orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } },
      orderBy: { code: 'asc' },
    });
    return rows.map((i) => ({
      ...i,
      targets: i.targets.map((t) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target)!, targetUpper: toNumber(t.targetUpper) })),
    }));
  }

  async createUser(actor: Actor, input: CreateUserInput) {
    let nip: string | null = null;
    if (input.nip && input.nip.trim()) {
      const parsed = parseNip(input.nip);
      if (!parsed.ok) fail('INVALID_NIP', NIP_REASONS[parsed.reason], { fields: [{ field: 'nip', message: NIP_REASONS[parsed.reason]! }] });
      nip = (parsed as { ok: true; value: { nip: string } }).value.nip;
    }
    const needsBidang = input.roles.some((r) => BIDANG_ROLES.includes(r as Role));
    if (needsBidang && !input.bidangId) fail('VALIDATION_FAILED', 'Peran Bidang memerlukan Bidang.', { fields: [{ field: 'bidangId', message: 'Pilih Bidang' }] });
    if (input.bidangId) {
      const b = await this.db.bidang.findUnique({ where: { id: input.bidangId } }).catch(() => null);
      if (!b || b.officeId !== actor.officeId) fail('VALIDATION_FAILED', 'Bidang tidak ditemukan di Dinas ini.', { fields: [{ field: 'bidangId', message: 'Bidang tidak dikenal' }] });
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.$transaction(async (tx) => {
      const clash = await tx.user.findFirst({ where: { OR: [{ username: input.username }, ...(nip ? [{ nip }] : [])] } });
      if (clash) fail('DUPLICATE', clash.username === input.username ? 'Nama pengguna sudah dipakai.' : 'NIP sudah terdaftar.');
      const u = await tx.user.create({
        data: {
          officeId: actor.officeId,
          username: input.username,
          nip,
          name: input.name.trim(),
          jabatan: input.jabatan?.trim() || null,
          passwordHash,
          roles: [...new Set(input.roles)],
          bidangId: input.bidangId ?? null,
        },
      });
      const { passwordHash: _omit, ...safe } = u;
      await audit(tx, actor, { action: 'user.created', entityType: 'User', entityId: u.id, after: safe });
      return u;
    });
  }

  async assignActing(actor: Actor, input: AssignActingInput) {
    if (!(input.validUntil > input.validFrom)) {
      fail('VALIDATION_FAILED', 'Akhir penugasan harus setelah awal penugasan.', { fields: [{ field: 'validUntil', message: 'Harus setelah validFrom' }] });
    }
    if (BIDANG_ROLES.includes(input.role as Role) && !input.bidangId) {
      fail('VALIDATION_FAILED', 'Plt/Plh peran Bidang memerlukan Bidang.', { fields: [{ field: 'bidangId', message: 'Pilih Bidang' }] });
    }
    return this.db.$transaction(async (tx) => {
      const u = await tx.user.findUnique({ where: { id: input.userId } }).catch(() => null);
      if (!u) fail('NOT_FOUND');
      assertSameOffice(actor, u!.officeId);
      if (input.bidangId) {
        const b = await tx.bidang.findUnique({ where: { id: input.bidangId } }).catch(() => null);
        assertSameOffice(actor, b?.officeId);
      }
      const a = await tx.actingAssignment.create({
        data: {
          userId: u!.id,
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

  async listActing(actor: Actor) {
    return this.db.actingAssignment.findMany({ where: { user: { officeId: actor.officeId } }, orderBy: { validFrom: 'desc' } });
  }

  async office(actor: Actor) {
    return this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
  }

  async createBidang(actor: Actor, input: CreateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const clash = await tx.bidang.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash) fail('DUPLICATE', `Kode Bidang ${input.code} sudah dipakai.`);
      const b = await tx.bidang.create({ data: { officeId: actor.officeId, code: input.code, name: input.name.trim(), sortOrder: input.sortOrder ?? 0 } });
      await audit(tx, actor, { action: 'bidang.created', entityType: 'Bidang', entityId: b.id, after: b });
      return b;
    });
  }

  async updateBidang(actor: Actor, input: UpdateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const before = await tx.bidang.findUnique({ where: { id: input.id } }).catch(() => null);
      if (!before) fail('NOT_FOUND');
      assertSameOffice(actor, before!.officeId);
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
      if (seen.has(key)) fail('VALIDATION_FAILED', 'Target ganda untuk tahun dan Triwulan yang sama.', { fields: [{ field: 'targets', message: `Target ${key} ganda` }] });
      seen.add(key);
      if (input.polarity === 'RANGE' && (t.targetUpper == null || t.targetUpper < t.target)) {
        fail('VALIDATION_FAILED', 'Indikator rentang memerlukan batas atas ≥ batas bawah.', { fields: [{ field: `targets.${key}.targetUpper`, message: 'Batas atas wajib dan ≥ target' }] });
      }
    }
    const id = await this.db.$transaction(async (tx) => {
      const bidang = await tx.bidang.findUnique({ where: { id: input.bidangId } }).catch(() => null);
      if (!bidang || bidang.officeId !== actor.officeId) fail('VALIDATION_FAILED', 'Bidang tidak ditemukan di Dinas ini.', { fields: [{ field: 'bidangId', message: 'Bidang tidak dikenal' }] });
      const clash = await tx.indicator.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash && clash.id !== input.id) fail('DUPLICATE', `Kode indikator ${input.code} sudah dipakai.`);
      const data = { code: input.code, bidangId: input.bidangId, sasaran: input.sasaran.trim(), name: input.name.trim(), satuan: input.satuan.trim(), polarity: input.polarity, ...(input.active != null ? { active: input.active } : {}) };
      let before = null;
      let row;
      if (input.id) {
        before = await tx.indicator.findUnique({ where: { id: input.id }, include: { targets: true } }).catch(() => null);
        if (!before) fail('NOT_FOUND');
        assertSameOffice(actor, before!.officeId);
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
    return { ...rows, targets: rows.targets.map((t) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target)!, targetUpper: toNumber(t.targetUpper) })) };
  }
}
