import {
  completenessPercent,
  EMPTY_COUNTS,
  leagueOrder,
  measuresOf,
  measureValue,
  pemdaPoint,
  periodKey,
  rankValues,
  ROLLUP_READERS,
  timelinessPercent,
  trendPeriods,
  type OfficePeriodCounts,
} from './rollup';

const counts = (c: Partial<OfficePeriodCounts>): OfficePeriodCounts => ({ ...EMPTY_COUNTS, ...c });

describe('timeliness: steps on time among the steps decided', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null], // nothing decided yet: no figure, not 0 %
    [7, 0, 100],
    [0, 3, 0],
    [6, 1, 85.71], // 6/7 = 85.714… → two decimals
    [1, 2, 33.33],
    [2, 1, 66.67],
  ])('%i on time, %i late → %s', (stepsOnTime, stepsLate, expected) => {
    expect(timelinessPercent({ stepsOnTime, stepsLate })).toBe(expected);
  });
});

describe('completeness: Bidang handed in among the Bidang asked (a waived Bidang is not handed in)', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 100],
    [2, 3, 66.67],
  ])('%i of %i → %s', (bidangHandedIn, bidangAsked, expected) => {
    expect(completenessPercent({ bidangHandedIn, bidangAsked })).toBe(expected);
  });
});

describe('rankValues: competition ranking, higher first, no value = no rank', () => {
  it.each<[(number | null)[], (number | null)[]]>([
    [[], []],
    [[80], [1]],
    [[70, 90, 80], [3, 1, 2]],
    [[90, 80, 90, 70], [1, 3, 1, 4]], // "1, 1, 3, 4": the tie shares a rank, the next skips
    [[null, 50, null], [null, 1, null]],
    [[0, null], [1, null]], // 0 % is a value and ranks; null is no value
  ])('%j → %j', (values, ranks) => {
    expect(rankValues(values)).toEqual(ranks);
  });
});

it('leagueOrder: by rank, unranked last, equal ranks by name (Indonesian collation)', () => {
  const rows = [
    { name: 'Dinas Pendidikan', rank: 2 },
    { name: 'Bappeda', rank: null },
    { name: 'Dinas Kesehatan', rank: 1 },
    { name: 'dinas Koperasi', rank: 2 },
    { name: 'Arsip', rank: null },
  ];
  expect(leagueOrder(rows).map((r) => r.name)).toEqual(['Dinas Kesehatan', 'dinas Koperasi', 'Dinas Pendidikan', 'Arsip', 'Bappeda']);
});

it('measuresOf rounds the stored capaian to two decimals and keeps null as null', () => {
  expect(measuresOf(counts({ capaian: 87.456, stepsOnTime: 6, stepsLate: 1, bidangAsked: 3, bidangHandedIn: 2 }))).toEqual({ capaian: 87.46, timeliness: 85.71, completeness: 66.67 });
  const none = measuresOf(counts({ requests: 1, stepsOpen: 1 }));
  expect(none).toEqual({ capaian: null, timeliness: null, completeness: null });
  expect([measureValue({ capaian: 1, timeliness: 2, completeness: 3 }, 'CAPAIAN'), measureValue({ capaian: 1, timeliness: 2, completeness: 3 }, 'TIMELINESS'), measureValue({ capaian: 1, timeliness: 2, completeness: 3 }, 'COMPLETENESS')]).toEqual([1, 2, 3]);
});

it('pemdaPoint: capaian averaged over the offices that have one (each office weighs one), steps and Bidang pooled', () => {
  const p = pemdaPoint([
    counts({ requests: 1, requestsDone: 1, capaian: 90, stepsOnTime: 7, stepsLate: 0, bidangAsked: 2, bidangHandedIn: 2 }),
    counts({ requests: 2, requestsDone: 1, capaian: 75.5, stepsOnTime: 5, stepsLate: 3, bidangAsked: 6, bidangHandedIn: 4 }),
    counts({ requests: 1, stepsLate: 1, bidangAsked: 3 }), // asked, did not start: late step 1, nothing handed in
    counts({}), // not asked at all
  ]);
  expect(p).toEqual({
    averageCapaian: 82.75, // (90 + 75.5) / 2
    officesWithCapaian: 2,
    officesAsked: 3,
    timeliness: 75, // 12 / (12 + 4)
    completeness: 54.55, // 6 / 11
    stepsOnTime: 12,
    stepsLate: 4,
    bidangAsked: 11,
    bidangHandedIn: 6,
  });
  expect(pemdaPoint([])).toMatchObject({ averageCapaian: null, officesWithCapaian: 0, timeliness: null, completeness: null });
});

it('trendPeriods: five years back, Triwulan I–IV then the whole year, oldest first', () => {
  const t = trendPeriods(2026);
  expect(t).toHaveLength(25);
  expect(t.slice(0, 5).map((p) => p.label)).toEqual(['Triwulan I 2022', 'Triwulan II 2022', 'Triwulan III 2022', 'Triwulan IV 2022', 'Tahun 2022']);
  expect(t.at(-1)).toEqual({ year: 2026, triwulan: null, label: 'Tahun 2026' });
  expect(trendPeriods(2026, 1).map((p) => periodKey(p.year, p.triwulan))).toEqual(['2026-1', '2026-2', '2026-3', '2026-4', '2026-0']);
});

it('the rollup is read by the pemda roles only', () => {
  expect([...ROLLUP_READERS].sort()).toEqual(['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER']);
});
