import { averageWithCap } from './capaian';
import {
  checkIndicatorValue,
  isFarAboveTarget,
  requestTarget,
  targetForPeriod,
  valueKindOf,
  type IndicatorValueRules,
  type TargetMode,
  type ValueKind,
  type ValueProblem,
} from './indicator-values';
import type { Period } from './period';
import { capLabel, cappedCapaian, DEFAULT_SCALE, validateScale } from './scales';

describe('valueKindOf', () => {
  it.each<[string, ValueKind]>([
    ['%', 'PERCENTAGE'],
    ['persen', 'PERCENTAGE'],
    ['Persentase', 'PERCENTAGE'],
    ['% desa', 'PERCENTAGE'],
    ['Rp', 'MONEY'],
    ['Rp juta', 'MONEY'],
    ['rupiah', 'MONEY'],
    ['Juta Rupiah', 'MONEY'],
    ['orang', 'COUNT'],
    ['Orang', 'COUNT'],
    ['desa', 'COUNT'],
    ['Desa/Kelurahan', 'COUNT'],
    ['BUMDes', 'COUNT'],
    ['dokumen', 'COUNT'],
    ['temuan', 'COUNT'],
    ['kali', 'COUNT'],
    ['unit', 'COUNT'],
    ['indeks', 'INDEX'],
    ['Nilai', 'INDEX'],
    ['skor', 'INDEX'],
    ['rasio', 'INDEX'],
    ['predikat', 'INDEX'],
    ['hari', 'INDEX'], // not recognised: free rather than wrongly refused
    ['', 'INDEX'],
  ])('%j → %s', (satuan, kind) => {
    expect(valueKindOf(satuan)).toBe(kind);
  });
});

const count: IndicatorValueRules = { code: 'IKU-01', name: 'Jumlah BUMDes maju', satuan: 'BUMDes' };
const percent: IndicatorValueRules = { code: 'IKU-02', name: 'Persentase desa mandiri', satuan: '%' };
const percentOver: IndicatorValueRules = { ...percent, allowAbove100: true };
const money: IndicatorValueRules = { code: 'IKU-03', name: 'PADes', satuan: 'Rp' };
const index: IndicatorValueRules = { code: 'IKU-04', name: 'Indeks Desa Membangun', satuan: 'indeks' };
const explicitCount: IndicatorValueRules = { code: 'IKU-05', name: 'Pelatihan', satuan: 'hari', valueKind: 'COUNT' };
const explicitIndexOverPercent: IndicatorValueRules = { code: 'IKU-06', name: 'Pertumbuhan', satuan: '%', valueKind: 'INDEX' };

describe('checkIndicatorValue', () => {
  it.each<[string, IndicatorValueRules, number | null, ValueProblem | null]>([
    ['count 0', count, 0, null],
    ['count 1250', count, 1250, null],
    ['count −3 (the −3 temuan of the issue)', count, -3, 'NEGATIVE'],
    ['count 1.25 (the "1.250" slip)', count, 1.25, 'NOT_WHOLE'],
    ['count 2.5', count, 2.5, 'NOT_WHOLE'],
    ['percentage 0', percent, 0, null],
    ['percentage 72.5', percent, 72.5, null],
    ['percentage 100', percent, 100, null],
    ['percentage 100.01', percent, 100.01, 'ABOVE_100'],
    ['percentage 120 (the 120 % of desa)', percent, 120, 'ABOVE_100'],
    ['percentage −1', percent, -1, 'NEGATIVE'],
    ['percentage 120 where allowed', percentOver, 120, null],
    ['percentage −1 where above 100 allowed', percentOver, -1, 'NEGATIVE'],
    ['money 0', money, 0, null],
    ['money 1250000.5', money, 1250000.5, null],
    ['money 0.1 + 0.2 (binary artefact)', money, 0.1 + 0.2, null],
    ['money 10.125', money, 10.125, 'TOO_MANY_DECIMALS'],
    ['money −5', money, -5, 'NEGATIVE'],
    ['index −2.75', index, -2.75, null],
    ['index 0.6789', index, 0.6789, null],
    ['explicit COUNT over a free satuan', explicitCount, 1.5, 'NOT_WHOLE'],
    ['explicit INDEX over "%"', explicitIndexOverPercent, 180, null],
    ['not reported', count, null, null],
    ['not a number', index, Number.NaN, 'NOT_FINITE'],
  ])('%s', (_label, indicator, value, problem) => {
    expect(checkIndicatorValue(indicator, value)?.problem ?? null).toBe(problem);
  });

  it('names the indicator, its satuan and the value in both languages', () => {
    const r = checkIndicatorValue(count, -3);
    expect(r?.message.id).toBe('Realisasi indikator "IKU-01 Jumlah BUMDes maju" (BUMDes): -3 tidak mungkin — jumlah tidak boleh negatif.');
    expect(r?.message.en).toBe('Realisasi of indicator "IKU-01 Jumlah BUMDes maju" (BUMDes): -3 is impossible — a count cannot be negative.');
    expect(checkIndicatorValue(percent, 126.32, { id: 'Target', en: 'Target' })?.message.id).toBe(
      'Target indikator "IKU-02 Persentase desa mandiri" (%): 126,32 tidak mungkin — persentase paling tinggi 100.',
    );
  });
});

