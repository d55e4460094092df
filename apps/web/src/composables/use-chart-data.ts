/**
 * Chart data from a PerformanceAnalysis, kept free of the chart library so it can be tested and
 * so the same numbers feed the charts' text alternatives (tables, aria-labels).
 */
import { categoryColor, SIX_BAND_SCALE } from '@sipedaki/sop';

interface Category {
  code: string;
  label: string;
  labelEn: string;
}


/** Best first; every code a scale may use (the six-band example is a superset of the default). */
export const CATEGORY_ORDER: string[] = SIX_BAND_SCALE.bands.map((b) => b.code);
const DEFAULT_FIVE = new Set(['SANGAT_BAIK', 'BAIK', 'CUKUP', 'KURANG', 'SANGAT_KURANG']);


const labelOf = (code: string, locale: string, seen?: Category) => {
  if (seen) return locale === 'en' ? seen.labelEn : seen.label;
  const band = SIX_BAND_SCALE.bands.find((b) => b.code === code);
  return band ? (locale === 'en' ? band.label.en : band.label.id) : code;
};

export interface SpreadItem {
  code: string;
  label: string;
  count: number;
  color: string;
}

/**
 * How many indicators fall in each category, best first. The five LKjIP categories always show
 * (zero included, so the spread reads the same every time); other codes only when used.
 * Indicators without a capaian are counted apart (`missing`).
 */
export function categorySpread(indicators: { category: Category | null }[], locale = 'id'): { items: SpreadItem[]; missing: number; total: number } {
  const counts = new Map<string, number>();
  const seen = new Map<string, Category>();
  let missing = 0;
  for (const i of indicators) {
    if (!i.category) {
      missing++;
      continue;
    }
    counts.set(i.category.code, (counts.get(i.category.code) ?? 0) + 1);
    seen.set(i.category.code, i.category);
  }
  const codes = [...CATEGORY_ORDER.filter((c) => DEFAULT_FIVE.has(c) || counts.has(c)), ...[...counts.keys()].filter((c) => !CATEGORY_ORDER.includes(c))];
  const items = codes.map((code) => ({ code, label: labelOf(code, locale, seen.get(code)), count: counts.get(code) ?? 0, color: categoryColor(code) }));
  return { items, missing, total: indicators.length };
}

export interface BarItem {
  label: string;
  value: number | null;
  category: string | null;
  categoryLabel: string | null;
  color: string;
}

/** Average capaian per Bidang (or Sasaran), coloured by its category; null averages kept (no bar). */
export function capaianBars(rows: { label: string; average: number | null; category: Category | null }[], locale = 'id'): BarItem[] {
  return rows.map((r) => ({
    label: r.label,
    value: r.average == null ? null : Math.round(r.average * 10) / 10,
    category: r.category?.code ?? null,
    categoryLabel: r.category ? (locale === 'en' ? r.category.labelEn : r.category.label) : null,
    color: categoryColor(r.category?.code),
  }));
}

interface Comparison {
  label: string;
  capaian: number | null;
  year: number;
  triwulan?: number | null;
}

export interface TrendPoint {
  label: string;
  /** Average capaian of the indicators that have a capaian in that period. */
  average: number | null;
  /** How many indicators that average is made of. */
  count: number;
  current: boolean;
}

/**
 * The trend over periods as far as one analysis knows it: each indicator's `lastYear` and
 * `previous` comparison plus the current capaian, grouped by period and averaged, oldest first.
 * A period's average covers only the indicators that had an accepted value then (`count`).
 */
export function trendPoints(
  indicators: { capaian: number | null; previous?: Comparison | null; lastYear?: Comparison | null }[],
  current: { label: string; year: number; triwulan?: number | null },
): TrendPoint[] {
  const groups = new Map<string, { label: string; order: number; sum: number; count: number; current: boolean }>();
  const add = (label: string, year: number, triwulan: number | null | undefined, capaian: number | null, isCurrent: boolean) => {
    const key = `${year}-${triwulan ?? 0}`;
    const g = groups.get(key) ?? { label, order: year * 10 + (triwulan ?? 0), sum: 0, count: 0, current: isCurrent };
    if (capaian != null && Number.isFinite(capaian)) {
      g.sum += capaian;
      g.count++;
    }
    groups.set(key, g);
  };
  for (const i of indicators) {
    if (i.lastYear) add(i.lastYear.label, i.lastYear.year, i.lastYear.triwulan, i.lastYear.capaian, false);
    if (i.previous) add(i.previous.label, i.previous.year, i.previous.triwulan, i.previous.capaian, false);
  }
  // The current period last, even when no indicator has a capaian yet.
  const key = `${current.year}-${current.triwulan ?? 0}`;
  groups.delete(key);
  const g = { label: current.label, order: current.year * 10 + (current.triwulan ?? 0), sum: 0, count: 0, current: true };
  for (const i of indicators) {
    if (i.capaian != null && Number.isFinite(i.capaian)) {
      g.sum += i.capaian;
      g.count++;
    }
  }
  groups.set(key, g);
  return [...groups.values()]
    .sort((a, b) => a.order - b.order)
    .map((x) => ({ label: x.label, average: x.count ? Math.round((x.sum / x.count) * 10) / 10 : null, count: x.count, current: x.current }));
}

/** An axis label for a narrow screen: "Bidang " dropped, wrapped into lines of about `width` characters (the full name stays in the tooltip and the tables). */
export function axisLabel(label: string, width = 18, maxLines = 3): string[] {
  const words = label.replace(/^Bidang\s+/i, '').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}
