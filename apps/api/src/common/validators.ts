/**
 * Bounds of numbers that go into the database, checked with the rest of the input so that a
 * value the column cannot hold is VALIDATION_FAILED on its field, never a database error.
 */
import { IsNumber, Max, Min } from 'class-validator';
import { bi } from './validation';

/**
 * Targets and realisasi live in Decimal(18, 4) columns, which hold |x| < 10^14. The API accepts
 * |x| ≤ 10^12 (as the XLSX import does): room to spare, and far beyond any real indicator.
 */
export const INDICATOR_VALUE_LIMIT = 1e12;

/** A finite number within ±INDICATOR_VALUE_LIMIT; `label` starts the message ("Target", "Realisasi"). */
export function IsIndicatorValue(label: string): PropertyDecorator {
  const range = bi(`${label} di luar rentang (−1.000.000.000.000 sampai 1.000.000.000.000)`, `${label} is out of range (−1,000,000,000,000 to 1,000,000,000,000)`);
  const checks = [
    IsNumber({ allowNaN: false, allowInfinity: false }, bi(`${label} harus berupa angka`, `${label} must be a number`)),
    Min(-INDICATOR_VALUE_LIMIT, range),
    Max(INDICATOR_VALUE_LIMIT, range),
  ];
  return (target, key) => checks.forEach((check) => check(target, key));
}
