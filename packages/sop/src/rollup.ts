/**
 * The kabupaten rollup (issue 15): league tables of a pemda's offices by capaian, by SOP
 * timeliness and by completeness, and their trends over Triwulan and years. The API counts the
 * rows set-based in SQL (per office and period: steps on time / late, Bidang asked / handed in,
 * the frozen analysis's capaian); these pure rules turn the counts into percentages, ranks and
 * pemda-wide points, so the tests recompute every figure by hand.
 */
import { PEMDA_CAPABILITIES } from './pemda';
import type { Role } from './roles';
import { periodLabel, type Period } from './period';

/** Who reads the rollup: the pemda roles that read across the pemda's offices (pemda.ts READ). */
export const ROLLUP_READERS: readonly Role[] = PEMDA_CAPABILITIES.READ;

/** The three measures of the league tables. */
export const ROLLUP_MEASURES = ['CAPAIAN', 'TIMELINESS', 'COMPLETENESS'] as const;
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** How many years a trend reaches back, the selected year included. */
export const ROLLUP_TREND_YEARS = 5;

/** What the database counts for one office in one period (year, Triwulan or the whole year). */
export interface OfficePeriodCounts {
  /** Requests of the period, cancelled ones left out. */
  requests: number;
  /** Of them, signed by the Kepala Dinas (DONE). */
  requestsDone: number;
  /**
   * The office capaian of its frozen (SUBMITTED) analysis of the period, as that analysis stored
   * it (mean of the capped capaian under the scale and cap it was made with); null = none frozen.
   */
  capaian: number | null;
  /** Step runs (RequestStep rows) finished by their due time. */
  stepsOnTime: number;
  /** Step runs finished after their due time, and open ones already past it. */
  stepsLate: number;
  /** Open step runs not yet due: neither on time nor late yet. */
  stepsOpen: number;
  /** Bidang asked (one per request and chosen Bidang). */
  bidangAsked: number;
  /** Of them, handed in to the secretariat at least once (a waived Bidang never did). */
  bidangHandedIn: number;
  /** Of them, waived at the close of collection (counted as not handed in). */
  bidangWaived: number;
}

export const EMPTY_COUNTS: OfficePeriodCounts = {
  requests: 0, requestsDone: 0, capaian: null, stepsOnTime: 0, stepsLate: 0, stepsOpen: 0, bidangAsked: 0, bidangHandedIn: 0, bidangWaived: 0,
};

/** Percentages with two decimals, like the analysis's completeness. */
const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : null);

/** Steps on time among the steps decided (on time + late); null when none is decided yet. */
export const timelinessPercent = (c: Pick<OfficePeriodCounts, 'stepsOnTime' | 'stepsLate'>) => pct(c.stepsOnTime, c.stepsOnTime + c.stepsLate);

/** Bidang handed in among the Bidang asked; null when nothing was asked. */
export const completenessPercent = (c: Pick<OfficePeriodCounts, 'bidangHandedIn' | 'bidangAsked'>) => pct(c.bidangHandedIn, c.bidangAsked);

export interface OfficeMeasures {
  capaian: number | null;
  timeliness: number | null;
  completeness: number | null;
}

export function measuresOf(c: OfficePeriodCounts): OfficeMeasures {
  return { capaian: c.capaian === null ? null : Math.round(c.capaian * 100) / 100, timeliness: timelinessPercent(c), completeness: completenessPercent(c) };
}

export const measureValue = (m: OfficeMeasures, measure: RollupMeasure): number | null =>
  measure === 'CAPAIAN' ? m.capaian : measure === 'TIMELINESS' ? m.timeliness : m.completeness;

/**
 * Standard competition ranking ("1, 2, 2, 4"), higher first: offices with the same value share a
 * rank, and an office without a value has no rank (null) — it is listed after the ranked ones,
 * not ranked last, because "no frozen analysis" is not a low capaian.
 */
export function rankValues(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/**
 * The league table's order for a measure: by rank (unranked last), then by the office's name
 * (Indonesian collation), so equal ranks read alphabetically and the order is stable.
 */
export function leagueOrder<T extends { name: string; rank: number | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.rank !== b.rank) return a.rank === null ? 1 : b.rank === null ? -1 : a.rank - b.rank;
    return a.name.localeCompare(b.name, 'id');
  });
}

/** The pemda's figure for one period: offices' capaian averaged, steps and Bidang pooled. */
export interface PemdaPoint {
  /** Mean of the office capaian of the offices with a frozen analysis (each office weighs one). */
  averageCapaian: number | null;
  /** Offices with a frozen analysis in the period. */
  officesWithCapaian: number;
  /** Offices with at least one request in the period. */
  officesAsked: number;
  /** Pooled over the offices: every step decided weighs one. */
  timeliness: number | null;
  /** Pooled over the offices: every Bidang asked weighs one. */
  completeness: number | null;
  stepsOnTime: number;
  stepsLate: number;
  bidangAsked: number;
  bidangHandedIn: number;
}

export function pemdaPoint(offices: readonly OfficePeriodCounts[]): PemdaPoint {
  const sum = (f: (c: OfficePeriodCounts) => number) => offices.reduce((s, c) => s + f(c), 0);
  const caps = offices.map((c) => c.capaian).filter((v): v is number => v !== null);
  const stepsOnTime = sum((c) => c.stepsOnTime);
  const stepsLate = sum((c) => c.stepsLate);
  const bidangAsked = sum((c) => c.bidangAsked);
  const bidangHandedIn = sum((c) => c.bidangHandedIn);
  return {
    averageCapaian: caps.length ? Math.round((caps.reduce((a, b) => a + b, 0) / caps.length) * 100) / 100 : null,
    officesWithCapaian: caps.length,
    officesAsked: offices.filter((c) => c.requests > 0).length,
    timeliness: pct(stepsOnTime, stepsOnTime + stepsLate),
    completeness: pct(bidangHandedIn, bidangAsked),
    stepsOnTime,
    stepsLate,
    bidangAsked,
    bidangHandedIn,
  };
}

/**
 * The periods of a trend: for each year from `year − years + 1` to `year`, Triwulan I–IV and then
 * the whole year (the annual request behind the LKjIP), oldest first.
 */
export function trendPeriods(year: number, years = ROLLUP_TREND_YEARS): (Period & { label: string })[] {
  const out: (Period & { label: string })[] = [];
  for (let y = year - years + 1; y <= year; y++) {
    for (const tw of [1, 2, 3, 4, null] as const) out.push({ year: y, triwulan: tw, label: periodLabel({ year: y, triwulan: tw }) });
  }
  return out;
}

/** Key of a period in maps: "2026-2" for Triwulan II 2026, "2026-0" for the whole year. */
export const periodKey = (year: number, triwulan: number | null) => `${year}-${triwulan ?? 0}`;
