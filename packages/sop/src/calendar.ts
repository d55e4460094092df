/**
 * Working time. The SOP's standard times ("5 menit", "2 hari") run in office time only:
 * Monday–Friday office hours, without national holidays and cuti bersama.
 *
 * All arithmetic is done on "local milliseconds" (UTC ms + the calendar's fixed offset), so a
 * local day is simply floor(localMs / DAY). Indonesia has no daylight saving time, so a fixed
 * offset (WIB 420, WITA 480, WIT 540) is exact. Loops step one day at a time, never one minute.
 */
import { NATIONAL_HOLIDAYS } from './holidays';
import type { StandardTime } from './steps';

export interface OfficeHours {
  /** 'HH:MM', local time. */
  start: string;
  /** 'HH:MM', local time; must be after start. */
  end: string;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WorkCalendar {
  /** Minutes east of UTC: WIB = 420, WITA = 480, WIT = 540. */
  utcOffsetMinutes: number;
  /** ISO weekday (Monday = 1) → office hours; an absent weekday is not a working day. */
  hours: Partial<Record<IsoWeekday, OfficeHours>>;
  /** Local dates 'YYYY-MM-DD' on which the office is closed. */
  holidays: ReadonlySet<string> | readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Guards against a calendar with no working days at all, which would otherwise loop forever. */
const MAX_DAYS_SEARCHED = 366 * 5;

/**
 * A common default, not a rule: office hours differ between regions and have changed over time
 * (some offices work 07:30–16:00, some close earlier on Friday, a few work Saturdays). Every
 * office sets its own in its configuration.
 */
export const DEFAULT_OFFICE_HOURS: Partial<Record<IsoWeekday, OfficeHours>> = Object.freeze({
  1: { start: '08:00', end: '16:00' },
  2: { start: '08:00', end: '16:00' },
  3: { start: '08:00', end: '16:00' },
  4: { start: '08:00', end: '16:00' },
  5: { start: '08:00', end: '16:00' },
});

export const WIB_OFFSET_MINUTES = 420;

export function makeCalendar(
  opts: Partial<{
    utcOffsetMinutes: number;
    hours: Partial<Record<IsoWeekday, OfficeHours>>;
    holidays: ReadonlySet<string> | readonly string[];
  }> = {},
): WorkCalendar {
  const hours = opts.hours ?? DEFAULT_OFFICE_HOURS;
  for (const [day, h] of Object.entries(hours)) {
    if (!h) continue;
    // Fail at configuration time, not deep inside a due-date computation.
    if (parseClock(h.end) <= parseClock(h.start)) {
      throw new RangeError(`Office hours for weekday ${day} end before they start: ${h.start}–${h.end}`);
    }
  }
  return {
    utcOffsetMinutes: opts.utcOffsetMinutes ?? WIB_OFFSET_MINUTES,
    hours,
    holidays: new Set(opts.holidays ?? NATIONAL_HOLIDAYS.map((h) => h.date)),
  };
}

/* ---------------------------------------------------------------- internals */

function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a clock time 'HH:MM': ${hhmm}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new RangeError(`Not a clock time: ${hhmm}`);
  return h * 60 + min;
}

// Callers may hand in a plain array; turning it into a Set once per array keeps lookups O(1).
const holidaySets = new WeakMap<object, ReadonlySet<string>>();
function holidaySet(cal: WorkCalendar): ReadonlySet<string> {
  const h = cal.holidays;
  if (h instanceof Set) return h;
  let set = holidaySets.get(h);
  if (!set) {
    set = new Set(h as readonly string[]);
    holidaySets.set(h, set);
  }
  return set;
}

function toLocal(cal: WorkCalendar, d: Date): number {
  return d.getTime() + cal.utcOffsetMinutes * MINUTE;
}

function fromLocal(cal: WorkCalendar, localMs: number): Date {
  return new Date(localMs - cal.utcOffsetMinutes * MINUTE);
}

function dayIndexOf(localMs: number): number {
  return Math.floor(localMs / DAY);
}

function isoDate(dayIndex: number): string {
  return new Date(dayIndex * DAY).toISOString().slice(0, 10);
}

function isoWeekday(dayIndex: number): IsoWeekday {
  const js = new Date(dayIndex * DAY).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as IsoWeekday;
}

interface Window {
  open: number;
  close: number;
}

/** The office window of a local day in local ms, or null when the office is closed. */
function windowOf(cal: WorkCalendar, dayIndex: number): Window | null {
  const hours = cal.hours[isoWeekday(dayIndex)];
  if (!hours) return null;
  if (holidaySet(cal).has(isoDate(dayIndex))) return null;
  const open = dayIndex * DAY + parseClock(hours.start) * MINUTE;
  const close = dayIndex * DAY + parseClock(hours.end) * MINUTE;
  return close > open ? { open, close } : null;
}

function noWorkingDays(): never {
  throw new RangeError(`No working day found within ${MAX_DAYS_SEARCHED} days: check the calendar`);
}

/* ---------------------------------------------------------------- public API */

/** Is the local date of `d` a working day (office hours defined, not a holiday)? */
export function isWorkingDay(cal: WorkCalendar, d: Date): boolean {
  return windowOf(cal, dayIndexOf(toLocal(cal, d))) !== null;
}

/** `d` itself when the office is open at `d`, otherwise the next office opening. */
export function nextWorkingStart(cal: WorkCalendar, d: Date): Date {
  const t = toLocal(cal, d);
  const first = dayIndexOf(t);
  for (let day = first; day < first + MAX_DAYS_SEARCHED; day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    if (t < w.open) return fromLocal(cal, w.open);
    if (t < w.close) return d;
  }
  return noWorkingDays();
}

/**
 * Office minutes in [a, b): only office hours on working days count. Fractional when the
 * timestamps carry seconds; callers round for display.
 */
export function workingMinutesBetween(cal: WorkCalendar, a: Date, b: Date): number {
  const from = toLocal(cal, a);
  const to = toLocal(cal, b);
  if (to <= from) return 0;
  let total = 0;
  for (let day = dayIndexOf(from); day <= dayIndexOf(to); day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    const start = Math.max(from, w.open);
    const end = Math.min(to, w.close);
    if (end > start) total += end - start;
  }
  return total / MINUTE;
}

/**
 * The length of one working day used to express a day-based standard in minutes: Monday's
 * office hours, or the first configured weekday when Monday is not worked.
 */
function referenceDayMinutes(cal: WorkCalendar): number {
  for (const wd of [1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]) {
    const h = cal.hours[wd];
    if (h) return parseClock(h.end) - parseClock(h.start);
  }
  return 0;
}

/** A standard time in working minutes: workingDays × the length of a default working day. */
export function standardMinutes(cal: WorkCalendar, std: StandardTime): number {
  return 'minutes' in std ? std.minutes : std.workingDays * referenceDayMinutes(cal);
}

function assertNonNegativeWhole(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/**
 * The due time of a step that starts at `start` with standard `std`.
 *
 * - `{ minutes }`: that many office minutes later; time outside office hours does not count,
 *   so Friday 15:55 + 10 minutes is Monday 08:05.
 * - `{ workingDays: n }`: the same local clock time n working days later. "2 hari" in the SOP
 *   means "by this time two working days from now", which is how staff read it and which keeps
 *   a due time stable even when a day is short (e.g. a shorter Friday). A start outside office
 *   hours first moves to the next office opening, so a request that arrives on Saturday is due
 *   at Monday's opening + n working days. When the target day's hours are shorter than the
 *   clock time, the due time is that day's closing time.
 */
export function addWorkingTime(cal: WorkCalendar, start: Date, std: StandardTime): Date {
  if ('minutes' in std) {
    assertNonNegativeWhole(std.minutes, 'minutes');
    if (std.minutes === 0) return start;
    let remaining = std.minutes * MINUTE;
    let t = toLocal(cal, start);
    const first = dayIndexOf(t);
    for (let day = first; day < first + MAX_DAYS_SEARCHED; day++) {
      const w = windowOf(cal, day);
      if (!w) continue;
      const from = Math.max(t, w.open);
      if (from >= w.close) continue;
      const available = w.close - from;
      if (remaining <= available) return fromLocal(cal, from + remaining);
      remaining -= available;
      t = (day + 1) * DAY;
    }
    return noWorkingDays();
  }

  assertNonNegativeWhole(std.workingDays, 'workingDays');
  const begin = toLocal(cal, nextWorkingStart(cal, start));
  if (std.workingDays === 0) return fromLocal(cal, begin);
  const beginDay = dayIndexOf(begin);
  const clock = begin - beginDay * DAY;
  let counted = 0;
  for (let day = beginDay + 1; day < beginDay + 1 + MAX_DAYS_SEARCHED * Math.max(1, std.workingDays); day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    counted++;
    if (counted === std.workingDays) {
      const due = Math.min(Math.max(day * DAY + clock, w.open), w.close);
      return fromLocal(cal, due);
    }
  }
  return noWorkingDays();
}

/**
 * `start` plus `minutes` of office time (fractions allowed, unlike a standard time): the moment a
 * share of a step's budget has been used. Starting outside office hours counts from the opening.
 */
export function addWorkingMinutes(cal: WorkCalendar, start: Date, minutes: number): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  let remaining = minutes * MINUTE;
  let t = toLocal(cal, start);
  const first = dayIndexOf(t);
  for (let day = first; day < first + MAX_DAYS_SEARCHED; day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    const from = Math.max(t, w.open);
    if (from >= w.close) continue;
    const available = w.close - from;
    if (remaining <= available) return fromLocal(cal, Math.round(from + remaining));
    remaining -= available;
    t = (day + 1) * DAY;
  }
  return noWorkingDays();
}

export interface StepTiming {
  startedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  /** Office minutes from start to completion (or to `now` while still open). */
  elapsedWorkingMinutes: number;
  /** Office minutes from start to due: the standard as it applies to this start. */
  standardWorkingMinutes: number;
  overdue: boolean;
  /** Office minutes past the due time; 0 when on time. */
  overdueWorkingMinutes: number;
}

/**
 * Timing of one step. `now` is a parameter so the result is reproducible and testable.
 * Overdue is decided on timestamps (completed after due, or still open and now past due), so a
 * step finished on Saturday after a Friday due time is overdue even though no office minutes
 * passed.
 */
export function stepTiming(
  cal: WorkCalendar,
  startedAt: Date,
  std: StandardTime,
  completedAt: Date | null,
  now: Date,
): StepTiming {
  const dueAt = addWorkingTime(cal, startedAt, std);
  const end = completedAt ?? now;
  const overdue = end.getTime() > dueAt.getTime();
  return {
    startedAt,
    dueAt,
    completedAt,
    elapsedWorkingMinutes: workingMinutesBetween(cal, startedAt, end),
    standardWorkingMinutes: workingMinutesBetween(cal, startedAt, dueAt),
    overdue,
    overdueWorkingMinutes: overdue ? workingMinutesBetween(cal, dueAt, end) : 0,
  };
}
