import { computed, type Ref } from 'vue';
import { categorize, computeCapaian, DEFAULT_SCALE, type CategoryBand, type CapaianResult, type Polarity } from '@sipedaki/sop';
import { parseNumberInput } from './use-format';

export interface CapaianRow {
  indicatorId: string;
  polarity: Polarity;
  target: number | null;
  targetUpper?: number | null;
}

export interface LiveCapaian {
  realisasi: number | null;
  /** The text typed is not a number. */
  invalid: boolean;
  capaian: number | null;
  status: CapaianResult['status'];
  category: CategoryBand | null;
}

/** Capaian and category of one indicator for what was typed, with the SOP package's formula. */
export function liveCapaian(row: CapaianRow, typed: string): LiveCapaian {
  const parsed = parseNumberInput(typed);
  const invalid = parsed !== null && Number.isNaN(parsed);
  const realisasi = invalid ? null : parsed;
  const result = computeCapaian({ polarity: row.polarity, target: row.target, targetUpper: row.targetUpper ?? null, realisasi });
  return { realisasi, invalid, capaian: result.value, status: result.status, category: categorize(DEFAULT_SCALE, result.value) };
}

/** Live capaian for every row as the inputs change (keyed by indicatorId). */
export function useCapaian(rows: Ref<CapaianRow[]>, inputs: Ref<Record<string, string>>) {
  return computed<Record<string, LiveCapaian>>(() => {
    const out: Record<string, LiveCapaian> = {};
    for (const row of rows.value) out[row.indicatorId] = liveCapaian(row, inputs.value[row.indicatorId] ?? '');
    return out;
  });
}
