import {
  addWorkingTime,
  CANCELLED_KIND,
  getStep,
  makeCalendar,
  missingHolidayYear,
  officeClosedDates,
  type IsoWeekday,
  type OfficeHours,
  type WorkCalendar,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { fail, fieldProblem } from '../common/errors';
import { dateOnly } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { EventSink } from '../notification/events';
import type { Office } from '../generated/prisma/client';
import type { AddHolidayInput, MoveHolidayInput, OfficeHoursInput, RemoveHolidayInput } from './calendar.input';

const TTL_MS = 60_000;

type HolidayRecord = { date: Date; name: string; kind: string; officeId: string | null; movedFrom: Date | null };

type HolidayView = ReturnType<typeof holidayView>;
const holidayView = (h: HolidayRecord) => ({
  date: dateOnly(h.date),
  name: h.name,
  kind: h.kind,
  national: h.officeId === null,
  cancelled: h.kind === CANCELLED_KIND,
  movedFrom: h.movedFrom ? dateOnly(h.movedFrom) : null,
});

const utcDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/**
 * An office's working-time calendar (office hours, offset, national + office holidays) for the
 * pure functions of @sipedaki/sop, and the administrator's changes to it.
 *
 * A change to the calendar or the office hours recomputes, in the same transaction, the due time
 * of every open step of the office's requests (a stored due time would otherwise keep the old
 * calendar), audits each move and returns the list so the administrator sees what moved.
 */
export class CalendarService {
  private cache = new Map<string, { at: number; cal: WorkCalendar }>();
  /** Told when a due time moves, so the step's reminder and escalation jobs move too (services.ts). */
  events?: EventSink;

  constructor(private readonly db: Db) {}

  /** Cached briefly: read on every timeline and inbox, changed only by an administrator. */
  async forOffice(officeId: string): Promise<WorkCalendar> {
    const hit = this.cache.get(officeId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
    const cal = await this.build(this.db, officeId);
    this.cache.set(officeId, { at: Date.now(), cal });
    return cal;
  }

  invalidate(officeId?: string): void {
    if (officeId) this.cache.delete(officeId);
    else this.cache.clear();
  }

  /** Built from `db`, which inside a change is its transaction (never the pool: see decisions.md). */
  private async build(db: Db | Tx, officeId: string): Promise<WorkCalendar> {
    const [office, holidays] = await Promise.all([
      db.office.findUniqueOrThrow({ where: { id: officeId } }),
      db.holiday.findMany({ where: { OR: [{ officeId: null }, { officeId }] }, select: { date: true, officeId: true, kind: true } }),
    ]);
    return makeCalendar({
      utcOffsetMinutes: office.utcOffsetMinutes,
      hours: office.officeHours as Partial<Record<IsoWeekday, OfficeHours>>,
      holidays: officeClosedDates(holidays.map((h) => ({ date: dateOnly(h.date), national: h.officeId === null, kind: h.kind }))),
    });
  }

  async listHolidays(actor: Actor, year: number) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      fail('VALIDATION_FAILED', { id: 'Tahun harus antara 2000 dan 2100.', en: 'The year must be between 2000 and 2100.' }, { fields: [fieldProblem('year', { id: 'Tahun 2000–2100', en: 'Year 2000–2100' })] });
    }
    const rows = await this.db.holiday.findMany({
      where: { OR: [{ officeId: null }, { officeId: actor.officeId }], date: { gte: utcDate(`${year}-01-01`), lte: utcDate(`${year}-12-31`) } },
      orderBy: [{ date: 'asc' }, { officeId: { sort: 'asc', nulls: 'first' } }],
    });
    // A cancelled national day is shown once, as cancelled (the office row stands for it).
    const cancelled = new Set(rows.filter((r) => r.officeId && r.kind === CANCELLED_KIND).map((r) => dateOnly(r.date)));
    return rows.filter((r) => !(r.officeId === null && cancelled.has(dateOnly(r.date)))).map(holidayView);
  }

  /** From December on: next year's holidays are missing (not shipped, none entered). */
  async warnings(actor: Actor, now = new Date()) {
    const office = await this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
    const today = dateOnly(new Date(now.getTime() + office.utcOffsetMinutes * 60_000));
    const next = Number(today.slice(0, 4)) + 1;
    const entered = await this.db.holiday.count({
      where: { OR: [{ officeId: null }, { officeId: actor.officeId }], kind: { not: CANCELLED_KIND }, date: { gte: utcDate(`${next}-01-01`), lte: utcDate(`${next}-12-31`) } },
    });
    const year = missingHolidayYear(today, entered);
    if (year === null) return [];
    return [
      {
        year,
        message: `Hari libur nasional dan cuti bersama tahun ${year} belum tercatat. Masukkan sesuai SKB 3 Menteri agar batas waktu langkah SOP dihitung dengan benar.`,
        messageEn: `The national holidays and cuti bersama of ${year} are not recorded yet. Enter them from the SKB 3 Menteri so that step due times are right.`,
      },
    ];
  }

  async addHoliday(actor: Actor, input: AddHolidayInput, now = new Date()) {
    return this.change(actor, now, async (tx) => {
      const date = utcDate(input.date);
      const existing = await tx.holiday.findMany({ where: { date, OR: [{ officeId: null }, { officeId: actor.officeId }] } });
      const own = existing.find((h) => h.officeId === actor.officeId);
      const nationalOpen = existing.some((h) => h.officeId === null) && own?.kind !== CANCELLED_KIND;
      if (nationalOpen || (own && own.kind !== CANCELLED_KIND)) fail('DUPLICATE', { id: 'Tanggal itu sudah tercatat sebagai hari libur.', en: 'That date is already a holiday.' });
      // Adding a day whose national holiday was cancelled here replaces the cancellation.
      const row = own
        ? await tx.holiday.update({ where: { id: own.id }, data: { name: input.name.trim(), kind: 'LIBUR_DINAS', movedFrom: null } })
        : await tx.holiday.create({ data: { officeId: actor.officeId, date, name: input.name.trim(), kind: 'LIBUR_DINAS' } });
      await audit(tx, actor, { action: 'holiday.added', entityType: 'Holiday', entityId: row.id, before: own ?? undefined, after: row });
      return { holiday: holidayView(row) };
    });
  }

  /**
   * Moves a holiday: an office day is moved in place; a national day is cancelled for this office
   * and added on the new date as the office's own (the shared national list is never changed).
   */
  async moveHoliday(actor: Actor, input: MoveHolidayInput, now = new Date()) {
    if (input.fromDate === input.toDate) fail('VALIDATION_FAILED', { id: 'Tanggal baru sama dengan tanggal lama.', en: 'The new date is the old one.' }, { fields: [fieldProblem('toDate', { id: 'Pilih tanggal lain', en: 'Choose another date' })] });
    return this.change(actor, now, async (tx) => {
      const source = await this.effectiveHoliday(tx, actor.officeId, input.fromDate);
      if (!source) fail('NOT_FOUND', { id: `Tidak ada hari libur pada ${input.fromDate}.`, en: `There is no holiday on ${input.fromDate}.` });
      if (await this.effectiveHoliday(tx, actor.officeId, input.toDate)) fail('DUPLICATE', { id: `Tanggal ${input.toDate} sudah hari libur.`, en: `${input.toDate} is already a holiday.` });
      const name = input.name?.trim() || source.name;
      const to = utcDate(input.toDate);
      let moved;
      if (source.officeId) {
        moved = await tx.holiday.update({ where: { id: source.id }, data: { date: to, name, movedFrom: source.movedFrom ?? source.date } });
      } else {
        await this.cancelNational(tx, actor.officeId, source);
        moved = await this.upsertOwn(tx, actor.officeId, to, { name, kind: source.kind, movedFrom: source.date });
      }
      await audit(tx, actor, { action: 'holiday.moved', entityType: 'Holiday', entityId: moved.id, before: source, after: { ...moved, reason: input.reason } });
      return { holiday: holidayView(moved) };
    });
  }

  /** Removes an office day, or cancels a national day for this office only. */
  async removeHoliday(actor: Actor, input: RemoveHolidayInput, now = new Date()) {
    return this.change(actor, now, async (tx) => {
      const source = await this.effectiveHoliday(tx, actor.officeId, input.date);
      if (!source) fail('NOT_FOUND', { id: `Tidak ada hari libur pada ${input.date}.`, en: `There is no holiday on ${input.date}.` });
      let result;
      if (source.officeId) {
        const national = await tx.holiday.findFirst({ where: { officeId: null, date: source.date } });
        // An office day standing on a cancelled national date keeps the cancellation; else it goes.
        result = national
          ? await tx.holiday.update({ where: { id: source.id }, data: { kind: CANCELLED_KIND, name: `Dibatalkan: ${national.name}`, movedFrom: null } })
          : await tx.holiday.delete({ where: { id: source.id } });
      } else {
        result = await this.cancelNational(tx, actor.officeId, source);
      }
      await audit(tx, actor, { action: 'holiday.removed', entityType: 'Holiday', entityId: source.id, before: source, after: { reason: input.reason } });
      return { holiday: result.kind === CANCELLED_KIND ? holidayView(result) : null };
    });
  }

  async setOfficeHours(actor: Actor, input: OfficeHoursInput, now = new Date()) {
    const hours: Record<number, { start: string; end: string }> = {};
    for (const d of input.days) {
      if (hours[d.weekday]) fail('VALIDATION_FAILED', { id: 'Satu hari hanya boleh disebut sekali.', en: 'Each day may be given only once.' }, { fields: [fieldProblem('days', { id: `Hari ${d.weekday} ganda`, en: `Day ${d.weekday} is given twice` })] });
      if (!(d.end > d.start)) fail('VALIDATION_FAILED', { id: 'Jam selesai harus setelah jam mulai.', en: 'The end time must be after the start time.' }, { fields: [fieldProblem(`days.${d.weekday}`, { id: 'Jam selesai ≤ jam mulai', en: 'End time ≤ start time' })] });
      hours[d.weekday] = { start: d.start, end: d.end };
    }
    return this.change(actor, now, async (tx) => {
      const before = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId } });
      const office = await tx.office.update({ where: { id: actor.officeId }, data: { utcOffsetMinutes: input.utcOffsetMinutes, officeHours: hours } });
      await audit(tx, actor, {
        action: 'office.hours_set',
        entityType: 'Office',
        entityId: office.id,
        before: { utcOffsetMinutes: before.utcOffsetMinutes, officeHours: before.officeHours },
        after: { utcOffsetMinutes: office.utcOffsetMinutes, officeHours: office.officeHours },
      });
      return { office };
    });
  }

  /** One calendar change: the edit, then every open step's due time recomputed, in one transaction. */
  private async change<T extends { holiday?: HolidayView | null; office?: Office }>(actor: Actor, now: Date, edit: (tx: Tx) => Promise<T>) {
    const result = await this.db.$transaction(async (tx) => {
      // One calendar change of an office at a time, so two changes never recompute from stale rows.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calendar:${actor.officeId}`}, 0))`;
      const edited = await edit(tx);
      const dueTimeChanges = await this.recomputeDueTimes(tx, actor, now);
      return { holiday: null as HolidayView | null, office: null as Office | null, ...edited, dueTimeChanges };
    });
    this.invalidate(actor.officeId);
    return result;
  }

  private async recomputeDueTimes(tx: Tx, actor: Actor, now: Date) {
    const cal = await this.build(tx, actor.officeId);
    const open = await tx.requestStep.findMany({
      where: { completedAt: null, request: { officeId: actor.officeId, status: { not: 'DONE' } } },
      include: { request: { select: { id: true, letterNumber: true, currentStep: true } } },
      orderBy: [{ dueAt: 'asc' }],
    });
    const changes = [];
    for (const st of open) {
      if (st.step !== st.request.currentStep) continue;
      const due = addWorkingTime(cal, st.startedAt, getStep(st.step).standardTime);
      if (due.getTime() === st.dueAt.getTime()) continue;
      await tx.requestStep.update({ where: { id: st.id }, data: { dueAt: due } });
      // The request's own dueAt mirrors its current step; version is not bumped (no user's edit of it).
      await tx.dataRequest.update({ where: { id: st.requestId }, data: { dueAt: due } });
      await audit(tx, actor, { action: 'request.due_recomputed', entityType: 'DataRequest', entityId: st.requestId, before: { step: st.step, dueAt: st.dueAt }, after: { step: st.step, dueAt: due, at: now } });
      await this.events?.emit(tx, { kind: 'step.rescheduled', requestId: st.requestId, officeId: actor.officeId, step: st.step, startedAt: st.startedAt, dueAt: due, calendar: cal });
      changes.push({ requestId: st.requestId, letterNumber: st.request.letterNumber, step: st.step, before: st.dueAt, after: due });
    }
    return changes;
  }

  /** The holiday in force on a date for this office: its own row, else a national one it did not cancel. */
  private async effectiveHoliday(tx: Tx, officeId: string, ymd: string) {
    const rows = await tx.holiday.findMany({ where: { date: utcDate(ymd), OR: [{ officeId: null }, { officeId }] } });
    const own = rows.find((r) => r.officeId === officeId);
    if (own) return own.kind === CANCELLED_KIND ? null : own;
    return rows.find((r) => r.officeId === null) ?? null;
  }

  private async cancelNational(tx: Tx, officeId: string, national: HolidayRecord) {
    return this.upsertOwn(tx, officeId, national.date, { name: `Dibatalkan: ${national.name}`, kind: CANCELLED_KIND, movedFrom: null });
  }

  private async upsertOwn(tx: Tx, officeId: string, date: Date, data: { name: string; kind: string; movedFrom: Date | null }) {
    return tx.holiday.upsert({
      where: { officeId_date: { officeId, date } },
      create: { officeId, date, ...data },
      update: data,
    });
  }
}
