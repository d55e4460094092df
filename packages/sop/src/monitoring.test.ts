import { makeCalendar } from './calendar';
import {
  checkMonitoringComplete,
  checkMonitoringDraft,
  completingRole,
  monitoringMonths,
  monitoringPeriodLabel,
  monitoringRange,
  percentile,
  semesterOf,
  stepFactsText,
  summarizeBidang,
  summarizeSteps,
  workingDurationLabel,
  type MonitoringPeriod,
  type StepRun,
} from './monitoring';
import type { Role } from './roles';
import type { StepNo } from './steps';

// Mon–Fri 08:00–16:00 WIB, no holidays: hand-countable working minutes.
const cal = makeCalendar({ holidays: ['2026-02-17'] });
const wib = (local: string) => new Date(`${local}+07:00`);

describe('percentile (PERCENTILE.INC: rank = p/100 × (n − 1), linear between neighbours)', () => {
  it.each<[number[], number, number | null]>([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 90, 7],
    [[1, 2], 50, 1.5],
    [[3, 1, 2], 50, 2],
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 90, 3.7], // rank 2.7 → 3 + 0.7 × 1
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 91], // rank 8.1 → 90 + 0.1 × 10
    [[5, 5, 5, 60], 90, 43.5], // rank 2.7 → 5 + 0.7 × 55
    [[4, 8], 0, 4],
    [[4, 8], 100, 8],
  ])('%j at %d → %j', (values, p, expected) => {
    const got = percentile(values, p);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
  it('refuses a percentile outside 0–100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it.each<[MonitoringPeriod, string, string, string, number]>([
    [{ year: 2026, semester: 1 }, 'Semester I 2026', '2025-12-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z', 6],
    [{ year: 2026, semester: 2 }, 'Semester II 2026', '2026-06-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 6],
    [{ year: 2026, semester: null }, 'Tahun 2026', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 12],
  ])('%j is %s, [%s, %s), %d months', (p, label, from, to, months) => {
    expect(monitoringPeriodLabel(p)).toBe(label);
    const r = monitoringRange(p, 420);
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual([from, to]);
    expect(monitoringMonths(p)).toHaveLength(months);
  });
  it.each<[string, MonitoringPeriod]>([
    ['2026-06-30T23:59:00+07:00', { year: 2026, semester: 1 }],
    ['2026-07-01T00:30:00+07:00', { year: 2026, semester: 2 }], // still 30 June in UTC
    ['2027-01-01T06:00:00+07:00', { year: 2027, semester: 1 }],
  ])('%s is in %j (local time)', (at, p) => {
    expect(semesterOf(new Date(at), 420)).toEqual(p);
  });
});

describe('completingRole', () => {
  it.each<[StepNo, Role[], Role]>([
    [1, ['SEKRETARIS'], 'SEKRETARIS'],
    [3, ['KASUBBAG'], 'KASUBBAG'], // the Kasubbag covering for the Penyusun
    [3, ['PENYUSUN', 'KASUBBAG'], 'PENYUSUN'],
    [4, ['PENYUSUN'], 'PENYUSUN'],
    [7, ['SEKRETARIS'], 'SEKRETARIS'],
    [2, [], 'KASUBBAG'], // unknown completer: the step's own role
  ])('step %d completed by %j counts as %s', (step, roles, role) => {
    expect(completingRole(step, roles)).toBe(role);
  });
});

const run = (step: StepNo, start: string, due: string, done: string | null, roles: Role[] = []): StepRun => ({
  step,
  startedAt: wib(start),
  dueAt: wib(due),
  completedAt: done ? wib(done) : null,
  completerRoles: roles,
});

