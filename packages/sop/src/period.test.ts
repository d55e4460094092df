import { periodLabel, previousPeriod, samePeriodLastYear, triwulanOfDate, validatePeriod, type Period } from './period';

describe('periodLabel', () => {
  it.each<[Period, 'id' | 'en', string]>([
    [{ year: 2026, triwulan: 1 }, 'id', 'Triwulan I 2026'],
    [{ year: 2026, triwulan: 4 }, 'id', 'Triwulan IV 2026'],
    [{ year: 2026, triwulan: null }, 'id', 'Tahun 2026'],
    [{ year: 2026, triwulan: 3 }, 'en', 'Q3 2026'],
    [{ year: 2026, triwulan: null }, 'en', 'Year 2026'],
  ])('%j in %s → %s', (p, lang, label) => {
    expect(periodLabel(p, lang)).toBe(label);
  });

  it('speaks Indonesian by default', () => {
    expect(periodLabel({ year: 2027, triwulan: 2 })).toBe('Triwulan II 2027');
  });
});

describe('triwulanOfDate', () => {
  it.each<[string, number, number]>([
    ['2026-01-01T00:00:00+07:00', 420, 1],
    ['2026-03-31T23:30:00+07:00', 420, 1],
    ['2026-04-01T01:00:00+07:00', 420, 2], // still 31 March in UTC
    ['2026-04-01T01:00:00+07:00', 0, 1],
    ['2026-07-01T00:00:00+07:00', 420, 3],
    ['2026-12-31T23:59:00+07:00', 420, 4],
    ['2026-09-30T23:30:00+08:00', 480, 3],
    ['2026-10-01T00:30:00+09:00', 540, 4],
  ])('%s at UTC%+i min → Triwulan %i', (iso, offset, tw) => {
    expect(triwulanOfDate(new Date(iso), offset)).toBe(tw);
  });

  it('defaults to WIB', () => {
    expect(triwulanOfDate(new Date('2026-06-30T17:30:00Z'))).toBe(3);
  });
});

describe('period arithmetic', () => {
  it.each<[Period, Period]>([
    [{ year: 2026, triwulan: 3 }, { year: 2026, triwulan: 2 }],
    [{ year: 2026, triwulan: 1 }, { year: 2025, triwulan: 4 }],
    [{ year: 2026, triwulan: null }, { year: 2025, triwulan: null }],
  ])('previousPeriod(%j) = %j', (p, expected) => {
    expect(previousPeriod(p)).toEqual(expected);
  });

  it.each<[Period, Period]>([
    [{ year: 2026, triwulan: 2 }, { year: 2025, triwulan: 2 }],
    [{ year: 2026, triwulan: null }, { year: 2025, triwulan: null }],
  ])('samePeriodLastYear(%j) = %j', (p, expected) => {
    expect(samePeriodLastYear(p)).toEqual(expected);
  });
});

describe('validatePeriod', () => {
  it.each<[unknown, boolean]>([
    [{ year: 2026, triwulan: 1 }, true],
    [{ year: 2026, triwulan: null }, true],
    [{ year: 2000, triwulan: 4 }, true],
    [{ year: 2100, triwulan: null }, true],
    [{ year: 1999, triwulan: 1 }, false],
    [{ year: 2101, triwulan: 1 }, false],
    [{ year: 2026.5, triwulan: 1 }, false],
    [{ year: '2026', triwulan: 1 }, false],
    [{ year: 2026, triwulan: 5 }, false],
    [{ year: 2026, triwulan: 0 }, false],
    [{ year: 2026 }, false],
    [null, false],
    ['2026', false],
  ])('%j → %p', (p, ok) => {
    expect(validatePeriod(p)).toBe(ok);
  });
});
