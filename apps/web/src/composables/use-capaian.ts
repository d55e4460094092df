import { computed, ref, type Ref } from 'vue';
import { categorize, computeCapaian, DEFAULT_SCALE, readNumber, type CategoryBand, type CapaianResult, type NumberReading, type Polarity } from '@sipedaki/sop';
import { numberLocale } from './use-format';

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
  /** How the text was read (the form shows "dibaca: …" when it is ambiguous, and the problem when invalid). */
  reading: NumberReading;
  capaian: number | null;
  status: CapaianResult['status'];
  category: CategoryBand | null;
}

/** Capaian and category of one indicator for what was typed, with the SOP package's formula. */
export function liveCapaian(row: CapaianRow, typed: string, locale = 'id'): LiveCapaian {
  const reading = readNumber(typed, numberLocale(locale));
  const invalid = reading.kind === 'invalid';
  const realisasi = reading.kind === 'number' ? reading.value : null;
  const result = computeCapaian({ polarity: row.polarity, target: row.target, targetUpper: row.targetUpper ?? null, realisasi });
  return { realisasi, invalid, reading, capaian: result.value, status: result.status, category: categorize(DEFAULT_SCALE, result.value) };
}

/** Live capaian for every row as the inputs change (keyed by indicatorId). */
export function useCapaian(rows: Ref<CapaianRow[]>, inputs: Ref<Record<string, string>>, locale: Ref<string> = ref('id')) {
  return computed<Record<string, LiveCapaian>>(() => {
    const out: Record<string, LiveCapaian> = {};
    for (const row of rows.value) out[row.indicatorId] = liveCapaian(row, inputs.value[row.indicatorId] ?? '', locale.value);
    return out;
  });
}
