import { makeCalendar, stepTiming } from './calendar';
import { checkRequestTransition, REQUEST_TRANSITIONS, statusOfStep } from './state-machine';
import { getStep, isDocumentKind, SOP_STEPS } from './steps';

/** A local WIB time, written the way an office clock shows it. */
const wib = (s: string) => new Date(`${s}:00+07:00`);
const cal = makeCalendar();

describe('SOP steps', () => {
  it('add up to the SOP total of 4 working days and 30 minutes', () => {
    const minutes = SOP_STEPS.reduce((a, s) => a + ('minutes' in s.standardTime ? s.standardTime.minutes : 0), 0);
    const days = SOP_STEPS.reduce((a, s) => a + ('workingDays' in s.standardTime ? s.standardTime.workingDays : 0), 0);
    expect({ minutes, days }).toEqual({ minutes: 30, days: 4 });
  });

  /**
   * What each step's standard time yields, hand-worked on the 2026 calendar (office hours
   * Mon–Fri 08:00–16:00 WIB): every step starts on Thursday 8 January 2026 at 15:58, two minutes
   * before closing, so the minute standards run into Friday morning and the day standards over
   * the weekend (Mon 12 Jan is a working day).
   */
  it.each<[number, string, number]>([
    [1, '2026-01-09T08:03', 5], // 5 minutes: 2 on Thursday, 3 on Friday
    [2, '2026-01-09T08:03', 5],
    [3, '2026-01-09T08:08', 10], // 10 minutes: 2 + 8
    [4, '2026-01-12T15:58', 960], // 2 working days: Friday, then Monday at the same clock time (2 + 480 + 478)
    [5, '2026-01-09T15:58', 480], // 1 working day (2 + 478)
    [6, '2026-01-09T15:58', 480],
    [7, '2026-01-09T08:08', 10],
  ])('step %i started Thursday 15:58 is due %s (%i office minutes later)', (no, due, minutes) => {
    const t = stepTiming(cal, wib('2026-01-08T15:58'), getStep(no).standardTime, null, wib('2026-01-08T15:58'));
    expect(t.dueAt.toISOString()).toBe(wib(due).toISOString());
    expect(t.standardWorkingMinutes).toBe(minutes);
    expect(t.overdue).toBe(false);
  });

  it('step 4 started on the Wednesday before Isra Mikraj runs over the holiday and the weekend', () => {
    const t = stepTiming(cal, wib('2026-01-14T10:00'), getStep(4).standardTime, wib('2026-01-19T10:01'), wib('2026-01-20T08:00'));
    expect(t.dueAt.toISOString()).toBe(wib('2026-01-19T10:00').toISOString());
    expect({ overdue: t.overdue, overdueWorkingMinutes: t.overdueWorkingMinutes }).toEqual({ overdue: true, overdueWorkingMinutes: 1 });
  });

  it.each(SOP_STEPS.map((s) => [s.no, s.code]))('step %i (%s) can be completed by its lead actor, by the transition of its status', (no) => {
    const step = getStep(no);
    const t = REQUEST_TRANSITIONS.find((x) => x.step === no && x.from === statusOfStep(step.no));
    expect(t).toBeDefined();
    const check = checkRequestTransition(t!.from, t!.action, [step.actors[0]!], { submissions: [{ status: 'ACCEPTED' }], hasAnalysis: true });
    expect(check.ok).toBe(true);
  });

  it.each([[0], [8], [1.5], [-1], [NaN]])('getStep(%p) throws', (no) => {
    expect(() => getStep(no)).toThrow(RangeError);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(SOP_STEPS)).toBe(true);
  });

  it.each([
    ['LHP', true],
    ['TL_HP', true],
    ['OTHER', true],
    ['lhp', false],
    ['TL HP', false],
    ['toString', false],
    ['', false],
    [7, false],
  ])('isDocumentKind(%p) is %p', (value, expected) => {
    expect(isDocumentKind(value)).toBe(expected);
  });
});
