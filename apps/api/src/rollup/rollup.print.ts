/**
 * The kabupaten rollup on paper and in a spreadsheet: the league table and the trend as XLSX, and
 * as a landscape PDF under the kop of the printing person's own office (Bappeda, Setda or the
 * Inspektorat: its kop already names the pemda). The PDF is a working print, not an issued
 * document: its figures are computed at the moment it is printed and move with every frozen
 * analysis, so it carries the moment instead of a verification code. Every export is in the audit
 * trail (who took which pemda's figures for which period).
 */
import { categoryColor, type RollupMeasure } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { Db } from '../db/prisma';
import { XLSX_MIME } from '../document/storage';
import type { LetterheadService } from '../office/letterhead.service';
import { dateTimeId, num, PdfWriter, pct } from '../report/pdf';
import type { IssuedFile, ReportService } from '../report/report.service';
import { buildWorkbook } from '../report/xlsx';
import type { RollupPeriod, RollupService, RollupView } from './rollup.service';

const MEASURE_LABEL: Record<RollupMeasure, string> = { CAPAIAN: 'capaian', TIMELINESS: 'ketepatan waktu', COMPLETENESS: 'kelengkapan' };
const stem = (p: RollupPeriod) => `peringkat-kabupaten-${p.year}${p.triwulan ? `-tw${p.triwulan}` : ''}`;
const rank = (r: number | null) => (r === null ? '–' : String(r));

export class RollupPrintService {
  constructor(
    private readonly db: Db,
    private readonly rollup: RollupService,
    private readonly reports: ReportService,
    private readonly letterheads: LetterheadService,
  ) {}

  private async audited(actor: Actor, v: RollupView, format: 'XLSX' | 'PDF') {
    await this.db.$transaction((tx) =>
      audit(tx, actor, { action: 'rollup.exported', entityType: 'Pemda', entityId: v.pemdaId, after: { format, year: v.year, triwulan: v.triwulan, sortBy: v.sortBy, offices: v.offices.length } }),
    );
  }

  async xlsx(actor: Actor, period: RollupPeriod, sortBy: RollupMeasure, now = new Date()): Promise<IssuedFile> {
    const v = await this.rollup.rollup(actor, period, sortBy, now);
    const bytes = await buildWorkbook([
      {
        name: 'Peringkat',
        title: [
          `Peringkat Perangkat Daerah — ${v.pemdaName}`,
          `Periode: ${v.periodLabel} · urut menurut ${MEASURE_LABEL[v.sortBy]} · dihitung ${dateTimeId(v.computedAt)}`,
          'Capaian: analisis final (terkirim) saja, dengan skala dan cap yang dipakai analisis itu. Ketepatan waktu: langkah SOP selesai dalam batas waktu / (tepat + terlambat). Kelengkapan: Bidang yang menyerahkan / Bidang yang diminta (dibebaskan = tidak menyerahkan).',
        ],
        headers: [
          'Perangkat Daerah', 'Kode', 'Permintaan', 'Selesai (DONE)', 'Capaian (%)', 'Kategori', 'Skala', 'Cap (%)', 'Peringkat capaian',
          'Langkah tepat waktu', 'Langkah terlambat', 'Langkah berjalan', 'Ketepatan waktu (%)', 'Peringkat ketepatan',
          'Bidang diminta', 'Bidang menyerahkan', 'Bidang dibebaskan', 'Kelengkapan (%)', 'Peringkat kelengkapan',
        ],
        rows: v.offices.map((o) => [
          o.officeName, o.officeCode, o.requests, o.requestsDone, o.capaian, o.category?.label ?? null, o.scaleCode ? `${o.scaleCode} v${o.scaleVersion}` : null, o.cap, o.rankCapaian,
          o.stepsOnTime, o.stepsLate, o.stepsOpen, o.timeliness, o.rankTimeliness,
          o.bidangAsked, o.bidangHandedIn, o.bidangWaived, o.completeness, o.rankCompleteness,
        ]),
        widths: [36, 14, 11, 11, 11, 16, 14, 9, 11, 12, 12, 12, 13, 12, 11, 13, 12, 13, 12],
      },
      {
        name: 'Tren',
        title: [`Tren ${v.pemdaName}: Triwulan I–IV dan setahun, lima tahun sampai ${v.year}`, 'Rata-rata capaian: Dinas yang punya analisis final, tiap Dinas berbobot satu; ketepatan dan kelengkapan: dijumlah atas semua Dinas.'],
        headers: ['Periode', 'Tahun', 'Triwulan', 'Rata-rata capaian (%)', 'Dinas dengan analisis final', 'Dinas diminta', 'Ketepatan waktu (%)', 'Langkah tepat', 'Langkah terlambat', 'Kelengkapan (%)', 'Bidang diminta', 'Bidang menyerahkan'],
        rows: v.trend.map((p) => [p.label, p.year, p.triwulan, p.averageCapaian, p.officesWithCapaian, p.officesAsked, p.timeliness, p.stepsOnTime, p.stepsLate, p.completeness, p.bidangAsked, p.bidangHandedIn]),
        widths: [18, 8, 9, 14, 14, 11, 14, 12, 12, 14, 12, 14],
      },
    ]);
    await this.audited(actor, v, 'XLSX');
    return { bytes, filename: `${stem(period)}.xlsx`, mimeType: XLSX_MIME };
  }

