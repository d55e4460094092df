/**
 * The geometry of one step's chart on the monitoring page (SVG, no chart library): the monthly
 * median of the actual working time as a line with a dot per month that had runs, against the
 * standard as a horizontal line, on a scale from 0 to the larger of the two (+10 %). A month
 * without runs has no dot and breaks the line. Pure, so it is tested without a browser.
 */
export interface StepChartInput {
  standardMinutes: number;
  monthly: { month: string; runs: number; medianMinutes: number | null }[];
}

export interface StepChartGeometry {
  width: number;
  height: number;
  /** The plot area inside the axes. */
  plot: { x: number; y: number; w: number; h: number };
  max: number;
  standardY: number;
  /** One polyline per unbroken run of months. */
  segments: string[];
  dots: { x: number; y: number; late: boolean; month: string; value: number }[];
  ticks: { x: number; month: string }[];
}

export function stepChart(input: StepChartInput, width = 320, height = 150): StepChartGeometry {
  const plot = { x: 40, y: 10, w: width - 50, h: height - 34 };
  const values = input.monthly.map((m) => m.medianMinutes);
  const max = Math.max(input.standardMinutes, ...values.map((v) => v ?? 0)) * 1.1 || 1;
  const n = input.monthly.length;
  const xOf = (k: number) => plot.x + (n > 1 ? (k * plot.w) / (n - 1) : plot.w / 2);
  const yOf = (v: number) => plot.y + plot.h - (v / max) * plot.h;
  const round = (v: number) => Math.round(v * 10) / 10;
  const segments: string[] = [];
  let current: string[] = [];
  input.monthly.forEach((m, k) => {
    if (m.medianMinutes === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${round(xOf(k))},${round(yOf(m.medianMinutes))}`);
  });
  if (current.length > 1) segments.push(current.join(' '));
  return {
    width,
    height,
    plot,
    max,
    standardY: round(yOf(input.standardMinutes)),
    segments,
    dots: input.monthly.flatMap((m, k) =>
      m.medianMinutes === null ? [] : [{ x: round(xOf(k)), y: round(yOf(m.medianMinutes)), late: m.medianMinutes > input.standardMinutes, month: m.month, value: m.medianMinutes }],
    ),
    ticks: input.monthly.map((m, k) => ({ x: round(xOf(k)), month: m.month })),
  };
}
