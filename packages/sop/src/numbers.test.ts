import { NUMBER_PROBLEM_MESSAGES, readNumber, type NumberLocale } from './numbers';

type Row = [raw: string, expected: number | 'empty' | 'NOT_A_NUMBER' | 'WRONG_SEPARATOR' | 'MISPLACED_SEPARATOR', ambiguousOther?: number];

// Rows become objects: with two-element rows jest would pass its `done` callback as the third argument.
const cases = (rows: Row[]) => rows.map(([raw, expected, other]) => ({ raw, expected, other }));
const check = (locale: NumberLocale) => ({ raw, expected, other: ambiguousOther }: ReturnType<typeof cases>[number]) => {
  const r = readNumber(raw, locale);
  if (expected === 'empty') return expect(r).toEqual({ kind: 'empty' });
  if (typeof expected === 'string') return expect(r).toEqual({ kind: 'invalid', problem: expected });
  expect(r).toEqual({ kind: 'number', value: expected, ambiguous: ambiguousOther !== undefined, otherValue: ambiguousOther ?? null });
};

// Indonesian: "." groups thousands, "," is the decimal mark.
const ID: Row[] = [
  ['1.250', 1250, 1.25],
  ['1,25', 1.25],
  ['1,250', 1.25, 1250],
  ['72,5', 72.5],
  ['72.5', 'WRONG_SEPARATOR'],
  ['12.34', 'WRONG_SEPARATOR'],
  ['1.25', 'WRONG_SEPARATOR'],
  ['0.250', 'WRONG_SEPARATOR'],
  ['1.2345', 'WRONG_SEPARATOR'],
  ['1234.567', 'WRONG_SEPARATOR'],
  ['1.234,5', 1234.5],
  ['1,234.5', 'MISPLACED_SEPARATOR'],
  ['1.234.567', 1234567],
  ['1.234.567,89', 1234567.89],
  ['1.000,00', 1000],
  ['100.000,5', 100000.5],
  ['1234,56', 1234.56],
  ['1234', 1234],
  ['0', 0],
  ['0,5', 0.5],
  [',5', 0.5],
  ['5,', 'MISPLACED_SEPARATOR'],
  ['1,2,3', 'MISPLACED_SEPARATOR'],
  ['1,234.567', 'MISPLACED_SEPARATOR'],
  ['-3', -3],
  ['\u22123', -3],
  ['+3', 3],
  ['-0', 0],
  ['--3', 'NOT_A_NUMBER'],
  [' 42 ', 42],
  ['1 250', 1250],
  ['1\u00a0250,5', 1250.5],
  ['12 34', 'WRONG_SEPARATOR'],
  ['Rp 1.250.000', 1250000],
  ['rp1.500', 1500, 1.5],
  ['85%', 85],
  ['85,5 %', 85.5],
  ['%', 'NOT_A_NUMBER'],
  ['', 'empty'],
  ['   ', 'empty'],
  ['abc', 'NOT_A_NUMBER'],
  ['7a', 'NOT_A_NUMBER'],
  ['1e5', 'NOT_A_NUMBER'],
  ['.', 'NOT_A_NUMBER'],
  [`${'9'.repeat(400)}`, 'NOT_A_NUMBER'],
];

// English: "," groups thousands, "." is the decimal mark.
const EN: Row[] = [
  ['1,250', 1250, 1.25],
  ['1.25', 1.25],
  ['1.250', 1.25, 1250],
  ['72.5', 72.5],
  ['72,5', 'WRONG_SEPARATOR'],
  ['12,34', 'WRONG_SEPARATOR'],
  ['0,250', 'WRONG_SEPARATOR'],
  ['1,2345', 'WRONG_SEPARATOR'],
  ['1234,567', 'WRONG_SEPARATOR'],
  ['1,234.5', 1234.5],
  ['1.234,5', 'MISPLACED_SEPARATOR'],
  ['1,234,567', 1234567],
  ['1,234,567.89', 1234567.89],
  ['1,000.00', 1000],
  ['1234.56', 1234.56],
  ['1234', 1234],
  ['0', 0],
  ['0.5', 0.5],
  ['.5', 0.5],
  ['5.', 'MISPLACED_SEPARATOR'],
  ['1.2.3', 'MISPLACED_SEPARATOR'],
  ['-3', -3],
  ['\u22122.5', -2.5],
  ['+3', 3],
  ['--3', 'NOT_A_NUMBER'],
  [' 42 ', 42],
  ['1 250', 1250],
  ['1\u202f250.5', 1250.5],
  ['Rp 1,250,000', 1250000],
  ['85%', 85],
  ['', 'empty'],
  ['abc', 'NOT_A_NUMBER'],
  ['7a', 'NOT_A_NUMBER'],
  ['1e5', 'NOT_A_NUMBER'],
  [',', 'NOT_A_NUMBER'],
];

describe('readNumber in Indonesian', () => {
  it.each(cases(ID))('$raw → $expected (other reading: $other)', check('id'));
});

describe('readNumber in English', () => {
  it.each(cases(EN))('$raw → $expected (other reading: $other)', check('en'));
});

describe('the two conventions mirror each other', () => {
  // Swapping "." and "," in an Indonesian text gives the English text of the same number.
  const swap = (s: string) => s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
  it.each(cases(ID).filter(({ raw }) => /[.,]/.test(raw)))('$raw', ({ raw }) => {
    const id = readNumber(raw, 'id');
    const en = readNumber(swap(raw), 'en');
    expect(en.kind).toBe(id.kind);
    if (id.kind === 'number' && en.kind === 'number') expect(en.value).toBe(id.value);
  });
});

it('has a message in both languages for every problem', () => {
  for (const m of Object.values(NUMBER_PROBLEM_MESSAGES)) {
    expect(m.id).toMatch(/\S/);
    expect(m.en).toMatch(/\S/);
    expect(m.id).not.toBe(m.en);
  }
});
