/**
 * Trend and deviation of an indicator's capaian against its history (LKjIP chapter III compares
 * with the previous period and the same period of last year). Pure: the caller finds the history.
 */
import { roundCapaian } from './capaian';

export interface DeviationCheck {
  /** Capaian now (%); null when unknown. */
  current: number | null;
  /** Capaian of the period compared with (%); null when there is none. */
  previous: number | null;
  /** Threshold in percentage points; a difference strictly above it is flagged. */
  thresholdPoints: number;
}

export type Trend = 'UP' | 'DOWN' | 'FLAT';

export interface DeviationResult {
  /** current − previous in percentage points (rounded to 2 decimals); null when either is unknown. */
  difference: number | null;
  trend: Trend | null;
  flagged: boolean;
}

/**
 * |current − previous| > threshold → flagged. Equal to the threshold is not flagged ("more than
 * 25 points"). Unknown values are never flagged: missing history is not a deviation.
 */
export function checkDeviation({ current, previous, thresholdPoints }: DeviationCheck): DeviationResult {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { difference: null, trend: null, flagged: false };
  }
  const difference = roundCapaian(current - previous);
  const trend: Trend = difference > 0 ? 'UP' : difference < 0 ? 'DOWN' : 'FLAT';
  return { difference, trend, flagged: Math.abs(difference) > thresholdPoints };
}
