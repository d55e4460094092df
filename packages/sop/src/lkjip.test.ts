import { budgetTable, buildLkjipTable, checkBudgetRows, chooseYearSource, gatherNarrative, yearCell, type LkjipIndicatorInput } from './lkjip';
import { DEFAULT_SCALE, type CategoryScale } from './scales';

describe('chooseYearSource', () => {
  const c = (triwulan: number | null, submittedAt: string, id: string) => ({ triwulan, submittedAt, id });
  it.each([
    ['annual wins over Triwulan IV', [c(4, '2027-01-20', 'tw4'), c(null, '2027-01-10', 'annual')], 'annual'],
    ['the latest annual of two', [c(null, '2027-01-10', 'a1'), c(null, '2027-02-01', 'a2')], 'a2'],
    ['Triwulan IV without an annual', [c(3, '2026-10-20', 'tw3'), c(4, '2027-01-15', 'tw4')], 'tw4'],
    ['never an earlier Triwulan', [c(1, '2026-04-20', 'tw1'), c(3, '2026-10-20', 'tw3')], null],
    ['nothing', [], null],
  ])('%s', (_name, candidates, expected) => {
    expect(chooseYearSource(candidates)?.id ?? null).toBe(expected);
  });
});

describe('yearCell', () => {
  it.each([
    // capaian by the formulas, categories on the five-band scale (91 / 76 / 66 / 51)
    ['higher 80/100', 'HIGHER_IS_BETTER', 100, null, 80, 80, 'BAIK'],
    ['higher 91/100', 'HIGHER_IS_BETTER', 100, null, 91, 91, 'SANGAT_BAIK'],
    ['lower 12 against 10', 'LOWER_IS_BETTER', 10, null, 12, 80, 'BAIK'],
    ['range inside', 'RANGE', 70, 80, 75, 100, 'SANGAT_BAIK'],
    ['range above: lower is better against 80', 'RANGE', 70, 80, 96, 80, 'BAIK'],
    ['missing realisasi', 'HIGHER_IS_BETTER', 100, null, null, null, null],
    ['higher 50/100', 'HIGHER_IS_BETTER', 100, null, 50, 50, 'SANGAT_KURANG'],
  ] as const)('%s', (_n, polarity, target, targetUpper, realisasi, capaian, category) => {
    const cell = yearCell(DEFAULT_SCALE, polarity, 2026, { target, targetUpper, realisasi });
    expect([cell.capaian, cell.category?.code ?? null]).toEqual([capaian, category]);
  });
});

describe('buildLkjipTable', () => {
  const ind = (over: Partial<LkjipIndicatorInput>): LkjipIndicatorInput => ({
    indicatorId: 'i1', code: 'IKU-1', name: 'Persentase desa mandiri', satuan: '%', polarity: 'HIGHER_IS_BETTER', renstraTarget: 90, years: [], ...over,
  });
  const table = buildLkjipTable({
    year: 2027,
    renstraStartYear: 2025,
    renstraEndYear: 2029,
    scale: DEFAULT_SCALE,
    sasaran: [
      {
        sasaranId: 's1', code: 'S1', name: 'Meningkatnya kemandirian desa',
        indicators: [
          ind({ years: [{ year: 2025, target: 60, targetUpper: null, realisasi: 48 }, { year: 2026, target: 70, targetUpper: null, realisasi: 63 }, { year: 2027, target: 80, targetUpper: null, realisasi: 76 }] }),
          ind({ indicatorId: 'i2', code: 'IKU-2', name: 'Jumlah aduan', satuan: 'kasus', polarity: 'LOWER_IS_BETTER', renstraTarget: 5, years: [{ year: 2027, target: 10, targetUpper: null, realisasi: 12 }] }),
        ],
      },
      { sasaranId: 's2', code: 'S2', name: 'Tanpa data', indicators: [ind({ indicatorId: 'i3', code: 'IKU-3', renstraTarget: null })] },
    ],
  });

  it('numbers Sasaran and rows, and computes this year from the frozen values', () => {
    const [a, b] = table[0]!.indicators;
    expect([table[0]!.no, a!.no, b!.no, table[1]!.indicators[0]!.no]).toEqual([1, '1.1', '1.2', '2.1']);
    // 76 / 80 = 95 %; lower is better: (2 × 10 − 12) / 10 = 80 %
    expect([a!.capaian, a!.category?.code, b!.capaian, b!.category?.code]).toEqual([95, 'SANGAT_BAIK', 80, 'BAIK']);
  });

  it('compares with last year and keeps every year of the Renstra period', () => {
    const a = table[0]!.indicators[0]!;
    // 2026: 63 / 70 = 90 % → +5 points
    expect([a.lastYear?.capaian, a.differenceFromLastYear, a.trend]).toEqual([90, 5, 'UP']);
    expect(a.history.map((h) => [h.year, h.capaian])).toEqual([[2025, 80], [2026, 90], [2027, 95]]);
    // No value last year: no comparison.
    const b = table[0]!.indicators[1]!;
    expect([b.lastYear, b.differenceFromLastYear, b.history.map((h) => h.capaian)]).toEqual([null, null, [null, null, 80]]);
  });

  it('measures realisasi to date against the Renstra end-period target with the indicator formula', () => {
    const [a, b] = table[0]!.indicators;
    // 76 / 90 = 84,44 %; lower is better: (2 × 5 − 12) / 5 < 0 → clamped to 0
    expect([a!.renstraCapaian, b!.renstraCapaian, b!.renstraCapaianStatus, a!.renstraEndYear]).toEqual([84.44, 0, 'CLAMPED', 2029]);
    expect(table[1]!.indicators[0]!.renstraCapaian).toBeNull();
  });

  it('averages a Sasaran with the scale cap, and leaves a Sasaran without data empty', () => {
    expect([table[0]!.average, table[0]!.category?.code]).toEqual([87.5, 'BAIK']);
    expect([table[1]!.average, table[1]!.category]).toEqual([null, null]);
    const capped: CategoryScale = { ...DEFAULT_SCALE, cap: 100 };
    const t = buildLkjipTable({
      year: 2026, renstraStartYear: 2025, renstraEndYear: 2029, scale: capped,
      sasaran: [{ sasaranId: 's', code: 'S', name: 'S', indicators: [ind({ years: [{ year: 2026, target: 50, targetUpper: null, realisasi: 75 }] }), ind({ indicatorId: 'x', years: [{ year: 2026, target: 100, targetUpper: null, realisasi: 80 }] })] }],
    });
    // 150 capped to 100, with 80: mean 90
    expect([t[0]!.indicators[0]!.capaian, t[0]!.average]).toEqual([150, 90]);
  });
});

