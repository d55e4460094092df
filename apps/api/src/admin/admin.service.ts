import { BIDANG_ROLES, parseNip } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { dateOnly, toNumber } from '../common/format';
import type { Db } from '../db/prisma';
import type { AddHolidayInput, AssignActingInput, CreateBidangInput, CreateUserInput, OfficeHoursInput, UpdateBidangInput, UpsertIndicatorInput } from './admin.input';

const NIP_REASONS: Record<string, Bilingual> = {
  FORMAT: {
    id: 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).',
    en: 'A NIP is 18 digits: birth date (8), appointment month (6), sex (1/2), sequence (3).',
  },
  BIRTH_DATE: { id: 'Tanggal lahir pada NIP tidak valid.', en: 'The birth date in the NIP is not a real date.' },
  APPOINTMENT_DATE: { id: 'TMT (tahun-bulan pengangkatan) pada NIP tidak valid.', en: 'The appointment month in the NIP is not valid.' },
  APPOINTMENT_BEFORE_BIRTH: { id: 'TMT pada NIP lebih awal dari tanggal lahir.', en: 'The appointment month in the NIP is before the birth date.' },
};
const CHOOSE_BIDANG: Bilingual = { id: 'Pilih Bidang', en: 'Choose a Bidang' };
const BIDANG_NOT_HERE: Bilingual = { id: 'Bidang tidak ditemukan di Dinas ini.', en: 'The Bidang is not found in this office.' };


export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
  ) {}

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
      if (!parsed.ok) fail('INVALID_NIP', NIP_REASONS[parsed.reason], { fields: [fieldProblem('nip', NIP_REASONS[parsed.reason]!)] });
      nip = (parsed as { ok: true; value: { nip: string } }).value.nip;
    }
    const needsBidang = input.roles.some((r) => BIDANG_ROLES.includes(r));
    if (needsBidang && !input.bidangId) {
      fail('VALIDATION_FAILED', { id: 'Peran Bidang memerlukan Bidang.', en: 'A Bidang role needs a Bidang.' }, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
    }
    if (input.bidangId) {
      const b = await this.db.bidang.findUnique({ where: { id: input.bidangId } }).catch(() => null);
      if (!b || b.officeId !== actor.officeId) fail('VALIDATION_FAILED', BIDANG_NOT_HERE, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.$transaction(async (tx) => {
      const clash = await tx.user.findFirst({ where: { OR: [{ username: input.username }, ...(nip ? [{ nip }] : [])] } });
      if (clash) {
        fail('DUPLICATE', clash.username === input.username
          ? { id: 'Nama pengguna sudah dipakai.', en: 'The username is already taken.' }
          : { id: 'NIP sudah terdaftar.', en: 'The NIP is already registered.' });
      }
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
      fail('VALIDATION_FAILED', { id: 'Akhir penugasan harus setelah awal penugasan.', en: 'The assignment must end after it starts.' }, {
        fields: [fieldProblem('validUntil', { id: 'Harus setelah validFrom', en: 'Must be after validFrom' })],
      });
    }
    if (BIDANG_ROLES.includes(input.role) && !input.bidangId) {
      fail('VALIDATION_FAILED', { id: 'Plt/Plh peran Bidang memerlukan Bidang.', en: 'An acting Bidang role needs a Bidang.' }, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
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

  async listHolidays(actor: Actor, year: number) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      fail('VALIDATION_FAILED', { id: 'Tahun harus antara 2000 dan 2100.', en: 'The year must be between 2000 and 2100.' }, {
        fields: [fieldProblem('year', { id: 'Tahun 2000–2100', en: 'Year 2000–2100' })],
      });
    }
    const rows = await this.db.holiday.findMany({
      where: {
        OR: [{ officeId: null }, { officeId: actor.officeId }],
        date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) },
      },
      orderBy: { date: 'asc' },
    });
    return rows.map((h) => ({ date: dateOnly(h.date), name: h.name, kind: h.kind, national: h.officeId === null }));
  }

  async addHoliday(actor: Actor, input: AddHolidayInput) {
    const date = new Date(`${input.date}T00:00:00Z`);
    const h = await this.db.$transaction(async (tx) => {
      const exists = await tx.holiday.findFirst({ where: { date, OR: [{ officeId: null }, { officeId: actor.officeId }] } });
      if (exists) fail('DUPLICATE', { id: 'Tanggal itu sudah tercatat sebagai hari libur.', en: 'That date is already a holiday.' });
      const row = await tx.holiday.create({ data: { officeId: actor.officeId, date, name: input.name.trim(), kind: 'LIBUR_DINAS' } });
      await audit(tx, actor, { action: 'holiday.added', entityType: 'Holiday', entityId: row.id, after: row });
      return row;
    });
    this.calendars.invalidate(actor.officeId);
    return { date: dateOnly(h.date), name: h.name, kind: h.kind, national: false };
  }

  async office(actor: Actor) {
    return this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
  }

  async setOfficeHours(actor: Actor, input: OfficeHoursInput) {
    const hours: Record<number, { start: string; end: string }> = {};
    for (const d of input.days) {
      if (hours[d.weekday]) {
        fail('VALIDATION_FAILED', { id: 'Satu hari hanya boleh disebut sekali.', en: 'Each day may be given only once.' }, {
          fields: [fieldProblem('days', { id: `Hari ${d.weekday} ganda`, en: `Day ${d.weekday} is given twice` })],
        });
      }
      if (!(d.end > d.start)) {
        fail('VALIDATION_FAILED', { id: 'Jam selesai harus setelah jam mulai.', en: 'The end time must be after the start time.' }, {
          fields: [fieldProblem(`days.${d.weekday}`, { id: 'Jam selesai ≤ jam mulai', en: 'End time ≤ start time' })],
        });
      }
      hours[d.weekday] = { start: d.start, end: d.end };
    }
    const office = await this.db.$transaction(async (tx) => {
      const before = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId } });
      const after = await tx.office.update({ where: { id: actor.officeId }, data: { utcOffsetMinutes: input.utcOffsetMinutes, officeHours: hours } });
      await audit(tx, actor, { action: 'office.hours_set', entityType: 'Office', entityId: after.id, before: { utcOffsetMinutes: before.utcOffsetMinutes, officeHours: before.officeHours }, after: { utcOffsetMinutes: after.utcOffsetMinutes, officeHours: after.officeHours } });
      return after;
    });
    this.calendars.invalidate(actor.officeId);
    return office;
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
      const bidang = await tx.bidang.findUnique({ where: { id: input.bidangId } }).catch(() => null);
      if (!bidang || bidang.officeId !== actor.officeId) fail('VALIDATION_FAILED', BIDANG_NOT_HERE, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
      const clash = await tx.indicator.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash && clash.id !== input.id) fail('DUPLICATE', { id: `Kode indikator ${input.code} sudah dipakai.`, en: `Indicator code ${input.code} is already taken.` });
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
