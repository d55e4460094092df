import { checkIndicatorValue, type ValueRefusal } from '@sipedaki/sop';
import type { ValueKind } from '@/gql/graphql';

/** What the form needs of an indicator to check a value (the API's own rule, packages/sop). */
export interface ValueRules {
  indicatorCode: string;
  indicatorName: string;
  satuan: string;
  valueKind?: ValueKind | null;
  allowAbove100?: boolean | null;
}

/**
 * The refusal the API would give for `value` (−3 temuan, 120 % of desa, 2,5 orang), naming the
 * indicator; null for a possible value, an empty field or a text that is not a number yet.
 */
export function valueRefusal(r: ValueRules, value: number | null): ValueRefusal | null {
  if (value === null || Number.isNaN(value)) return null;
  return checkIndicatorValue({ code: r.indicatorCode, name: r.indicatorName, satuan: r.satuan, valueKind: r.valueKind ?? null, allowAbove100: r.allowAbove100 ?? false }, value);
}
