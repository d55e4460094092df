/**
 * The office capaian with a capped scale version (issue 12 §2), through the analysis's own
 * computation (analysis/compute.ts, the code saveAnalysis runs): one indicator at 180 % no longer
 * lifts the office to "Sangat Baik"; the uncapped mean stays beside it, per Bidang and per
 * Sasaran too. Pure: no database (scales are versioned rows; the cap is a field of the version).
 */
import { DEFAULT_SCALE, type CategoryScale } from '@sipedaki/sop';
import { computeAnalysis, type ComputeIndicator } from '../src/analysis/compute';

const ind = (code: string, bidang: string, target: number, realisasi: number): ComputeIndicator => ({
  id: code, code, name: code, sasaran: 'S1', satuan: 'nilai', polarity: 'HIGHER_IS_BETTER', valueKind: 'INDEX', allowAbove100: false,
  target, targetUpper: null, targetFrozen: true, realisasi, note: null, bidangId: bidang, bidangName: bidang,
});
const indicators = [ind('A', 'B1', 50, 90), ind('B', 'B1', 100, 60), ind('C', 'B2', 100, 60)];

describe('office capaian with a cap', () => {
  it.each<[string, number | null, number, string, number]>([
    ['no cap: 180 % lifts the office', null, 100, 'SANGAT_BAIK', 100],
    ['cap 120', 120, 80, 'BAIK', 100],
    ['cap 100', 100, 73.33, 'CUKUP', 100],
  ])('%s', (_label, cap, average, category, uncapped) => {
    const scale: CategoryScale = { ...DEFAULT_SCALE, version: 2, cap };
    const a = computeAnalysis({ indicators, scale, thresholdPoints: 25 });
    expect({ average: a.office.average, category: a.office.category?.code, uncapped: a.office.averageUncapped }).toEqual({ average, category, uncapped });
    const b1 = a.perBidang.find((b) => b.key === 'B1');
    expect(b1?.averageUncapped).toBe(120);
    expect(b1?.average).toBe(cap === null ? 120 : (Math.min(180, cap) + 60) / 2);
    expect(a.indicators.find((i) => i.indicatorCode === 'A')).toMatchObject({ capaian: 180, capaianCapped: cap ?? 180, farAboveTarget: true, flagged: true });
  });
});
