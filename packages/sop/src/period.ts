/** Reporting periods: a year, or one of its quarters (Triwulan I–IV). */

export type Triwulan = 1 | 2 | 3 | 4;

export const TRIWULAN_ROMAN = ['I', 'II', 'III', 'IV'] as const;

export interface Period {
  year: number;
  /** null = the whole year. */
  triwulan: Triwulan | null;
}

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

/**
 * The period of a stored request (year, and triwulan 1–4 or null for the whole year). The database
 * keeps the triwulan as an integer; anything but 1–4 or null is a broken row, not a period.
 */
export function periodOf(year: number, triwulan: number | null): Period {
  if (triwulan !== null && !(triwulan === 1 || triwulan === 2 || triwulan === 3 || triwulan === 4)) {
    throw new RangeError(`triwulan must be 1–4 or null, got ${triwulan}`);
  }
  return { year, triwulan };
}

export function periodLabel(p: Period, lang: 'id' | 'en' = 'id'): string {
  if (p.triwulan === null) return lang === 'id' ? `Tahun ${p.year}` : `Year ${p.year}`;
  return lang === 'id' ? `Triwulan ${TRIWULAN_ROMAN[p.triwulan - 1]} ${p.year}` : `Q${p.triwulan} ${p.year}`;
}

/**
 * The quarter of a moment in the office's local time (default WIB). Taking the UTC month would
 * be wrong at the edges: 1 April 01:00 WIB is still 31 March in UTC but belongs to Triwulan II.
 */
export function triwulanOfDate(d: Date, utcOffsetMinutes = 420): Triwulan {
  const local = new Date(d.getTime() + utcOffsetMinutes * 60_000);
  return (Math.floor(local.getUTCMonth() / 3) + 1) as Triwulan;
}

/** The period just before: the previous quarter, or the previous year for a whole year. */
export function previousPeriod(p: Period): Period {
  if (p.triwulan === null) return { year: p.year - 1, triwulan: null };
  if (p.triwulan === 1) return { year: p.year - 1, triwulan: 4 };
  return { year: p.year, triwulan: (p.triwulan - 1) as Triwulan };
}

/** LKjIP compares with the same period of the previous year. */
export function samePeriodLastYear(p: Period): Period {
  return { year: p.year - 1, triwulan: p.triwulan };
}

/** Accepts unknown input so it can validate raw API arguments. */
export function validatePeriod(p: unknown): p is Period {
  if (typeof p !== 'object' || p === null) return false;
  const { year, triwulan } = p as { year?: unknown; triwulan?: unknown };
  if (typeof year !== 'number' || !Number.isInteger(year)) return false;
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return false;
  return triwulan === null || triwulan === 1 || triwulan === 2 || triwulan === 3 || triwulan === 4;
}
