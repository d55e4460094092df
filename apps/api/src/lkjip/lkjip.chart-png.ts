/**
 * The PDF's chart per Sasaran (lkjip.print.ts drawChart: grouped bars of capaian per indicator
 * and year, the 100 % line dashed red, the value over each bar) drawn as a PNG for the DOCX.
 * Pure JS on purpose: a tiny rasteriser, a 5×7 bitmap font for the numbers and the PNG encoder of
 * db/demo-logo.ts — no native module, nothing downloaded at install, so `pnpm install --offline` and
 * `.ci/run` are unchanged. Only digits and "%,.-–" are drawn in the image; the indicator names
 * and the year legend are Word text under it (they stay searchable and editable there).
 */
import { encodePng } from '../db/demo-logo';
import { pct } from '../report/pdf';

export interface ChartData {
  years: number[];
  series: { label: string; values: (number | null)[] }[];
}

/** One colour per year of a chart (oldest lightest), the report year the office's blue. */
export const YEAR_COLORS = ['#BDD7EE', '#9DC3E6', '#6FA8DC', '#4A86C5', '#2F5597'];
export const yearColor = (years: number, k: number) => YEAR_COLORS[Math.max(0, YEAR_COLORS.length - years + k)] ?? '#2F5597';

// 5×7 glyphs, one string of 7 rows per character ('#' = ink).
const GLYPHS: Record<string, string[]> = {
  '0': [' ### ', '#   #', '#  ##', '# # #', '##  #', '#   #', ' ### '],
  '1': ['  #  ', ' ##  ', '  #  ', '  #  ', '  #  ', '  #  ', ' ### '],
  '2': [' ### ', '#   #', '    #', '   # ', '  #  ', ' #   ', '#####'],
  '3': ['#####', '   # ', '  #  ', '   # ', '    #', '#   #', ' ### '],
  '4': ['   # ', '  ## ', ' # # ', '#  # ', '#####', '   # ', '   # '],
  '5': ['#####', '#    ', '#### ', '    #', '    #', '#   #', ' ### '],
  '6': ['  ## ', ' #   ', '#    ', '#### ', '#   #', '#   #', ' ### '],
  '7': ['#####', '    #', '   # ', '  #  ', ' #   ', ' #   ', ' #   '],
  '8': [' ### ', '#   #', '#   #', ' ### ', '#   #', '#   #', ' ### '],
  '9': [' ### ', '#   #', '#   #', ' ####', '    #', '   # ', ' ##  '],
  '%': ['##   ', '##  #', '   # ', '  #  ', ' #   ', '#  ##', '   ##'],
  ',': ['     ', '     ', '     ', '     ', '     ', ' ##  ', ' #   '],
  '.': ['     ', '     ', '     ', '     ', '     ', ' ##  ', ' ##  '],
  '-': ['     ', '     ', '     ', '#####', '     ', '     ', '     '],
  '–': ['     ', '     ', '     ', '#####', '     ', '     ', '     '],
  ' ': ['     ', '     ', '     ', '     ', '     ', '     ', '     '],
};

const rgb = (hex: string): [number, number, number] => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

class Raster {
  readonly px: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.px = new Uint8Array(width * height * 3).fill(255);
  }

  rect(x: number, y: number, w: number, h: number, color: string) {
    const [r, g, b] = rgb(color);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 3;
        this.px[i] = r;
        this.px[i + 1] = g;
        this.px[i + 2] = b;
      }
    }
  }

  textWidth(s: string, scale: number) {
    return s.length * 6 * scale - scale;
  }

  /** Characters without a glyph are left out (the image carries numbers only). */
  text(s: string, x: number, y: number, scale: number, color: string, align: 'left' | 'center' | 'right' = 'left') {
    let cx = align === 'left' ? x : align === 'center' ? x - this.textWidth(s, scale) / 2 : x - this.textWidth(s, scale);
    for (const ch of s) {
      const g = GLYPHS[ch];
      if (g) g.forEach((row, ry) => [...row].forEach((c, rx) => c === '#' && this.rect(cx + rx * scale, y + ry * scale, scale, scale, color)));
      cx += 6 * scale;
    }
  }

  png(): Buffer {
    return encodePng(this.width, this.height, (x, y) => {
      const i = (y * this.width + x) * 3;
      return [this.px[i]!, this.px[i + 1]!, this.px[i + 2]!, 255] as const;
    });
  }
}

/**
 * Where the bars go, shared by the PDF and the PNG so the two charts agree: the scale reaches at
 * least 120 % (and 8 % over the highest capaian), one group per indicator, one bar per year.
 */
export function chartGeometry(chart: ChartData, plot: { x: number; y: number; w: number; h: number }, maxBarW: number) {
  const values = chart.series.flatMap((s) => s.values.filter((x): x is number => x !== null));
  const max = Math.max(120, ...values) * 1.08;
  const yOf = (v: number) => plot.y + plot.h - (Math.max(0, v) / max) * plot.h;
  const groupW = plot.w / chart.series.length;
  const barW = Math.min(maxBarW, (groupW * 0.8) / Math.max(1, chart.years.length));
  /** Left edge of bar k of group g. */
  const barX = (g: number, k: number) => plot.x + g * groupW + (groupW - barW * chart.years.length) / 2 + k * barW;
  return { max, yOf, groupW, barW, barX };
}

/** Pixel size of every chart PNG (drawn at twice the size it is shown in Word, for print). */
export const CHART_PNG = { width: 1200, height: 480 } as const;

/**
 * The chart as PNG: the PDF's layout (ticks every 20 %, the scale up to at least 120 %, one bar per
 * year per indicator, "–" where a year has no capaian), the indicator number under each group.
 * null when the Sasaran has no indicator (the PDF draws nothing then either).
 */
export function chartPng(chart: ChartData, groupLabel: (i: number) => string): Buffer | null {
  if (!chart.series.length) return null;
  const r = new Raster(CHART_PNG.width, CHART_PNG.height);
  const plot = { x: 110, y: 30, w: CHART_PNG.width - 130, h: CHART_PNG.height - 90 };
  const { max, yOf, groupW, barW, barX } = chartGeometry(chart, plot, 110);
  for (let t = 0; t <= max; t += 20) {
    r.text(`${t}%`, plot.x - 14, yOf(t) - 7, 2, '#333333', 'right');
    r.rect(plot.x - 8, yOf(t), 8, 2, '#333333');
  }
  // 100 %, under the bars and their values; dashed as in the PDF.
  for (let x = plot.x; x < plot.x + plot.w; x += 18) r.rect(x, yOf(100) - 1, Math.min(12, plot.x + plot.w - x), 3, '#C00000');
  chart.series.forEach((s, g) => {
    s.values.forEach((v, k) => {
      const x = barX(g, k);
      if (v !== null) r.rect(x + 3, yOf(v), barW - 6, plot.y + plot.h - yOf(v), yearColor(chart.years.length, k));
      const label = v === null ? '–' : pct(v);
      r.text(label, x + barW / 2, (v === null ? plot.y + plot.h : yOf(v)) - 20, barW >= 70 ? 2 : 1, '#000000', 'center');
    });
    r.text(groupLabel(g), plot.x + g * groupW + groupW / 2, plot.y + plot.h + 16, 3, '#000000', 'center');
  });
  // The axes last, over the bars' feet.
  r.rect(plot.x, plot.y, 2, plot.h + 1, '#333333');
  r.rect(plot.x, plot.y + plot.h, plot.w, 2, '#333333');
  return r.png();
}
