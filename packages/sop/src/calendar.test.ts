import {
  DEFAULT_OFFICE_HOURS,
  addWorkingTime,
  isWorkingDay,
  makeCalendar,
  nextWorkingStart,
  standardMinutes,
  stepTiming,
  workingMinutesBetween,
} from './calendar';
import type { StandardTime } from './steps';

/** A local WIB time, written the way an office clock shows it. */
const wib = (s: string) => new Date(`${s}:00+07:00`);

// Reference dates in 2026: Fri 9 Jan, Sat 10, Mon 12; Fri 16 Jan is Isra Mikraj;
// 18–24 March is Nyepi + Idul Fitri with cuti bersama (Wed 18 … Tue 24).
const cal = makeCalendar();
const noHolidays = makeCalendar({ holidays: [] });

describe('addWorkingTime', () => {
  it.each<[string, string, StandardTime, string]>([
    ['Friday 15:55 + 10 min runs over the weekend', '2026-01-09T15:55', { minutes: 10 }, '2026-01-12T08:05'],
    ['Friday 15:50 + 10 min ends at closing', '2026-01-09T15:50', { minutes: 10 }, '2026-01-09T16:00'],
    ['a Saturday start waits for Monday', '2026-01-10T11:00', { minutes: 5 }, '2026-01-12T08:05'],
    ['a start before opening waits for 08:00', '2026-01-12T07:00', { minutes: 10 }, '2026-01-12T08:10'],
    ['a start after closing waits for the next day', '2026-01-12T18:30', { minutes: 5 }, '2026-01-13T08:05'],
    ['a whole office day', '2026-01-12T08:00', { minutes: 480 }, '2026-01-12T16:00'],
    ['one minute past a whole day', '2026-01-12T08:00', { minutes: 481 }, '2026-01-13T08:01'],
    ['zero minutes is the start itself', '2026-01-12T09:17', { minutes: 0 }, '2026-01-12T09:17'],
    ['minutes across the Idul Fitri holidays', '2026-03-17T15:55', { minutes: 10 }, '2026-03-25T08:05'],
    ['2 working days across a weekend', '2026-01-08T10:00', { workingDays: 2 }, '2026-01-12T10:00'],
    ['2 working days across Isra Mikraj and a weekend', '2026-01-14T10:00', { workingDays: 2 }, '2026-01-19T10:00'],
    ['1 working day across the Idul Fitri holidays', '2026-03-17T10:00', { workingDays: 1 }, '2026-03-25T10:00'],
    ['1 working day from a Saturday starts at Monday opening', '2026-01-10T09:00', { workingDays: 1 }, '2026-01-13T08:00'],
    ['1 working day from closing time starts next opening', '2026-01-09T16:00', { workingDays: 1 }, '2026-01-13T08:00'],
    ['1 working day from before opening', '2026-01-12T06:00', { workingDays: 1 }, '2026-01-13T08:00'],
    ['0 working days from a Saturday is Monday opening', '2026-01-10T09:00', { workingDays: 0 }, '2026-01-12T08:00'],
  ])('%s: %s + %j → %s', (_name, start, std, due) => {
    expect(addWorkingTime(cal, wib(start), std).toISOString()).toBe(wib(due).toISOString());
  });

  it('counts Idul Fitri 2026 as working days when the office has no holidays', () => {
    expect(addWorkingTime(noHolidays, wib('2026-03-17T15:55'), { minutes: 10 }).toISOString()).toBe(
      wib('2026-03-18T08:05').toISOString(),
    );
  });

  it('works in the office’s own time zone (WITA)', () => {
    const wita = makeCalendar({ utcOffsetMinutes: 480, holidays: [] });
    const start = new Date('2026-01-09T15:55:00+08:00');
    expect(addWorkingTime(wita, start, { minutes: 10 }).toISOString()).toBe(
      new Date('2026-01-12T08:05:00+08:00').toISOString(),
    );
  });

  it('clamps a day-based due time to a shorter target day', () => {
    // Friday closes at 11:00 in this office: 2 days from Wednesday 14:00 is Friday's closing.
    const shortFriday = makeCalendar({
      holidays: [],
      hours: { ...DEFAULT_OFFICE_HOURS, 5: { start: '07:30', end: '11:00' } },
    });
    expect(addWorkingTime(shortFriday, wib('2026-01-07T14:00'), { workingDays: 2 }).toISOString()).toBe(
      wib('2026-01-09T11:00').toISOString(),
    );
  });

  it('accepts holidays as a plain array', () => {
    const arrayCal = { utcOffsetMinutes: 420, hours: DEFAULT_OFFICE_HOURS, holidays: ['2026-01-12'] };
    expect(addWorkingTime(arrayCal, wib('2026-01-09T15:55'), { minutes: 10 }).toISOString()).toBe(
      wib('2026-01-13T08:05').toISOString(),
    );
  });

  it.each<[StandardTime]>([[{ minutes: -1 }], [{ minutes: 1.5 }], [{ workingDays: -2 }], [{ workingDays: 0.5 }]])(
    'rejects %j',
    (std) => {
      expect(() => addWorkingTime(cal, wib('2026-01-12T09:00'), std)).toThrow(RangeError);
    },
  );

  it('throws instead of looping when no day is ever worked', () => {
    const closed = makeCalendar({ hours: {}, holidays: [] });
    expect(() => addWorkingTime(closed, wib('2026-01-12T09:00'), { minutes: 5 })).toThrow(/No working day/);
  });
});

