import { DEFAULT_SCALE, SIX_BAND_SCALE, categorize, scaleInForce, validateScale, type CategoryScale } from './scales';

describe('categorize with the default LKjIP scale', () => {
  it.each<[number | null, string | null]>([
    [130, 'SANGAT_BAIK'],
    [100, 'SANGAT_BAIK'],
    [91, 'SANGAT_BAIK'],
    [90.99, 'BAIK'],
    [90.5, 'BAIK'],
    [76, 'BAIK'],
    [75.99, 'CUKUP'],
    [66, 'CUKUP'],
    [65.5, 'KURANG'],
    [51, 'KURANG'],
    [50.99, 'SANGAT_KURANG'],
    [0, 'SANGAT_KURANG'],
    [-1, null],
    [null, null],
    [NaN, null],
  ])('%p → %p', (capaian, code) => {
    expect(categorize(DEFAULT_SCALE, capaian)?.code ?? null).toBe(code);
  });

  it('labels the top band Sangat Baik / Very good', () => {
    expect(categorize(DEFAULT_SCALE, 95)?.label).toEqual({ id: 'Sangat Baik', en: 'Very good' });
  });
});

describe('categorize with the six-band example', () => {
  it.each<[number, string]>([
    [100, 'MELAMPAUI_TARGET'],
    [99.99, 'SANGAT_BAIK'],
    [80, 'BAIK'],
    [10, 'SANGAT_KURANG'],
  ])('%p → %s', (capaian, code) => {
    expect(categorize(SIX_BAND_SCALE, capaian)?.code).toBe(code);
  });

  it('has six bands', () => {
    expect(SIX_BAND_SCALE.bands).toHaveLength(6);
  });
});

const scale = (over: Partial<CategoryScale>): CategoryScale => ({ ...DEFAULT_SCALE, ...over });

describe('validateScale', () => {
  it.each([
    ['default', DEFAULT_SCALE],
    ['six-band', SIX_BAND_SCALE],
  ])('accepts the shipped %s scale', (_name, s) => {
    expect(validateScale(s)).toEqual([]);
  });

  it.each<[string, CategoryScale, string[]]>([
    ['no bands', scale({ bands: [] }), ['EMPTY']],
    [
      'unsorted bands',
      scale({ bands: [DEFAULT_SCALE.bands[1]!, DEFAULT_SCALE.bands[0]!] }),
      ['UNSORTED'],
    ],
    [
      'duplicate min',
      scale({ bands: [{ min: 50, code: 'A', label: { id: 'A', en: 'A' } }, { min: 50, code: 'B', label: { id: 'B', en: 'B' } }] }),
      ['DUPLICATE_MIN'],
    ],
    [
      'duplicate code',
      scale({ bands: [{ min: 60, code: 'A', label: { id: 'A', en: 'A' } }, { min: 50, code: 'A', label: { id: 'A', en: 'A' } }] }),
      ['DUPLICATE_CODE'],
    ],
    ['bad version and date', scale({ version: 0, validFrom: '1/1/2026' }), ['VERSION', 'VALID_FROM']],
  ])('reports %s', (_name, s, codes) => {
    expect(validateScale(s).map((e) => e.split(':')[0])).toEqual(codes);
  });
});

describe('scaleInForce', () => {
  const v1 = scale({ version: 1, validFrom: '2020-01-01' });
  const v2 = scale({ version: 2, validFrom: '2026-01-01', name: 'revised' });
  const other = scale({ code: 'OTHER', version: 9, validFrom: '2000-01-01' });
  const all = [v2, other, v1];

  it.each<[string, string, CategoryScale | null]>([
    ['LKJIP_5', '2025-12-31', v1],
    ['LKJIP_5', '2026-01-01', v2],
    ['LKJIP_5', '2030-06-30', v2],
    ['LKJIP_5', '2019-12-31', null],
    ['NONE', '2026-01-01', null],
    ['OTHER', '2026-01-01', other],
  ])('%s on %s', (code, date, expected) => {
    expect(scaleInForce(all, code, date)).toBe(expected);
  });
});
