/**
 * The in-memory part of the step 6 analysis: capaian per indicator with its history, and the
 * averages per Bidang, per Sasaran and for the office. Pure (no database, no clock), so the
 * benchmark (bench/analyse.mjs) and the service run the same code. The rules themselves
 * (formulas, category scale, deviation) live in @sipedaki/sop.
 */
import { averageWithCap, cappedCapaian, categorize, checkDeviation, computeCapaian, FAR_ABOVE_TARGET_PERCENT, isFarAboveTarget, type CategoryScale, type Polarity, type Trend } from '@sipedaki/sop';
import { indicatorValueView, type IndicatorValue, type IndicatorValueView } from './indicator-value';
import { groupBy } from '../common/group-by';

export interface CategoryView {
  code: string;
  label: string;
  labelEn: string;
}

/** One earlier accepted value of the same office and indicator. */
export interface HistoryPoint {
  requestId: string;
  year: number;
  triwulan: number | null;
  label: string;
  target: number | null;
  targetUpper: number | null;
  realisasi: number | null;
}

/** An indicator value of the request with its Bidang and its history. */
export type ComputeIndicator = IndicatorValue & {
  bidangId: string;
  bidangName: string;
  previous?: HistoryPoint | null;
  lastYear?: HistoryPoint | null;
};

export interface Comparison {
  requestId: string;
  label: string;
  year: number;
  triwulan: number | null;
  realisasi: number | null;
  capaian: number | null;
  /** capaian now − capaian then, in percentage points. */
  difference: number | null;
  trend: Trend | null;
  flagged: boolean;
}

export type IndicatorRow = IndicatorValueView & {
  /** The capaian as it counts in the averages: at most the scale's cap. */
  capaianCapped: number | null;
  /** Capaian above FAR_ABOVE_TARGET_PERCENT: more often a slip than an achievement. */
  farAboveTarget: boolean;
  bidangId: string;
  bidangName: string;
  previous: Comparison | null;
  lastYear: Comparison | null;
  flagged: boolean;
  flagReasons: string[];
};

export interface Summary {
  key: string;
  label: string;
  /** Mean of the capped capaian (the scale's cap); the same as averageUncapped without a cap. */
  average: number | null;
  /** Mean of the capaian as they are. */
  averageUncapped: number | null;
  category: CategoryView | null;
  indicatorCount: number;
  missingCount: number;
  flaggedCount: number;
}

export interface ComputedAnalysis {
  office: Summary;
  perBidang: Summary[];
  perSasaran: Summary[];
  indicators: IndicatorRow[];
}

const num = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** "87,5" — Indonesian number format for reasons shown to people. */
export const formatNumber = (n: number) => num.format(n);

// One view per band of a scale: a board shows hundreds of values in a handful of categories.
// The views are never changed by their readers (GraphQL and the exports only read them).
const bandViews = new WeakMap<object, CategoryView>();

function categoryOf(scale: CategoryScale, value: number | null): CategoryView | null {
  const band = categorize(scale, value);
  if (!band) return null;
  let view = bandViews.get(band);
  if (!view) bandViews.set(band, (view = { code: band.code, label: band.label.id, labelEn: band.label.en }));
  return view;
}

/**
 * One value's capaian and its category on the scale: the single place where the API turns a
 * target and a realisasi into both (submission form, analysis, performanceData).
 */
export function capaianOf(
  scale: CategoryScale,
  polarity: Polarity,
  target: number | null,
  targetUpper: number | null,
  realisasi: number | null,
): { capaian: number | null; capaianStatus: string; category: CategoryView | null } {
  const r = computeCapaian({ polarity, target, targetUpper, realisasi });
  return { capaian: r.value, capaianStatus: r.status, category: categoryOf(scale, r.value) };
}

function compare(current: number | null, h: HistoryPoint | null | undefined, polarity: Polarity, thresholdPoints: number): Comparison | null {
  if (!h) return null;
  const then = computeCapaian({ polarity, target: h.target, targetUpper: h.targetUpper, realisasi: h.realisasi }).value;
  const d = checkDeviation({ current, previous: then, thresholdPoints });
  return { requestId: h.requestId, label: h.label, year: h.year, triwulan: h.triwulan, realisasi: h.realisasi, capaian: then, ...d };
}

/** Why a comparison is flagged, as one sentence; none when it is not (a flag needs both capaian). */
function reasons(c: Comparison | null, current: number | null, thresholdPoints: number): string[] {
  if (!c?.flagged || c.difference === null || c.capaian === null || current === null) return [];
  const dir = c.difference > 0 ? 'naik' : 'turun';
  return [`Capaian ${formatNumber(current)}% ${dir} ${formatNumber(Math.abs(c.difference))} poin dibanding ${c.label} (${formatNumber(c.capaian)}%), melebihi ambang ${formatNumber(thresholdPoints)} poin.`];
}

/** The flags of one value: large jumps against the previous period and last year, far above target. */
export function deviationFlags(i: Pick<ComputeIndicator, 'polarity' | 'previous' | 'lastYear'>, capaian: number | null, thresholdPoints: number) {
  const previous = compare(capaian, i.previous, i.polarity, thresholdPoints);
  const lastYear = compare(capaian, i.lastYear, i.polarity, thresholdPoints);
  const farAboveTarget = isFarAboveTarget(capaian);
  const flagReasons = [previous, lastYear].flatMap((c) => reasons(c, capaian, thresholdPoints));
  if (farAboveTarget && capaian !== null) {
    flagReasons.push(`Capaian ${formatNumber(capaian)}% jauh di atas target (lebih dari ${formatNumber(FAR_ABOVE_TARGET_PERCENT)}%): periksa kembali realisasinya.`);
  }
  return { previous, lastYear, farAboveTarget, flagged: flagReasons.length > 0, flagReasons };
}

export function indicatorRow(i: ComputeIndicator, scale: CategoryScale, thresholdPoints: number): IndicatorRow {
  const now = indicatorValueView(i, scale);
  return { ...now, capaianCapped: cappedCapaian(scale, now.capaian), bidangId: i.bidangId, bidangName: i.bidangName, ...deviationFlags(i, now.capaian, thresholdPoints) };
}

export function summarize(key: string, label: string, rows: IndicatorRow[], scale: CategoryScale): Summary {
  const { average, averageUncapped } = averageWithCap(rows.map((r) => r.capaian), scale.cap);
  let missingCount = 0;
  let flaggedCount = 0;
  for (const r of rows) {
    if (r.capaian === null) missingCount++;
    if (r.flagged) flaggedCount++;
  }
  return { key, label, average, averageUncapped, category: categoryOf(scale, average), indicatorCount: rows.length, missingCount, flaggedCount };
}

const collator = new Intl.Collator();

/** Indicators sorted by code; groups in the order of their first indicator. */
export function computeAnalysis(input: { indicators: ComputeIndicator[]; scale: CategoryScale; thresholdPoints: number }): ComputedAnalysis {
  const { scale, thresholdPoints } = input;
  const indicators = [...input.indicators]
    .sort((a, b) => collator.compare(a.code, b.code))
    .map((i) => indicatorRow(i, scale, thresholdPoints));
  const perBidang = [...groupBy(indicators, (r) => r.bidangId)].map(([id, rows]) => summarize(id, rows[0].bidangName, rows, scale));
  const perSasaran = [...groupBy(indicators, (r) => r.sasaran)].map(([s, rows]) => summarize(s, s, rows, scale));
  return { office: summarize('office', 'Dinas', indicators, scale), perBidang, perSasaran, indicators };
}