const t = (year: number, triwulan: number, target: number) => ({ year, triwulan, target, targetUpper: null });
const full = [t(2026, 0, 100), t(2026, 1, 20), t(2026, 2, 50), t(2026, 3, 75), t(2026, 4, 95), t(2025, 0, 80), t(2025, 4, 70)];
const noYear = [t(2026, 1, 20), t(2026, 4, 95)];
const onlyYear = [t(2026, 0, 100)];
const p = (year: number, triwulan: Period['triwulan']): Period => ({ year, triwulan });

describe('targetForPeriod', () => {
  it.each<[string, typeof full, Period, TargetMode, number | null]>([
    ['year: the PK target, not Triwulan IV', full, p(2026, null), 'CUMULATIVE', 100],
    ['year: the PK target, per quarter too', full, p(2026, null), 'PER_QUARTER', 100],
    ['year without PK, cumulative: Triwulan IV is the year', noYear, p(2026, null), 'CUMULATIVE', 95],
    ['year without PK, per quarter: none', noYear, p(2026, null), 'PER_QUARTER', null],
    ['Triwulan I: its own', full, p(2026, 1), 'CUMULATIVE', 20],
    ['Triwulan IV: its own even with a PK target', full, p(2026, 4), 'CUMULATIVE', 95],
    ['Triwulan IV without one, cumulative: the year', onlyYear, p(2026, 4), 'CUMULATIVE', 100],
    ['Triwulan IV without one, per quarter: none', onlyYear, p(2026, 4), 'PER_QUARTER', null],
    ['Triwulan II without one: none (never the year)', onlyYear, p(2026, 2), 'CUMULATIVE', null],
    ['another year: its own', full, p(2025, null), 'CUMULATIVE', 80],
    ['a year with no targets', full, p(2027, null), 'CUMULATIVE', null],
  ])('%s', (_label, targets, period, mode, expected) => {
    expect(targetForPeriod(targets, period, mode)?.target ?? null).toBe(expected);
  });
});

describe('requestTarget', () => {
  it.each<[string, Parameters<typeof requestTarget>[0], number | null, boolean]>([
    ['frozen wins over the master target', { target: 7, targetUpper: null, targetFrozenAt: new Date('2026-05-01') }, 7, true],
    ['frozen as "no target" stays without one', { target: null, targetUpper: null, targetFrozenAt: '2026-05-01T00:00:00Z' }, null, true],
    ['not frozen yet: the master target', { target: 7, targetUpper: null, targetFrozenAt: null }, 100, false],
    ['no frozen row: the master target', null, 100, false],
  ])('%s', (_label, frozen, target, isFrozen) => {
    expect(requestTarget(frozen, full, p(2026, null), 'CUMULATIVE')).toEqual({ target, targetUpper: null, frozen: isFrozen });
  });
});

describe('caps', () => {
  it.each<[string, number | null | undefined, (number | null)[], number | null, number | null]>([
    ['no cap: one indicator at 180 lifts the office', null, [180, 60, 60], 100, 100],
    ['cap 100', 100, [180, 60, 60], 73.33, 100],
    ['cap 120', 120, [180, 60, 60], 80, 100],
    ['cap 110.5', 110.5, [180, 60], 85.25, 120],
    ['under the cap nothing changes', 120, [90, 80], 85, 85],
    ['missing values are ignored', 100, [null, 150, 50], 75, 100],
    ['nothing known', 100, [null], null, null],
  ])('%s', (_label, cap, values, average, uncapped) => {
    expect(averageWithCap(values, cap)).toEqual({ average, averageUncapped: uncapped });
  });

  it.each<[number | null | undefined, number | null, number | null]>([
    [null, 180, 180],
    [undefined, 180, 180],
    [120, 180, 120],
    [120, 119.99, 119.99],
    [100, null, null],
  ])('cap %s: %s counts as %s', (cap, value, expected) => {
    expect(cappedCapaian({ cap }, value)).toBe(expected);
  });

  it.each<[number | null, string[]]>([
    [null, []],
    [100, []],
    [120, []],
    [99, ['CAP: the cap must be none or a number from 100 to 1000']],
    [Number.POSITIVE_INFINITY, ['CAP: the cap must be none or a number from 100 to 1000']],
  ])('validateScale with cap %s', (cap, errors) => {
    expect(validateScale({ ...DEFAULT_SCALE, cap })).toEqual(errors);
  });

  it.each<[number | null, 'id' | 'en', string]>([
    [null, 'id', 'tanpa batas atas'],
    [120, 'id', 'dibatasi 120%'],
    [110.5, 'id', 'dibatasi 110,5%'],
    [100, 'en', 'capped at 100%'],
  ])('capLabel(%s, %s)', (cap, lang, label) => {
    expect(capLabel({ cap }, lang)).toBe(label);
  });
});

describe('isFarAboveTarget', () => {
  it.each<[number | null, boolean]>([
    [150, false],
    [150.01, true],
    [215, true],
    [null, false],
  ])('%s → %s', (capaian, flagged) => {
    expect(isFarAboveTarget(capaian)).toBe(flagged);
  });
});
