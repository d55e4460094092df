/**
 * Capaian (achievement, %) of an indicator from its target and realisasi.
 *
 * Formulas (PermenPAN-RB 8/2021, as used in published LKjIP):
 *   higher is better: realisasi / target × 100
 *   lower is better:  (2 × target − realisasi) / target × 100
 *   range:            100 inside [lower, upper]; above → lower-is-better against upper;
 *                     below → higher-is-better against lower.
 *
 * Decisions on the edge cases (also in README.md):
 * - Missing realisasi → null, never 0: data not yet reported is not a failure to achieve, and
 *   a 0 would drag averages and categories down for the wrong reason.
 * - Target 0: the ratio is undefined. Higher is better → 100 when realisasi ≥ 0, else 0; lower
 *   is better (e.g. "zero audit findings") → 100 when realisasi ≤ 0, else 0. Status TARGET_ZERO
 *   so reports can footnote it.
 * - Negative results are clamped to 0 (status CLAMPED): a lower-is-better indicator whose
 *   realisasi is more than double the target would otherwise show a negative percentage.
 * - No upper cap: over-achievement (120 %) is reported as is; a scale decides its category.
 * - Negative targets (e.g. a growth rate target of −2 %): the ratio r/t inverts its meaning when
 *   t < 0, so we use the equivalent form 100 + s × (r − t) / |t| × 100 with s = +1 for higher
 *   is better and −1 for lower is better. For t > 0 this is exactly the formulas above; for
 *   t < 0 it measures the deviation against the size of the target, with the right sign.
 * - Results are rounded to 2 decimals (roundCapaian).
 */

export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'RANGE';

export const POLARITY_LABELS: Record<Polarity, { id: string; en: string }> = {
  HIGHER_IS_BETTER: { id: 'Semakin tinggi semakin baik', en: 'Higher is better' },
  LOWER_IS_BETTER: { id: 'Semakin rendah semakin baik', en: 'Lower is better' },
  RANGE: { id: 'Rentang target', en: 'Target range' },
};

export interface CapaianInput {
  polarity: Polarity;
  /** For RANGE: the lower bound. */
  target: number | null;
  /** RANGE only: the upper bound. */
  targetUpper?: number | null;
  realisasi: number | null;
}

export type CapaianResult =
  | { value: number; status: 'OK' | 'CLAMPED' | 'TARGET_ZERO' }
  | { value: null; status: 'MISSING_REALISASI' | 'MISSING_TARGET' | 'INVALID_RANGE' };

/** Round half away from zero to 2 decimals, immune to binary artefacts such as 1.005. */
export function roundCapaian(x: number): number {
  const scaled = Math.abs(x) * 100;
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / 100;
  return x < 0 ? -rounded : rounded;
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function directional(target: number, realisasi: number, higherIsBetter: boolean): CapaianResult {
  if (target === 0) {
    const met = higherIsBetter ? realisasi >= 0 : realisasi <= 0;
    return { value: met ? 100 : 0, status: 'TARGET_ZERO' };
  }
  const sign = higherIsBetter ? 1 : -1;
  const raw = 100 + (sign * (realisasi - target) * 100) / Math.abs(target);
  if (raw < 0) return { value: 0, status: 'CLAMPED' };
  return { value: roundCapaian(raw), status: 'OK' };
}

export function computeCapaian(i: CapaianInput): CapaianResult {
  if (!isNumber(i.realisasi)) return { value: null, status: 'MISSING_REALISASI' };
  if (!isNumber(i.target)) return { value: null, status: 'MISSING_TARGET' };

  switch (i.polarity) {
    case 'HIGHER_IS_BETTER':
      return directional(i.target, i.realisasi, true);
    case 'LOWER_IS_BETTER':
      return directional(i.target, i.realisasi, false);
    case 'RANGE': {
      if (!isNumber(i.targetUpper)) return { value: null, status: 'MISSING_TARGET' };
      const lo = i.target;
      const hi = i.targetUpper;
      if (hi < lo) return { value: null, status: 'INVALID_RANGE' };
      if (i.realisasi > hi) return directional(hi, i.realisasi, false);
      if (i.realisasi < lo) return directional(lo, i.realisasi, true);
      return { value: 100, status: 'OK' };
    }
  }
}

/** Mean of the known capaian, nulls ignored; null when none is known. */
export function averageCapaian(values: (number | null)[]): number | null {
  const known = values.filter(isNumber);
  if (known.length === 0) return null;
  return roundCapaian(known.reduce((a, b) => a + b, 0) / known.length);
}

/**
 * The office's (or a Bidang's, a Sasaran's) capaian: the mean of the capped values beside the mean
 * of the values as they are. With no cap both are the same.
 */
export function averageWithCap(values: (number | null)[], cap: number | null | undefined): { average: number | null; averageUncapped: number | null } {
  const capped = values.map((v) => (isNumber(v) && cap !== null && cap !== undefined && v > cap ? cap : v));
  return { average: averageCapaian(capped), averageUncapped: averageCapaian(values) };
}
