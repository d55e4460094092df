/**
 * The SOP monitoring on paper and in a spreadsheet: the form "Monitoring Pelaksanaan SOP AP"
 * (PDF with the office's kop, the paraf of the evaluator and a verification code, issued once per
 * content like every other document) and the same facts as XLSX. The PDF is issued only once the
 * form has been initialled: a verifiable paper states a final judgement.
 */
import {
  monitoringPeriodLabel,
  RECORD_MARK_LABELS,
  ROLE_LABELS,
  SOP_ASSESSMENT_LABELS,
  SOP_EVALUATION_QUESTIONS,
  SOP_META,
  SOP_MONITORING_READERS,
  type MonitoringPeriod,
  type SopAssessment,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { hasAnyRole } from '../auth/actor';
import { fail, fieldProblem } from '../common/errors';
import type { Db } from '../db/prisma';
import { XLSX_MIME } from '../document/storage';
import type { LetterheadService } from '../office/letterhead.service';
import { dateId, num, PdfWriter, pct } from '../report/pdf';
import type { IssuedFile, ReportService } from '../report/report.service';
import { resolveSignatories } from '../report/signatories';
import { buildWorkbook } from '../report/xlsx';
import type { MonitoringService, MonitoringStepFacts, MonitoringView } from './monitoring.service';

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const monthShort = (m: string) => MONTHS_ID[Number(m.slice(5)) - 1] ?? m;
const assessmentLabel = (a: SopAssessment | null) => (a ? SOP_ASSESSMENT_LABELS[a].id : '');
const answerLabel = (a: boolean | null) => (a === true ? 'Ya' : a === false ? 'Tidak' : '');
/** "SW" for "Siti Wahyuni, S.E.": the evaluator's initials in the paraf column. */
const initials = (name: string) => name.split(',')[0]!.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
const fileStem = (p: MonitoringPeriod) => `monitoring-sop-${p.year}${p.semester ? `-s${p.semester}` : ''}`;

export class MonitoringPrintService {
  constructor(
    private readonly db: Db,
    private readonly monitoring: MonitoringService,
    private readonly reports: ReportService,
    private readonly letterheads: LetterheadService,
  ) {}

  private assertReader(actor: Actor) {
    if (!hasAnyRole(actor, SOP_MONITORING_READERS)) {
      fail('FORBIDDEN', { id: 'Monitoring SOP hanya untuk Kasubbag, Sekretaris dan Kepala Dinas.', en: 'The SOP monitoring is for the Kasubbag, the Sekretaris and the Kepala Dinas only.' });
    }
  }

  async pdf(actor: Actor, period: MonitoringPeriod, baseUrl: string, now = new Date()): Promise<IssuedFile> {
    this.assertReader(actor);
    const v = await this.monitoring.view(actor, period, now);
    if (!v.signedAt || !v.evaluatorId) {
      fail('VALIDATION_FAILED', { id: 'Monitoring periode ini belum diparaf: cetak PDF setelah paraf penilai.', en: 'This period’s monitoring has not been initialled yet: print the PDF after the evaluator’s paraf.' }, {
        fields: [fieldProblem('signedAt', { id: 'Belum diparaf', en: 'Not initialled yet' })],
      });
    }
    const kop = await this.letterheads.forPrint(actor.officeId);
    const [evaluator, sekretaris] = await resolveSignatories(this.db, actor.officeId, [
      { role: 'KASUBBAG', by: { userId: v.evaluatorId, at: v.signedAt } },
      { role: 'SEKRETARIS', by: null },
    ], now);
    const f = v.facts;
    const content = {
      kop: kop.content,
      facts: f,
      rows: v.rows,
      answers: v.answers,
      evaluator: evaluator!,
      evaluatorInitials: initials(v.evaluatorName ?? ''),
      sekretaris: sekretaris!,
    };
    const filename = `${fileStem(period)}.pdf`;
    return this.reports.issuePdf(actor, { officeId: actor.officeId, requestId: null, kind: 'SOP_MONITORING', filename }, baseUrl, content, async (ver, issuedAt) => {
      const pdf = new PdfWriter('Monitoring Pelaksanaan SOP AP', ver, { landscape: true, issuedAt });
      pdf.kop(this.reports.kopPrint(kop));
      const last = new Date(new Date(f.to).getTime() - 1);
      pdf.title('MONITORING PELAKSANAAN SOP AP', [
        `Nama SOP: ${SOP_META.title} · Nomor: ${SOP_META.number}`,
        `Periode: ${f.label} (${dateId(new Date(f.from))} – ${dateId(last)}) · ${f.requestCount} permintaan data tercatat · laporan dikembalikan ${f.reportReturns} kali`,
      ]);
      const paraf = `${content.evaluatorInitials}\n${dateId(v.signedAt!)}`;
      pdf.table(
        ['No', 'Prosedur (fakta tercatat)', 'Penilaian terhadap penerapan', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai'],
        f.steps.map((s) => {
          const r = v.rows.find((x) => x.step === s.step);
          return [String(s.step), `${s.activity}\n${s.facts}`, assessmentLabel(r?.assessment ?? null), r?.note ?? '', r?.action ?? '', paraf];
        }),
        [0.04, 0.38, 0.12, 0.19, 0.18, 0.09],
        { align: ['right', 'left', 'left', 'left', 'left', 'center'] },
      );
      pdf.heading('Evaluasi SOP');
      pdf.table(
        ['No', 'Apakah SOP …', 'Jawaban (Ya/Tidak)'],
        SOP_EVALUATION_QUESTIONS.map((q) => [String(q.no), q.id, answerLabel(v.answers.find((a) => a.no === q.no)?.answer ?? null)]),
        [0.05, 0.75, 0.2],
        { align: ['right', 'left', 'center'] },
      );
      pdf.signatureBlocks([
        { mark: `Mengetahui — ${RECORD_MARK_LABELS.PARAF.id}`, place: content.kop.city, signatory: content.sekretaris },
        { mark: `${RECORD_MARK_LABELS.PARAF.id} penilai`, place: content.kop.city, signatory: content.evaluator },
      ], { columns: 3 });
      // The recorded facts behind the judgements, as an annex.
      pdf.doc.addPage();
      pdf.title('LAMPIRAN: FAKTA PELAKSANAAN SOP TERCATAT', [`${f.label} · dihitung dari waktu kerja setiap langkah yang tercatat di SIPEDAKI`]);
      pdf.heading('Waktu pelaksanaan per langkah (menit kerja)');
      pdf.table(
        ['Langkah', 'Standar', 'Selesai', 'Median', 'Persentil 90', 'Terlambat', '% terlambat', 'Median lewat batas', 'Paling lama lewat', 'Terlambat oleh', 'Masih berjalan'],
        f.steps.map((s) => [
          String(s.step), s.standardLabel, num(s.runs), num(s.medianMinutes), num(s.p90Minutes), num(s.late), pct(s.lateSharePercent),
          num(s.lateMedianMinutes), num(s.lateMaxMinutes), s.lateByRole.map((x) => `${x.label} (${x.count})`).join(', ') || '–', `${s.open} (${s.openOverdue} lewat batas)`,
        ]),
        [0.06, 0.08, 0.07, 0.07, 0.08, 0.08, 0.08, 0.1, 0.1, 0.16, 0.12],
        { align: ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'] },
      );
      pdf.heading('Penyerahan data per Bidang (langkah 4)');
      pdf.table(
        ['Bidang', 'Format diterima', 'Diserahkan', 'Terlambat', 'Dikembalikan'],
        f.bidang.map((b) => [b.name, num(b.requests), num(b.handedIn), num(b.late), num(b.returns)]),
        [0.4, 0.15, 0.15, 0.15, 0.15],
        { align: ['left', 'right', 'right', 'right', 'right'] },
      );
      drawStepCharts(pdf, f.steps, f.months, f.dayMinutes);
      return pdf.finish();
    });
  }

  /** The same facts and judgements as a workbook (a working copy: also before the paraf). */
  async xlsx(actor: Actor, period: MonitoringPeriod, now = new Date()): Promise<IssuedFile> {
    this.assertReader(actor);
    const v: MonitoringView = await this.monitoring.view(actor, period, now);
    const f = v.facts;
    const title = [
      `Monitoring Pelaksanaan SOP AP — ${SOP_META.title}`,
      `Periode: ${monitoringPeriodLabel(period)} · ${f.requestCount} permintaan · laporan dikembalikan ${f.reportReturns} kali`,
      v.signedAt ? `Diparaf oleh ${v.evaluatorName ?? '–'} pada ${dateId(v.signedAt)}` : 'Belum diparaf (draf)',
    ];
    const bytes = await buildWorkbook([
      {
        name: 'Monitoring',
        title,
        headers: ['No', 'Prosedur', 'Fakta tercatat', 'Penilaian terhadap penerapan', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai'],
        rows: f.steps.map((s) => {
          const r = v.rows.find((x) => x.step === s.step);
          return [s.step, s.activity, s.facts, assessmentLabel(r?.assessment ?? null), r?.note ?? '', r?.action ?? '', v.signedAt ? initials(v.evaluatorName ?? '') : ''];
        }),
        widths: [5, 50, 60, 24, 36, 36, 12],
      },
      {
        name: 'Waktu per langkah',
        title: ['Waktu pelaksanaan per langkah, dalam menit kerja (median dan persentil 90 seperti MEDIAN dan PERCENTILE.INC)'],
        headers: ['Langkah', 'Standar (menit)', 'Selesai', 'Median', 'Persentil 90', 'Terlambat', '% terlambat', 'Median lewat batas', 'Paling lama lewat', 'Terlambat oleh', 'Masih berjalan', 'Masih berjalan, lewat batas'],
        rows: f.steps.map((s) => [s.step, s.standardMinutes, s.runs, s.medianMinutes, s.p90Minutes, s.late, s.lateSharePercent, s.lateMedianMinutes, s.lateMaxMinutes, s.lateByRole.map((x) => `${x.label} (${x.count})`).join(', '), s.open, s.openOverdue]),
        widths: [9, 14, 9, 10, 12, 10, 12, 16, 16, 40, 14, 18],
      },
      {
        name: 'Per bulan',
        title: ['Median waktu nyata (menit kerja) per bulan dimulainya, dibanding standar'],
        headers: ['Langkah', 'Standar (menit)', ...f.months],
        rows: f.steps.map((s) => [s.step, s.standardMinutes, ...s.monthly.map((m) => m.medianMinutes)]),
        widths: [9, 14, ...f.months.map(() => 11)],
      },
      {
        name: 'Pelaksanaan',
        title: ['Setiap pelaksanaan langkah yang tercatat (menit kerja): median dan persentil 90 per langkah = MEDIAN / PERCENTILE.INC kolom "Waktu nyata" dari baris yang selesai'],
        headers: ['Nomor surat', 'Langkah', 'Mulai', 'Batas waktu', 'Selesai', 'Waktu nyata (menit kerja)', 'Lewat batas (menit kerja)', 'Diselesaikan oleh'],
        rows: f.runs.map((r) => [r.letterNumber, r.step, new Date(r.startedAt), new Date(r.dueAt), r.completedAt ? new Date(r.completedAt) : null, r.actualMinutes, r.lateMinutes, r.role ? ROLE_LABELS[r.role].id : null]),
        widths: [28, 9, 20, 20, 20, 14, 14, 30],
      },
      {
        name: 'Bidang',
        headers: ['Bidang', 'Format diterima', 'Diserahkan', 'Terlambat', 'Dikembalikan'],
        rows: f.bidang.map((b) => [b.name, b.requests, b.handedIn, b.late, b.returns]),
        widths: [40, 16, 12, 12, 14],
      },
      {
        name: 'Evaluasi',
        headers: ['No', 'Apakah SOP …', 'Jawaban'],
        rows: SOP_EVALUATION_QUESTIONS.map((q) => [q.no, q.id, answerLabel(v.answers.find((a) => a.no === q.no)?.answer ?? null)]),
        widths: [5, 70, 12],
      },
    ]);
    return { bytes, filename: `${fileStem(period)}.xlsx`, mimeType: XLSX_MIME };
  }
}

/** An axis label that fits: "22 mnt", "4,5 jam", "3,4 hari". */
function compactDuration(minutes: number, dayMinutes: number): string {
  const f = (n: number) => num(Math.round(n * 10) / 10);
  if (minutes < 60) return `${f(minutes)} mnt`;
  if (minutes < dayMinutes || dayMinutes <= 0) return `${f(minutes / 60)} jam`;
  return `${f(minutes / dayMinutes)} hari`;
}

/**
 * One small line chart per step, three to a row: the median actual working time of each month
 * (blue, a dot per month with runs) against the standard (red dashed line), on a scale from 0 to
 * the larger of the two. A month without runs has no dot and breaks the line.
 */
function drawStepCharts(pdf: PdfWriter, steps: MonitoringStepFacts[], months: string[], dayMinutes: number) {
  const d = pdf.doc;
  const left = d.page.margins.left;
  const perRow = 3;
  const gap = 14;
  const w = (pdf.width - gap * (perRow - 1)) / perRow;
  const h = 120;
  pdf.heading('Grafik waktu nyata (median per bulan) dibanding standar');
  for (let i = 0; i < steps.length; i += perRow) {
    pdf.ensureSpace(h + 10);
    const top = d.y;
    steps.slice(i, i + perRow).forEach((s, j) => drawOne(pdf, s, months, dayMinutes, left + j * (w + gap), top, w, h));
    d.x = left;
    d.y = top + h + 10;
  }
  d.fillColor('#2F5597').font('Helvetica').fontSize(7.5).text('— median waktu nyata', left, d.y, { continued: true }).fillColor('#C00000').text('    - - - standar');
  d.fillColor('black').fontSize(9).moveDown(0.5);
}

function drawOne(pdf: PdfWriter, s: MonitoringStepFacts, months: string[], dayMinutes: number, x: number, y: number, w: number, h: number) {
  const d = pdf.doc;
  d.rect(x, y, w, h).lineWidth(0.5).stroke('#999999');
  d.fillColor('black').font('Helvetica-Bold').fontSize(8).text(`Langkah ${s.step} — standar ${s.standardLabel}`, x + 4, y + 4, { width: w - 8, lineBreak: false });
  const plot = { x: x + 34, y: y + 20, w: w - 42, h: h - 38 };
  const values = s.monthly.map((m) => m.medianMinutes);
  const max = Math.max(s.standardMinutes, ...values.map((v) => v ?? 0)) * 1.1 || 1;
  const yOf = (v: number) => plot.y + plot.h - (v / max) * plot.h;
  const step = months.length > 1 ? plot.w / (months.length - 1) : 0;
  const xOf = (k: number) => plot.x + k * step;
  // Axes and labels.
  d.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.h).lineTo(plot.x + plot.w, plot.y + plot.h).lineWidth(0.6).stroke('#333333');
  d.font('Helvetica').fontSize(6).fillColor('#333333');
  d.text(compactDuration(max, dayMinutes), x + 2, plot.y - 3, { width: 31, align: 'right', lineBreak: false });
  d.text('0', x + 2, plot.y + plot.h - 3, { width: 31, align: 'right', lineBreak: false });
  months.forEach((m, k) => d.text(monthShort(m), xOf(k) - 10, plot.y + plot.h + 3, { width: 20, align: 'center', lineBreak: false }));
  // The standard.
  d.moveTo(plot.x, yOf(s.standardMinutes)).lineTo(plot.x + plot.w, yOf(s.standardMinutes)).dash(3, { space: 2 }).lineWidth(1).stroke('#C00000').undash();
  // The actual medians.
  let drawing = false;
  values.forEach((v, k) => {
    if (v === null) {
      drawing = false;
      return;
    }
    if (drawing) d.lineTo(xOf(k), yOf(v));
    else d.moveTo(xOf(k), yOf(v));
    drawing = true;
  });
  d.lineWidth(1.4).stroke('#2F5597');
  values.forEach((v, k) => {
    if (v !== null) d.circle(xOf(k), yOf(v), 2).fill(v > s.standardMinutes ? '#C00000' : '#2F5597');
  });
  d.fillColor('black');
}