describe('summarizeSteps', () => {
  const months = monitoringMonths({ year: 2026, semester: 1 });
  const runs: StepRun[] = [
    // Step 1 (5 minutes): 3, 4 on time; 20 minutes (15 past due); 65 minutes over the night (60 past due).
    run(1, '2026-01-05T09:00:00', '2026-01-05T09:05:00', '2026-01-05T09:03:00', ['SEKRETARIS']),
    run(1, '2026-01-12T10:00:00', '2026-01-12T10:05:00', '2026-01-12T10:04:00', ['SEKRETARIS']),
    run(1, '2026-02-02T08:00:00', '2026-02-02T08:05:00', '2026-02-02T08:20:00', ['SEKRETARIS']),
    run(1, '2026-02-16T15:00:00', '2026-02-16T15:05:00', '2026-02-18T08:05:00', ['SEKRETARIS']), // 17 Feb is a holiday
    // Step 3: once late by the Kasubbag covering, once open and overdue, once open within time.
    run(3, '2026-01-05T09:10:00', '2026-01-05T09:20:00', '2026-01-05T09:50:00', ['KASUBBAG']),
    run(3, '2026-03-02T09:00:00', '2026-03-02T09:10:00', null),
    run(3, '2026-03-02T11:00:00', '2026-03-02T11:10:00', null),
    // Step 4 (2 days): 1 day 1 hour on time (540 min) — Friday to Monday.
    run(4, '2026-01-09T15:00:00', '2026-01-13T15:00:00', '2026-01-12T16:00:00', ['PENYUSUN']),
  ];
  const now = wib('2026-03-02T11:05:00');
  const s = summarizeSteps(cal, runs, months, now);

  it('counts, standard, median, p90 and lateness per step, recomputed by hand', () => {
    // actual step-1 minutes: 3, 4, 20, 65 (15:00–16:00 on the 16th, 08:00–08:05 on the 18th)
    expect(s[0]).toEqual(expect.objectContaining({
      step: 1, standardMinutes: 5, runs: 4, open: 0, openOverdue: 0,
      medianMinutes: 12, // (4 + 20) / 2
      p90Minutes: 51.5, // rank 2.7 → 20 + 0.7 × 45
      late: 2, lateSharePercent: 50,
      lateMedianMinutes: 37.5, // (15 + 60) / 2
      lateMaxMinutes: 60,
      lateByRole: [{ role: 'SEKRETARIS', count: 2 }],
    }));
    expect(s[2]).toEqual(expect.objectContaining({ step: 3, standardMinutes: 10, runs: 1, open: 2, openOverdue: 1, medianMinutes: 40, late: 1, lateMaxMinutes: 30, lateByRole: [{ role: 'KASUBBAG', count: 1 }] }));
    expect(s[3]).toEqual(expect.objectContaining({ step: 4, standardMinutes: 960, runs: 1, medianMinutes: 540, p90Minutes: 540, late: 0, lateSharePercent: 0, lateMedianMinutes: null, lateMaxMinutes: null, lateByRole: [] }));
    expect(s[1]).toEqual(expect.objectContaining({ step: 2, standardMinutes: 5, runs: 0, medianMinutes: null, p90Minutes: null, lateSharePercent: null }));
    expect(s.map((x) => x.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives a monthly median per step for the chart', () => {
    expect(s[0]!.monthly.map((m) => [m.month, m.runs, m.medianMinutes])).toEqual([
      ['2026-01', 2, 3.5],
      ['2026-02', 2, 42.5],
      ['2026-03', 0, null],
      ['2026-04', 0, null],
      ['2026-05', 0, null],
      ['2026-06', 0, null],
    ]);
  });

  it('writes the facts in words, without a judgement', () => {
    expect(stepFactsText(s[0]!)).toBe(
      'Standar 5 menit. Dilaksanakan 4 kali; median 12 menit, persentil 90 52 menit. Terlambat 2 kali (50%), median 38 menit, paling lama 1 jam lewat batas; oleh Sekretaris Dinas 2 kali.',
    );
    expect(stepFactsText(s[2]!)).toContain('Masih berjalan 2, 1 di antaranya melewati batas.');
    expect(stepFactsText(s[1]!)).toBe('Standar 5 menit. Belum ada pelaksanaan yang selesai dalam periode ini.');
  });
});

describe('workingDurationLabel', () => {
  it.each<[number | null, string]>([
    [null, '–'],
    [0, '0 menit'],
    [59.6, '1 jam'],
    [125, '2 jam 5 menit'],
    [480, '1 hari'],
    [1030, '2 hari 1 jam 10 menit'],
  ])('%j → %s', (m, label) => expect(workingDurationLabel(m)).toBe(label));
});

describe('summarizeBidang', () => {
  it('counts hand-ins, late first hand-ins and returns per Bidang', () => {
    const due = wib('2026-01-13T15:00:00');
    expect(summarizeBidang([
      { bidangId: 'A', dueAt: due, firstSubmittedAt: wib('2026-01-12T10:00:00'), returns: 1 },
      { bidangId: 'A', dueAt: due, firstSubmittedAt: wib('2026-01-14T10:00:00'), returns: 0 },
      { bidangId: 'B', dueAt: due, firstSubmittedAt: null, returns: 0 },
      { bidangId: 'B', dueAt: null, firstSubmittedAt: null, returns: 2 },
    ])).toEqual([
      { bidangId: 'A', requests: 2, handedIn: 2, late: 1, returns: 1 },
      { bidangId: 'B', requests: 2, handedIn: 0, late: 0, returns: 2 },
    ]);
  });
});

describe('the form', () => {
  const full = [1, 2, 3, 4, 5, 6, 7].map((step) => ({ step, assessment: 'RUNS_WELL' as const, note: null, action: null }));
  const yes = [1, 2, 3, 4, 5, 6, 7].map((no) => ({ no, answer: true }));
  it('a complete form has no problem', () => {
    expect(checkMonitoringComplete(full, yes)).toEqual([]);
    expect(checkMonitoringDraft(full, yes)).toEqual([]);
  });
  it.each<[string, Parameters<typeof checkMonitoringComplete>[0], Parameters<typeof checkMonitoringComplete>[1], string[]]>([
    ['a step not judged', full.filter((r) => r.step !== 4), yes, ['rows.4.assessment']],
    ['not running well without an action', full.map((r) => (r.step === 2 ? { ...r, assessment: 'NOT_RUNNING_WELL' as const, action: '  ' } : r)), yes, ['rows.2.action']],
    ['a question unanswered', full, yes.map((a) => (a.no === 7 ? { ...a, answer: null as unknown as boolean } : a)), ['answers.7']],
  ])('paraf refused: %s', (_name, rows, answers, fields) => {
    expect(checkMonitoringComplete(rows, answers).map((p) => p.field)).toEqual(fields);
  });
  it.each<[string, Parameters<typeof checkMonitoringDraft>[0], Parameters<typeof checkMonitoringDraft>[1], string[]]>([
    ['step 8', [{ step: 8, assessment: null, note: null, action: null }], [], ['rows.0.step']],
    ['a step twice', [full[0]!, full[0]!], [], ['rows.1.step']],
    ['a note too long', [{ ...full[0]!, note: 'x'.repeat(1001) }], [], ['rows.0.note']],
    ['question 8', [], [{ no: 8, answer: true }], ['answers.0.no']],
  ])('draft refused: %s', (_name, rows, answers, fields) => {
    expect(checkMonitoringDraft(rows, answers).map((p) => p.field)).toEqual(fields);
  });
});
