import { makeCalendar } from './calendar';
import { projectedSopEnd, requesterDeadlineEditable, requestShapeEditable, scheduleWarning } from './asks';
import { REQUEST_STATUSES, type RequestStatus } from './state-machine';

/** A local WIB time, written the way an office clock shows it. */
const wib = (s: string) => new Date(`${s}:00+07:00`);
const cal = makeCalendar(); // Mon–Fri 08:00–16:00 WIB, the 2026 national holidays

describe('what may change when', () => {
  const table: [RequestStatus, boolean, boolean][] = [
    ['AT_SEKRETARIS', true, true],
    ['AT_KASUBBAG', true, true],
    ['AT_PENYUSUN', true, true],
    ['COLLECTING', false, true],
    ['COMPILING', false, true],
    ['ANALYSING', false, true],
    ['REPORT_AT_SEKRETARIS', false, true],
    // The SOP's seven steps are over at the Kepala's desk: nothing left for its times to miss.
    ['AT_KEPALA', false, false],
    ['DONE', false, false],
    ['CANCELLED', false, false],
  ];
  it.each(table)('%s: Bidang/ad-hoc editable %s, requester deadline editable %s', (status, shape, deadline) => {
    expect(requestShapeEditable(status)).toBe(shape);
    expect(requesterDeadlineEditable(status)).toBe(deadline);
  });

  it('the table decides every status (a new status needs a row here)', () => {
    expect(table.map(([s]) => s).sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});

/**
 * Hand-worked on the 2026 calendar: the SOP's remaining standard times, one after the other, from
 * the current step's due time (or from now when it is already late). Thursday 8 January 10:00:
 * steps 1–3 take 5 + 5 + 10 minutes (10:20), step 4 two working days (Mon 12, 10:20), steps 5
 * and 6 a day each (Tue 13, Wed 14), step 7 ten minutes (Wed 14, 10:30). Friday 16 January 2026
 * is Isra Mikraj.
 */
describe('projectedSopEnd', () => {
  it.each<[string, RequestStatus, string | null, string, string | null]>([
    ['just registered', 'AT_SEKRETARIS', '2026-01-08T10:05', '2026-01-08T10:00', '2026-01-14T10:30'],
    ['collecting, on time: from step 4’s due time', 'COLLECTING', '2026-01-12T10:20', '2026-01-09T09:00', '2026-01-14T10:30'],
    ['collecting, late: from now', 'COLLECTING', '2026-01-12T10:20', '2026-01-13T09:00', '2026-01-15T09:10'],
    ['analysing late at 15:55: step 7 runs 5 minutes on, 5 the next morning', 'ANALYSING', '2026-01-14T10:20', '2026-01-14T15:55', '2026-01-15T08:05'],
    ['compiling over Isra Mikraj and the weekend', 'COMPILING', '2026-01-15T10:00', '2026-01-15T09:00', '2026-01-19T10:10'],
    ['step 7 under way: its own due time', 'REPORT_AT_SEKRETARIS', '2026-01-14T10:30', '2026-01-14T10:25', '2026-01-14T10:30'],
    ['done: nothing left', 'DONE', null, '2026-01-14T10:25', null],
  ])('%s', (_label, status, dueAt, now, end) => {
    const got = projectedSopEnd(cal, { status, dueAt: dueAt ? wib(dueAt) : null }, wib(now));
    expect(got?.toISOString() ?? null).toBe(end ? wib(end).toISOString() : null);
  });
});

describe('scheduleWarning', () => {
  const registered = { status: 'AT_SEKRETARIS' as const, dueAt: wib('2026-01-08T10:05') };
  const now = wib('2026-01-08T10:00');

  it.each<[string, string | null, boolean, boolean]>([
    ['no deadline', null, false, false],
    ['deadline the next week', '2026-01-20T16:00', false, false],
    ['deadline exactly at the projected end', '2026-01-14T10:30', false, false],
    ['deadline one minute before the projected end', '2026-01-14T10:29', true, false],
    ['deadline on Monday', '2026-01-12T12:00', true, false],
    ['deadline already passed', '2026-01-07T16:00', true, true],
  ])('%s (deadline %s) → warning %s, passed %s', (_label, deadline, warned, passed) => {
    const w = scheduleWarning(cal, { ...registered, requesterDeadline: deadline ? wib(deadline) : null }, now);
    expect(w !== null).toBe(warned);
    if (w) {
      expect(w.projectedEndAt.toISOString()).toBe(wib('2026-01-14T10:30').toISOString());
      expect(w.deadlinePassed).toBe(passed);
    }
  });

  it('never warns once the request is done', () => {
    expect(scheduleWarning(cal, { status: 'DONE', dueAt: null, requesterDeadline: wib('2026-01-01T08:00') }, now)).toBeNull();
  });
});
