import { describe, expect, it } from 'vitest';
import { stepChart } from './use-step-chart';

const months = (values: (number | null)[]) => values.map((v, k) => ({ month: `2026-0${k + 1}`, runs: v === null ? 0 : 1, medianMinutes: v }));

describe('stepChart', () => {
  it('scales to the larger of the standard and the medians, plus 10 %', () => {
    const g = stepChart({ standardMinutes: 5, monthly: months([3, 20, null]) }, 320, 150);
    expect(g.max).toBeCloseTo(22);
    // plot: x 40..310, y 10..126; the standard 5 of 22 → 126 − 5/22 × 116
    expect(g.standardY).toBeCloseTo(99.6, 1);
    expect(g.dots.map((d) => [d.x, d.late])).toEqual([[40, false], [175, true]]);
    expect(g.segments).toEqual(['40,110.2 175,20.5']);
  });
  it('breaks the line at a month without runs and draws no dot there', () => {
    const g = stepChart({ standardMinutes: 10, monthly: months([8, null, 12, 9]) });
    expect(g.dots.map((d) => d.month)).toEqual(['2026-01', '2026-03', '2026-04']);
    expect(g.segments).toHaveLength(1); // the lone January point is a dot only
    expect(g.segments[0]!.split(' ')).toHaveLength(2);
  });
  it('has a scale even with no runs at all', () => {
    const g = stepChart({ standardMinutes: 0, monthly: months([null, null]) });
    expect([g.max, g.dots.length, g.segments.length]).toEqual([1, 0, 0]);
  });
});