describe('workingMinutesBetween', () => {
  it.each<[string, string, string, number]>([
    ['same morning', '2026-01-12T09:00', '2026-01-12T09:30', 30],
    ['Friday afternoon to Monday morning', '2026-01-09T15:00', '2026-01-12T09:00', 120],
    ['Monday to Friday with Isra Mikraj on Friday', '2026-01-12T08:00', '2026-01-16T16:00', 4 * 480],
    ['a whole weekend', '2026-01-10T00:00', '2026-01-11T23:59', 0],
    ['across the Idul Fitri holidays', '2026-03-17T08:00', '2026-03-25T08:00', 480],
    ['evening to evening', '2026-01-12T20:00', '2026-01-13T20:00', 480],
    ['b before a', '2026-01-13T10:00', '2026-01-12T10:00', 0],
    ['b equal to a', '2026-01-13T10:00', '2026-01-13T10:00', 0],
    ['the working year 2026 (240 working days)', '2026-01-01T00:00', '2027-01-01T00:00', 240 * 480],
  ])('%s: %s → %s = %i min', (_name, a, b, minutes) => {
    expect(workingMinutesBetween(cal, wib(a), wib(b))).toBe(minutes);
  });

  it('counts 261 weekdays in 2026 when there are no holidays', () => {
    expect(workingMinutesBetween(noHolidays, wib('2026-01-01T00:00'), wib('2027-01-01T00:00'))).toBe(261 * 480);
  });

  it('stays fast over ten years (per day, not per minute)', () => {
    const t0 = performance.now();
    const minutes = workingMinutesBetween(noHolidays, wib('2020-01-01T00:00'), wib('2030-01-01T00:00'));
    expect(minutes).toBeGreaterThan(2500 * 480);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('keeps seconds as a fraction of a minute', () => {
    expect(workingMinutesBetween(cal, wib('2026-01-12T09:00'), new Date('2026-01-12T09:00:30+07:00'))).toBe(0.5);
  });
});

describe('working days', () => {
  it.each<[string, string, boolean]>([
    ['a Friday', '2026-01-09T10:00', true],
    ['a Saturday', '2026-01-10T10:00', false],
    ['a Sunday', '2026-01-11T10:00', false],
    ['Isra Mikraj (libur nasional)', '2026-01-16T10:00', false],
    ['cuti bersama Idul Fitri', '2026-03-20T10:00', false],
    ['the day after Idul Fitri leave', '2026-03-25T10:00', true],
    ['Monday 00:30 WIB, still Sunday in UTC', '2026-01-12T00:30', true],
    ['Friday 23:30 WIB', '2026-01-09T23:30', true],
    ['Saturday 06:00 WIB, still Friday in UTC', '2026-01-10T06:00', false],
  ])('%s (%s) is a working day: %p', (_name, at, expected) => {
    expect(isWorkingDay(cal, wib(at))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['inside office hours stays put', '2026-01-12T10:30', '2026-01-12T10:30'],
    ['before opening moves to opening', '2026-01-12T06:15', '2026-01-12T08:00'],
    ['at closing moves to next opening', '2026-01-12T16:00', '2026-01-13T08:00'],
    ['on Saturday moves to Monday', '2026-01-10T12:00', '2026-01-12T08:00'],
    ['on Thursday evening skips the Isra Mikraj Friday', '2026-01-15T17:00', '2026-01-19T08:00'],
    ['before Nyepi leave skips to 25 March', '2026-03-17T16:30', '2026-03-25T08:00'],
  ])('nextWorkingStart %s: %s → %s', (_name, at, expected) => {
    expect(nextWorkingStart(cal, wib(at)).toISOString()).toBe(wib(expected).toISOString());
  });
});

describe('standardMinutes', () => {
  it.each<[StandardTime, number]>([
    [{ minutes: 10 }, 10],
    [{ workingDays: 1 }, 480],
    [{ workingDays: 2 }, 960],
  ])('%j = %i minutes with 08:00–16:00', (std, minutes) => {
    expect(standardMinutes(cal, std)).toBe(minutes);
  });

  it('follows the office’s configured Monday hours', () => {
    const longer = makeCalendar({ hours: { 1: { start: '07:30', end: '16:00' }, 2: { start: '07:30', end: '15:00' } } });
    expect(standardMinutes(longer, { workingDays: 2 })).toBe(1020);
  });
});

describe('stepTiming', () => {
  it.each<[string, string, StandardTime, string | null, string, { due: string; elapsed: number; standard: number; overdue: boolean; late: number }]>([
    ['done in time over the weekend', '2026-01-09T15:55', { minutes: 10 }, '2026-01-12T08:04', '2026-01-12T12:00', { due: '2026-01-12T08:05', elapsed: 9, standard: 10, overdue: false, late: 0 }],
    ['done exactly on time', '2026-01-09T15:55', { minutes: 10 }, '2026-01-12T08:05', '2026-01-12T12:00', { due: '2026-01-12T08:05', elapsed: 10, standard: 10, overdue: false, late: 0 }],
    ['done late', '2026-01-09T15:55', { minutes: 10 }, '2026-01-12T08:20', '2026-01-12T12:00', { due: '2026-01-12T08:05', elapsed: 25, standard: 10, overdue: true, late: 15 }],
    ['open, now at due time', '2026-01-09T15:55', { minutes: 10 }, null, '2026-01-12T08:05', { due: '2026-01-12T08:05', elapsed: 10, standard: 10, overdue: false, late: 0 }],
    ['open, now an hour past due', '2026-01-09T15:55', { minutes: 10 }, null, '2026-01-12T09:05', { due: '2026-01-12T08:05', elapsed: 70, standard: 10, overdue: true, late: 60 }],
    ['open over the weekend, not yet due', '2026-01-09T15:55', { minutes: 10 }, null, '2026-01-11T12:00', { due: '2026-01-12T08:05', elapsed: 5, standard: 10, overdue: false, late: 0 }],
    ['collection, 2 days, still in time', '2026-01-08T10:00', { workingDays: 2 }, null, '2026-01-12T09:00', { due: '2026-01-12T10:00', elapsed: 900, standard: 960, overdue: false, late: 0 }],
    ['collection, 2 days, a day late', '2026-01-08T10:00', { workingDays: 2 }, '2026-01-13T10:00', '2026-01-20T10:00', { due: '2026-01-12T10:00', elapsed: 1440, standard: 960, overdue: true, late: 480 }],
    ['compile started on Saturday', '2026-01-10T10:00', { workingDays: 1 }, '2026-01-13T08:00', '2026-01-20T10:00', { due: '2026-01-13T08:00', elapsed: 480, standard: 480, overdue: false, late: 0 }],
  ])('%s', (_name, start, std, completed, now, expected) => {
    const t = stepTiming(cal, wib(start), std, completed ? wib(completed) : null, wib(now));
    expect({
      due: t.dueAt.toISOString(),
      elapsed: t.elapsedWorkingMinutes,
      standard: t.standardWorkingMinutes,
      overdue: t.overdue,
      late: t.overdueWorkingMinutes,
    }).toEqual({ ...expected, due: wib(expected.due).toISOString() });
    expect(t.completedAt?.toISOString() ?? null).toBe(completed ? wib(completed).toISOString() : null);
  });

  it('is overdue when finished on Saturday after a Friday 16:00 due time, with no office minutes late', () => {
    const t = stepTiming(cal, wib('2026-01-09T15:50'), { minutes: 10 }, wib('2026-01-10T09:00'), wib('2026-01-12T09:00'));
    expect([t.overdue, t.overdueWorkingMinutes]).toEqual([true, 0]);
  });
});

describe('makeCalendar', () => {
  it('defaults to WIB, Monday–Friday 08:00–16:00 and the shipped holidays', () => {
    const c = makeCalendar();
    expect(c.utcOffsetMinutes).toBe(420);
    expect(Object.keys(c.hours)).toEqual(['1', '2', '3', '4', '5']);
    expect(c.hours[1]).toEqual({ start: '08:00', end: '16:00' });
    expect((c.holidays as ReadonlySet<string>).has('2026-03-20')).toBe(true);
  });

  it.each([
    [{ 1: { start: '16:00', end: '08:00' } }],
    [{ 1: { start: '8am', end: '16:00' } }],
    [{ 1: { start: '08:00', end: '25:00' } }],
  ])('refuses bad office hours %j', (hours) => {
    expect(() => makeCalendar({ hours })).toThrow(RangeError);
  });
});
