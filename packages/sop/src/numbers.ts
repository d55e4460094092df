/**
 * Reading a number the way the person wrote it.
 *
 * In Indonesian "1.250" is one thousand two hundred fifty and "1,25" is one and a quarter; in
 * English it is the other way round. A reader that accepts both conventions at once (as this
 * project's first one did) turns a Bidang's "1.250" into 1,25 without a word. So a number is read
 * in exactly one convention — the language the person is using — and:
 *  - a separator in a place that convention does not allow ("1.25" in Indonesian) is refused with
 *    a hint, never reinterpreted;
 *  - a text that the other convention would read differently (one separator followed by exactly
 *    three digits: "1.250", "1,250") is read in this convention and marked `ambiguous`, so the
 *    form can show what it was read as before anything is saved.
 *
 * Used by the web form, the Excel import (cells that hold text instead of numbers) and every
 * other place a person types a number.
 */

export type NumberLocale = 'id' | 'en';

export type NumberProblem =
  /** Letters, two signs, an exponent, … */
  | 'NOT_A_NUMBER'
  /** The decimal mark of the other convention, or a group separator with a group that is not three digits. */
  | 'WRONG_SEPARATOR'
  /** More than one decimal mark, or a group separator after the decimal mark. */
  | 'MISPLACED_SEPARATOR';

export type NumberReading =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: number;
      /** The other convention reads the same text as a different number (`otherValue`). */
      ambiguous: boolean;
      otherValue: number | null;
    }
  | { kind: 'invalid'; problem: NumberProblem };

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Spaces people and spreadsheets put between groups: space, no-break space, narrow no-break space. */
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads `raw` in the convention of `locale`. Accepts a sign (+, -, or the minus sign U+2212),
 * grouping by the group separator or by spaces (groups of three after the first), a decimal mark,
 * a leading "Rp" and a trailing "%" (they change nothing: the unit is the indicator's satuan).
 */
export function readNumber(raw: string, locale: NumberLocale): NumberReading {
  const text = raw.trim().replace(/^rp\.?/i, '').replace(/%$/, '').trim();
  if (text === '') return raw.trim() === '' ? { kind: 'empty' } : { kind: 'invalid', problem: 'NOT_A_NUMBER' };
  const value = readIn(text, locale);
  if (typeof value !== 'number') return { kind: 'invalid', problem: value };
  const other = readIn(text, locale === 'id' ? 'en' : 'id');
  const otherValue = typeof other === 'number' && other !== value ? other : null;
  return { kind: 'number', value, ambiguous: otherValue !== null, otherValue };
}

function readIn(text: string, locale: NumberLocale): number | NumberProblem {
  const { group, decimal } = SEPARATORS[locale];
  const m = /^([+\-\u2212]?)(.*)$/.exec(text)!;
  const negative = m[1] === '-' || m[1] === '\u2212';
  const body = m[2]!;
  if (!/^[\d.,\s\u00a0\u202f]+$/.test(body) || !/\d/.test(body)) return 'NOT_A_NUMBER';

  const decimalAt = body.indexOf(decimal);
  if (decimalAt !== body.lastIndexOf(decimal)) return 'MISPLACED_SEPARATOR';
  const whole = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  if (fraction !== '' && !/^\d+$/.test(fraction)) return fraction.includes(group) ? 'MISPLACED_SEPARATOR' : 'NOT_A_NUMBER';
  if (decimalAt !== -1 && fraction === '') return 'MISPLACED_SEPARATOR';

  // The whole part: plain digits, or groups of three after a first group of one to three digits,
  // all separated by the same group separator (or by spaces).
  const normalized = whole.replace(SPACES, group);
  let digits: string;
  if (/^\d*$/.test(normalized)) digits = normalized;
  else {
    const groups = normalized.split(group);
    const grouped = groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    // "0.250" is not a grouped number in either convention: a leading zero group is a decimal slip.
    if (!grouped || /^0+$/.test(groups[0]!)) return 'WRONG_SEPARATOR';
    digits = groups.join('');
  }
  if (digits === '' && fraction === '') return 'NOT_A_NUMBER';
  const n = Number(`${digits || '0'}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(n)) return 'NOT_A_NUMBER';
  return negative && n !== 0 ? -n : n;
}

/** What to tell the person, in both languages; `example` is how to write it in their convention. */
export const NUMBER_PROBLEM_MESSAGES: Record<NumberProblem, { id: string; en: string }> = {
  NOT_A_NUMBER: { id: 'Bukan angka.', en: 'Not a number.' },
  WRONG_SEPARATOR: {
    id: 'Gunakan titik untuk ribuan dan koma untuk desimal, misalnya 1.250 atau 72,5.',
    en: 'Use a comma for thousands and a point for decimals, e.g. 1,250 or 72.5.',
  },
  MISPLACED_SEPARATOR: {
    id: 'Tanda desimal (koma) hanya boleh satu dan berada setelah angka ribuan, misalnya 1.234,5.',
    en: 'Only one decimal point, after the thousands, e.g. 1,234.5.',
  },
};
