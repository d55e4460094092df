import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, MISSING_CATEGORY_COLOR as MISSING_COLOR } from '@sipedaki/sop';
import { axisLabel, capaianBars, categorySpread, trendPoints } from './use-chart-data';

const cat = (code: string, label: string, labelEn = label) => ({ code, label, labelEn });

describe('categorySpread', () => {
  it('counts indicators per category, the five LKjIP ones always, best first', () => {
    const s = categorySpread([
      { category: cat('BAIK', 'Baik', 'Good') },
      { category: cat('BAIK', 'Baik', 'Good') },
      { category: cat('SANGAT_KURANG', 'Sangat Kurang') },
      { category: null },
    ]);
    expect(s.items.map((i) => [i.code, i.count])).toEqual([
      ['SANGAT_BAIK', 0],
      ['BAIK', 2],
      ['CUKUP', 0],
      ['KURANG', 0],
      ['SANGAT_KURANG', 1],
    ]);
    expect(s.missing).toBe(1);
    expect(s.total).toBe(4);
    expect(s.items[1]!.color).toBe(CATEGORY_COLORS.BAIK);
  });
  it('adds a sixth category only when used, with English labels', () => {
    const s = categorySpread([{ category: cat('MELAMPAUI_TARGET', 'Tercapai/Melampaui Target', 'Met or exceeded target') }], 'en');
    expect(s.items[0]).toMatchObject({ code: 'MELAMPAUI_TARGET', count: 1, label: 'Met or exceeded target' });
    expect(s.items.find((i) => i.code === 'CUKUP')?.label).toBe('Fair');
  });
});

describe('capaianBars', () => {
  it('rounds, colours by category and keeps missing averages as null', () => {
    const bars = capaianBars([
      { label: 'Pemdes', average: 92.345, category: cat('SANGAT_BAIK', 'Sangat Baik', 'Very good') },
      { label: 'Ekonomi', average: null, category: null },
    ]);
    expect(bars[0]).toMatchObject({ label: 'Pemdes', value: 92.3, color: CATEGORY_COLORS.SANGAT_BAIK, categoryLabel: 'Sangat Baik' });
    expect(bars[1]).toMatchObject({ value: null, color: MISSING_COLOR });
  });
});

describe('trendPoints', () => {
  const period = { label: 'Triwulan III 2026', year: 2026, triwulan: 3 };
  it('averages each period over the indicators that have a value then, oldest first', () => {
    const pts = trendPoints(
      [
        { capaian: 90, previous: { label: 'Triwulan II 2026', year: 2026, triwulan: 2, capaian: 80 }, lastYear: { label: 'Triwulan III 2025', year: 2025, triwulan: 3, capaian: 60 } },
        { capaian: 70, previous: { label: 'Triwulan II 2026', year: 2026, triwulan: 2, capaian: null }, lastYear: null },
        { capaian: null, previous: null, lastYear: null },
      ],
      period,
    );
    expect(pts).toEqual([
      { label: 'Triwulan III 2025', average: 60, count: 1, current: false },
      { label: 'Triwulan II 2026', average: 80, count: 1, current: false },
      { label: 'Triwulan III 2026', average: 80, count: 2, current: true },
    ]);
  });
  it('holds only the current period without history', () => {
    expect(trendPoints([{ capaian: null }], period)).toEqual([{ label: 'Triwulan III 2026', average: null, count: 0, current: true }]);
  });
});

describe('axisLabel', () => {
  it('drops "Bidang", wraps and cuts long names', () => {
    expect(axisLabel('Bidang Pemerintahan Desa')).toEqual(['Pemerintahan Desa']);
    expect(axisLabel('Bidang Pemberdayaan Usaha Ekonomi Masyarakat dan TTG', 18, 2)).toEqual(['Pemberdayaan Usaha', 'Ekonomi Masyarakat…']);
  });
});
