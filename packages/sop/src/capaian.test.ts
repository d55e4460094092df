import { averageCapaian, computeCapaian, roundCapaian, type CapaianInput, type CapaianResult } from './capaian';

const higher = (target: number | null, realisasi: number | null): CapaianInput => ({ polarity: 'HIGHER_IS_BETTER', target, realisasi });
const lower = (target: number | null, realisasi: number | null): CapaianInput => ({ polarity: 'LOWER_IS_BETTER', target, realisasi });
const range = (lo: number | null, hi: number | null | undefined, realisasi: number | null): CapaianInput => ({
  polarity: 'RANGE',
  target: lo,
  targetUpper: hi,
  realisasi,
});

describe('computeCapaian', () => {
  it.each<[string, CapaianInput, CapaianResult]>([
    // higher is better: r / t × 100
    ['higher, under target', higher(100, 80), { value: 80, status: 'OK' }],
    ['higher, on target', higher(100, 100), { value: 100, status: 'OK' }],
    ['higher, over-achieved (no cap)', higher(100, 120), { value: 120, status: 'OK' }],
    ['higher, rounded down', higher(3, 1), { value: 33.33, status: 'OK' }],
    ['higher, rounded up', higher(3, 2), { value: 66.67, status: 'OK' }],
    ['higher, realisasi 0 is a real 0', higher(50, 0), { value: 0, status: 'OK' }],
    ['higher, negative realisasi clamps', higher(10, -5), { value: 0, status: 'CLAMPED' }],
    // lower is better: (2t − r) / t × 100
    ['lower, better than target', lower(10, 8), { value: 120, status: 'OK' }],
    ['lower, worse than target', lower(10, 12), { value: 80, status: 'OK' }],
    ['lower, exactly double the target is 0', lower(10, 20), { value: 0, status: 'OK' }],
    ['lower, more than double clamps to 0', lower(10, 25), { value: 0, status: 'CLAMPED' }],
    ['lower, realisasi 0', lower(4, 0), { value: 200, status: 'OK' }],
    // target 0
    ['higher, target 0 and realisasi positive', higher(0, 5), { value: 100, status: 'TARGET_ZERO' }],
    ['higher, target 0 and realisasi 0', higher(0, 0), { value: 100, status: 'TARGET_ZERO' }],
    ['higher, target 0 and realisasi negative', higher(0, -1), { value: 0, status: 'TARGET_ZERO' }],
    ['lower, target 0 (zero findings) met', lower(0, 0), { value: 100, status: 'TARGET_ZERO' }],
    ['lower, target 0 missed', lower(0, 3), { value: 0, status: 'TARGET_ZERO' }],
    // negative targets: 100 + s × (r − t) / |t| × 100
    ['higher, negative target, better', higher(-2, -1), { value: 150, status: 'OK' }],
    ['higher, negative target, worse', higher(-2, -3), { value: 50, status: 'OK' }],
    ['lower, negative target, better', lower(-2, -3), { value: 150, status: 'OK' }],
    ['lower, negative target, much worse clamps', lower(-2, 1), { value: 0, status: 'CLAMPED' }],
    // range
    ['range, inside', range(10, 20, 15), { value: 100, status: 'OK' }],
    ['range, on the lower bound', range(10, 20, 10), { value: 100, status: 'OK' }],
    ['range, on the upper bound', range(10, 20, 20), { value: 100, status: 'OK' }],
    ['range, above uses lower-is-better against upper', range(10, 20, 25), { value: 75, status: 'OK' }],
    ['range, below uses higher-is-better against lower', range(10, 20, 8), { value: 80, status: 'OK' }],
    ['range, far above clamps', range(10, 20, 50), { value: 0, status: 'CLAMPED' }],
    ['range, single point', range(5, 5, 5), { value: 100, status: 'OK' }],
    ['range, upper 0 exceeded', range(0, 0, 1), { value: 0, status: 'TARGET_ZERO' }],
    ['range, upper below lower', range(20, 10, 15), { value: null, status: 'INVALID_RANGE' }],
    ['range, no upper bound', range(10, null, 15), { value: null, status: 'MISSING_TARGET' }],
    ['range, upper bound absent', range(10, undefined, 15), { value: null, status: 'MISSING_TARGET' }],
    // missing data
    ['missing realisasi is null, not 0', higher(100, null), { value: null, status: 'MISSING_REALISASI' }],
    ['missing realisasi wins over missing target', higher(null, null), { value: null, status: 'MISSING_REALISASI' }],
    ['NaN realisasi counts as missing', higher(100, NaN), { value: null, status: 'MISSING_REALISASI' }],
    ['missing target', lower(null, 5), { value: null, status: 'MISSING_TARGET' }],
    ['infinite target counts as missing', higher(Infinity, 5), { value: null, status: 'MISSING_TARGET' }],
  ])('%s', (_name, input, expected) => {
    expect(computeCapaian(input)).toEqual(expected);
  });
});

describe('roundCapaian', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [66.666, 66.67],
    [33.334, 33.33],
    [120, 120],
    [-1.005, -1.01],
    [0, 0],
  ])('%p → %p', (x, expected) => {
    expect(roundCapaian(x)).toBe(expected);
  });
});

describe('averageCapaian', () => {
  it.each<[(number | null)[], number | null]>([
    [[80, 100], 90],
    [[80, null, 100], 90],
    [[33.333, 33.333, 33.335], 33.33],
    [[120, 60, 0], 60],
    [[], null],
    [[null, null], null],
  ])('%j → %p', (values, expected) => {
    expect(averageCapaian(values)).toBe(expected);
  });
});
