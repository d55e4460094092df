/**
 * The chapter as text: every table of Bab III with its cells written the Indonesian way, from one
 * version of the draft. The DOCX and the PDF both print from this, so they cannot say different
 * things; a test reads the DOCX against the same numbers.
 */
import { budgetTable, POLARITY_LABELS, type LkjipYearCell } from '@sipedaki/sop';
import { dateId, num, pct } from '../report/pdf';
import type { LkjipDraftView } from './lkjip.service';

export interface ChapterTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Fractions of the page width. */
  widths: number[];
  align: ('left' | 'right' | 'center')[];
}

export interface ChapterChartSeries {
  label: string;
  /** One value per year of `years` (null = no data that year). */
  values: (number | null)[];
}

export interface ChapterSasaran {
  heading: string;
  tables: ChapterTable[];
  chart: { title: string; years: number[]; series: ChapterChartSeries[] };
  narratives: { label: string; text: string | null }[];
}

export interface Chapter {
  title: string;
  subtitle: string[];
  intro: string;
  sasaran: ChapterSasaran[];
  budget: ChapterTable;
  budgetNote: string;
}

const rupiahFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Rupiah without the sen when there are none, else with both digits: "1.250.000.000", "800.000.000,50". */
const rupiah = (n: number) => (Number.isInteger(n) ? num(n) : rupiahFormat.format(n));
const targetText = (c: Pick<LkjipYearCell, 'target' | 'targetUpper'>) => (c.targetUpper !== null && c.target !== null ? `${num(c.target)} – ${num(c.targetUpper)}` : num(c.target));

export const NARRATIVE_LABELS = {
  causes: 'Penyebab keberhasilan/kegagalan',
  obstacles: 'Kendala',
  solutions: 'Solusi yang telah dilakukan',
  efficiency: 'Efisiensi penggunaan sumber daya',
  programmes: 'Program/kegiatan yang menunjang',
} as const;

export function chapterOf(v: LkjipDraftView, agency: string): Chapter {
  const c = v.computed;
  const years = c.sasaran[0]?.indicators[0]?.history.map((h) => h.year) ?? [];
  const sourceLine = c.sources.map((s) => `${s.year}: ${s.label}, surat ${s.letterNumber} (analisis versi ${s.analysisVersion})`).join('; ');
  const sasaran = c.sasaran.map((s): ChapterSasaran => {
    const narrative = v.narratives.find((n) => n.sasaranId === s.sasaranId);
    const main: ChapterTable = {
      title: `Tabel 3.${s.no}.a Capaian indikator kinerja Sasaran ${s.no} tahun ${c.year}`,
      headers: ['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian', 'Kategori'],
      rows: s.indicators.map((i, k) => [i.no, k === 0 ? s.name : '', i.name, i.satuan, targetText(i), num(i.realisasi), pct(i.capaian), i.category?.label ?? '–']),
      widths: [0.05, 0.2, 0.27, 0.08, 0.1, 0.1, 0.09, 0.11],
      align: ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left'],
    };
    if (s.indicators.length) {
      main.rows.push(['', '', `Rata-rata capaian Sasaran ${s.no}`, '', '', '', pct(s.average), s.category?.label ?? '–']);
    }
    const multi: ChapterTable = {
      title: `Tabel 3.${s.no}.b Perbandingan realisasi dan capaian ${years[0] ?? c.year}–${c.year} (periode ${c.renstra.name})`,
      headers: ['No', 'Indikator', ...years.flatMap((y) => [`Realisasi ${y}`, `Capaian ${y}`]), `Selisih capaian ${c.year} dan ${c.year - 1} (poin)`],
      rows: s.indicators.map((i) => [i.no, i.name, ...i.history.flatMap((h) => [num(h.realisasi), pct(h.capaian)]), i.differenceFromLastYear === null ? '–' : `${i.differenceFromLastYear > 0 ? '+' : ''}${num(i.differenceFromLastYear)}`]),
      widths: (() => {
        const rest = 1 - 0.05 - 0.25 - 0.1;
        return [0.05, 0.25, ...years.flatMap(() => [rest / (2 * years.length), rest / (2 * years.length)]), 0.1];
      })(),
      align: ['left', 'left', ...years.flatMap(() => ['right', 'right'] as const), 'right'],
    };
    const renstra: ChapterTable = {
      title: `Tabel 3.${s.no}.c Realisasi sampai dengan ${c.year} dibanding target akhir Renstra (${c.renstra.endYear})`,
      headers: ['No', 'Indikator', 'Satuan', 'Polaritas', `Target akhir Renstra ${c.renstra.endYear}`, `Realisasi s.d. ${c.year}`, 'Capaian terhadap target Renstra'],
      rows: s.indicators.map((i) => [i.no, i.name, i.satuan, POLARITY_LABELS[i.polarity].id, num(i.renstraTarget), num(i.realisasi), pct(i.renstraCapaian)]),
      widths: [0.05, 0.3, 0.08, 0.17, 0.14, 0.12, 0.14],
      align: ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
    };
    return {
      heading: `Sasaran ${s.no}: ${s.name}`,
      tables: [main, multi, renstra],
      chart: { title: `Grafik 3.${s.no} Capaian indikator Sasaran ${s.no} per tahun (%)`, years, series: s.indicators.map((i) => ({ label: `${i.no} ${i.name}`, values: i.history.map((h) => h.capaian) })) },
      narratives: (Object.keys(NARRATIVE_LABELS) as (keyof typeof NARRATIVE_LABELS)[]).map((k) => ({ label: NARRATIVE_LABELS[k], text: narrative?.[k] ?? null })),
    };
  });
  const b = budgetTable(v.budgetRows);
  return {
    title: 'BAB III AKUNTABILITAS KINERJA',
    subtitle: [`Laporan Kinerja Instansi Pemerintah (LKjIP) ${agency} Tahun ${c.year}`, `Draf versi ${v.version} · ${dateId(v.createdAt)} · angka dihitung ${dateId(v.generatedAt)}`],
    intro:
      `Angka pada bab ini berasal dari analisis capaian kinerja yang telah dibekukan (${sourceLine || 'tidak ada'}). ` +
      `Target adalah target yang berlaku pada permintaan data tersebut; capaian dihitung dengan rumus capaian dan dikategorikan menurut ${c.scale.name}.` +
      (c.yearsWithoutSource.length ? ` Tahun tanpa analisis beku: ${c.yearsWithoutSource.join(', ')}.` : ''),
    sasaran,
    budget: {
      title: `Tabel 3.${sasaran.length + 1} Realisasi anggaran per program tahun ${c.year}`,
      headers: ['No', 'Program', 'Pagu (Rp)', 'Realisasi (Rp)', '%'],
      rows: [
        ...b.rows.map((r) => [String(r.no), r.programme, rupiah(r.pagu), rupiah(r.realisasi), pct(r.percent)]),
        ['', 'Jumlah', rupiah(b.totalPagu), rupiah(b.totalRealisasi), pct(b.totalPercent)],
      ],
      widths: [0.06, 0.46, 0.18, 0.18, 0.12],
      align: ['left', 'left', 'right', 'right', 'right'],
    },
    budgetNote: b.rows.length ? '' : 'Realisasi anggaran per program belum diisi.',
  };
}