  async pdf(actor: Actor, period: RollupPeriod, sortBy: RollupMeasure, now = new Date()): Promise<IssuedFile> {
    const v = await this.rollup.rollup(actor, period, sortBy, now);
    const kop = await this.letterheads.forPrint(actor.officeId);
    const pdf = new PdfWriter('Peringkat Perangkat Daerah', null, { landscape: true, issuedAt: now });
    pdf.kop(this.reports.kopPrint(kop));
    const s = v.summary;
    pdf.title('PERINGKAT KINERJA PERANGKAT DAERAH', [
      `${v.pemdaName} · Periode: ${v.periodLabel} · urut menurut ${MEASURE_LABEL[v.sortBy]}`,
      `Rata-rata capaian ${pct(s.averageCapaian)} (${s.officesWithCapaian} dari ${v.offices.length} Perangkat Daerah dengan analisis final) · ketepatan waktu ${pct(s.timeliness)} · kelengkapan ${pct(s.completeness)}`,
    ]);
    pdf.table(
      ['No', 'Perangkat Daerah', 'Capaian', 'Kategori', 'Ketepatan waktu (tepat / terlambat)', 'Kelengkapan (diserahkan / diminta)', 'Peringkat capaian · waktu · kelengkapan'],
      v.offices.map((o, i) => [
        String(i + 1),
        o.officeName,
        pct(o.capaian),
        o.category?.label ?? (o.requests ? 'Belum ada analisis final' : 'Tidak ada permintaan'),
        `${pct(o.timeliness)} (${num(o.stepsOnTime)} / ${num(o.stepsLate)})`,
        `${pct(o.completeness)} (${num(o.bidangHandedIn)} / ${num(o.bidangAsked)})`,
        `${rank(o.rankCapaian)} · ${rank(o.rankTimeliness)} · ${rank(o.rankCompleteness)}`,
      ]),
      [0.04, 0.3, 0.09, 0.15, 0.16, 0.15, 0.11],
      { align: ['right', 'left', 'right', 'left', 'right', 'right', 'center'] },
    );
    pdf.barChart(
      `Capaian per Perangkat Daerah — ${v.periodLabel}`,
      v.offices.map((o) => ({ label: o.officeName, value: o.capaian, color: categoryColor(o.category?.code) })),
    );
    const points = v.trend.filter((p) => p.officesAsked > 0);
    if (points.length) {
      pdf.heading('Tren kabupaten (periode yang ada permintaannya)');
      pdf.table(
        ['Periode', 'Rata-rata capaian', 'Dinas dengan analisis final', 'Ketepatan waktu', 'Kelengkapan'],
        points.map((p) => [p.label, pct(p.averageCapaian), `${p.officesWithCapaian} dari ${p.officesAsked}`, pct(p.timeliness), pct(p.completeness)]),
        [0.24, 0.19, 0.19, 0.19, 0.19],
        { align: ['left', 'right', 'right', 'right', 'right'] },
      );
    }
    pdf.paragraph(`Dihitung ${dateTimeId(v.computedAt)}. Capaian hanya dari analisis final (terkirim) dengan skala dan cap yang dipakai analisis itu; ketepatan waktu dari waktu tercatat setiap langkah SOP terhadap batas waktunya; Bidang yang dibebaskan dihitung tidak menyerahkan.`);
    const bytes = await pdf.finish();
    await this.audited(actor, v, 'PDF');
    return { bytes, filename: `${stem(period)}.pdf`, mimeType: 'application/pdf' };
  }
}
