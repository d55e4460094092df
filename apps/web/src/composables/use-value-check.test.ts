import { describe, expect, it } from 'vitest';
import { valueRefusal } from './use-value-check';

const count = { indicatorCode: 'IKU-04', indicatorName: 'Jumlah kader terlatih', satuan: 'orang', valueKind: 'COUNT' as const };
const pct = { indicatorCode: 'IKU-01', indicatorName: 'Persentase desa', satuan: '%' };

describe('valueRefusal', () => {
  it.each([
    [count, -3, 'NEGATIVE'],
    [count, 2.5, 'NOT_WHOLE'],
    [count, 1250, null],
    [pct, 120, 'ABOVE_100'],
    [{ ...pct, allowAbove100: true }, 120, null],
    [pct, null, null],
    [pct, Number.NaN, null],
  ] as const)('%o %s → %s', (rules, value, problem) => {
    expect(valueRefusal(rules, value)?.problem ?? null).toBe(problem);
  });

  it('names the indicator in Indonesian', () => {
    expect(valueRefusal(count, -3)?.message.id).toBe('Realisasi indikator "IKU-04 Jumlah kader terlatih" (orang): -3 tidak mungkin — jumlah tidak boleh negatif.');
  });
});