describe('gatherNarrative', () => {
  it('joins the Bidang texts one paragraph each, skipping the empty ones', () => {
    expect(
      gatherNarrative([
        { bidangName: 'Bidang A', achievements: ' Target tercapai. ', obstacles: null, solutions: 'Pendampingan.' },
        { bidangName: 'Bidang B', achievements: 'Pelatihan tepat waktu.', obstacles: '  ', solutions: null },
      ]),
    ).toEqual({ causes: 'Bidang A: Target tercapai.\n\nBidang B: Pelatihan tepat waktu.', obstacles: null, solutions: 'Bidang A: Pendampingan.' });
  });
});

describe('budgetTable', () => {
  it('computes the percentage per programme and the totals to the sen', () => {
    const t = budgetTable([
      { programme: 'A', pagu: 1_250_000_000, realisasi: 1_187_500_000 },
      { programme: 'B', pagu: 0.3, realisasi: 0.1 },
      { programme: 'C', pagu: 0, realisasi: 0 },
    ]);
    expect(t.rows.map((r) => r.percent)).toEqual([95, 33.33, null]);
    expect([t.totalPagu, t.totalRealisasi, t.totalPercent]).toEqual([1_250_000_000.3, 1_187_500_000.1, 95]);
  });
});

describe('checkBudgetRows', () => {
  it.each([
    ['a good row', { programme: 'Program A', pagu: 100, realisasi: 99.5 }, []],
    ['no name', { programme: ' ', pagu: 100, realisasi: 1 }, ['programme']],
    ['negative pagu', { programme: 'Program A', pagu: -1, realisasi: 0 }, ['pagu']],
    ['missing realisasi', { programme: 'Program A', pagu: 1, realisasi: null }, ['realisasi']],
    ['three decimals', { programme: 'Program A', pagu: 1.005, realisasi: 1 }, ['pagu']],
    ['realisasi above pagu', { programme: 'Program A', pagu: 100, realisasi: 101 }, ['realisasi']],
  ])('%s', (_n, row, fields) => {
    expect(checkBudgetRows([row]).map((p) => p.field)).toEqual(fields);
  });

  it('names a programme entered twice by its first row', () => {
    const p = checkBudgetRows([{ programme: 'Program A', pagu: 1, realisasi: 1 }, { programme: 'program a', pagu: 2, realisasi: 1 }]);
    expect(p).toEqual([{ index: 1, field: 'programme', id: 'Program yang sama sudah ada pada baris 1', en: 'The same programme is already on row 1' }]);
  });
});
