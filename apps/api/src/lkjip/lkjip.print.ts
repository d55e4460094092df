/**
 * The LKjIP Bab III draft as files: a Word document the office goes on editing (docx package),
 * and a PDF with the office's kop, a chart per Sasaran and a verification code, issued like every
 * other document (the same content again hands out the stored copy). Both print the same
 * chapter text (lkjip.chapter.ts). Bab III B as a sheet, and its import (all or nothing).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  ImageRun,
  TextRun,
  WidthType,
} from 'docx';
import type { Actor } from '../auth/actor';
import type { LetterheadService } from '../office/letterhead.service';
import { PdfWriter, pct } from '../report/pdf';
import type { IssuedFile, ReportService } from '../report/report.service';
import { XLSX_MIME } from '../document/storage';
import { fail } from '../common/errors';
import { chapterOf, type Chapter, type ChapterSasaran, type ChapterTable } from './lkjip.chapter';
import type { LkjipDraftView, LkjipService } from './lkjip.service';
import { buildBudgetWorkbook, parseBudgetSheet } from './lkjip.xlsx';
import { CHART_PNG, chartGeometry, chartPng, yearColor } from './lkjip.chart-png';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fileStem = (v: LkjipDraftView) => `lkjip-bab3-${v.year}-v${v.version}`;


export class LkjipPrintService {
  constructor(
    private readonly lkjip: LkjipService,
    private readonly reports: ReportService,
    private readonly letterheads: LetterheadService,
  ) {}

  private async draft(actor: Actor, year: number, version: number | null): Promise<LkjipDraftView> {
    const v = await this.lkjip.view(actor, year, version);
    if (!v) fail('NOT_FOUND', { id: `Draf LKjIP ${year} belum disusun.`, en: `The LKjIP draft of ${year} has not been made yet.` });
    return v;
  }

  async docx(actor: Actor, year: number, version: number | null): Promise<IssuedFile> {
    const v = await this.draft(actor, year, version);
    const kop = await this.letterheads.forPrint(actor.officeId);
    const chapter = chapterOf(v, kop.content.agency);
    const bytes = await Packer.toBuffer(wordDocument(chapter, kop.content));
    return { bytes, filename: `${fileStem(v)}.docx`, mimeType: DOCX_MIME };
  }

  async pdf(actor: Actor, year: number, version: number | null, baseUrl: string): Promise<IssuedFile> {
    const v = await this.draft(actor, year, version);
    const kop = await this.letterheads.forPrint(actor.officeId);
    const chapter = chapterOf(v, kop.content.agency);
    const content = { kop: kop.content, draftId: v.id, chapter };
    return this.reports.issuePdf(actor, { officeId: actor.officeId, requestId: null, kind: 'LKJIP', filename: `${fileStem(v)}.pdf` }, baseUrl, content, async (ver, issuedAt) => {
      const pdf = new PdfWriter(`LKjIP ${v.year} Bab III (draf v${v.version})`, ver, { landscape: true, issuedAt });
      pdf.kop(this.reports.kopPrint(kop));
      pdf.title(chapter.title, chapter.subtitle);
      pdf.paragraph(chapter.intro);
      pdf.heading('A. Capaian Kinerja Organisasi');
      for (const s of chapter.sasaran) drawSasaran(pdf, s);
      pdf.heading('B. Realisasi Anggaran');
      drawTable(pdf, chapter.budget);
      if (chapter.budgetNote) pdf.paragraph(chapter.budgetNote);
      return pdf.finish();
    });
  }

  async budgetXlsx(actor: Actor, year: number): Promise<IssuedFile> {
    const v = await this.lkjip.view(actor, year, null);
    const bytes = await buildBudgetWorkbook(year, v?.budgetRows ?? []);
    return { bytes, filename: `lkjip-bab3b-anggaran-${year}.xlsx`, mimeType: XLSX_MIME };
  }

  /** Bab III B from a sheet: every problem named by row and column, nothing saved unless all rows are good. */
  async importBudget(actor: Actor, year: number, expectedVersion: number, bytes: Buffer) {
    this.lkjip.assertEditor(actor);
    const rows = await parseBudgetSheet(bytes);
    const saved = await this.lkjip.replaceBudget(actor, year, expectedVersion, rows);
    return { version: saved.version, rows: saved.budgetRows.length };
  }
}

/* ------------------------------------------------------------------ PDF */

function drawTable(pdf: PdfWriter, t: ChapterTable) {
  // The caption stays with the header row and the first row of its table.
  pdf.ensureSpace(80);
  pdf.paragraph(t.title, { bold: true });
  pdf.doc.moveDown(0.2);
  pdf.table(t.headers, t.rows, t.widths, { align: t.align });
}

function drawSasaran(pdf: PdfWriter, s: ChapterSasaran) {
  pdf.heading(s.heading);
  for (const t of s.tables) drawTable(pdf, t);
  drawChart(pdf, s.chart);
  for (const n of s.narratives) {
    pdf.paragraph(n.label, { bold: true });
    pdf.paragraph(n.text ?? '(belum diisi)');
    pdf.doc.moveDown(0.3);
  }
}

/**
 * Grouped vertical bars: per indicator one bar per year of its capaian, with the 100 % line
 * dashed in red and the value over each bar. A year without data has no bar and a dash.
 */
function drawChart(pdf: PdfWriter, chart: ChapterSasaran['chart']) {
  if (!chart.series.length) return;
  const d = pdf.doc;
  const left = d.page.margins.left;
  const h = 190;
  pdf.ensureSpace(h + 30);
  d.font('Helvetica-Bold').fontSize(9).fillColor('black').text(chart.title, left, d.y + 4, { width: pdf.width });
  const top = d.y + 6;
  const plot = { x: left + 36, y: top + 8, w: pdf.width - 46, h: h - 60 };
  const { max, yOf, groupW, barW, barX } = chartGeometry(chart, plot, 28);
  // Axis, ticks every 20 %.
  d.lineWidth(0.6).moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.h).lineTo(plot.x + plot.w, plot.y + plot.h).stroke('#333333');
  d.font('Helvetica').fontSize(6.5).fillColor('#333333');
  for (let t = 0; t <= max; t += 20) {
    d.text(`${t}%`, left, yOf(t) - 3, { width: 32, align: 'right', lineBreak: false });
    d.moveTo(plot.x - 2, yOf(t)).lineTo(plot.x, yOf(t)).stroke('#333333');
  }
  // 100 %, under the bars and their values.
  d.moveTo(plot.x, yOf(100)).lineTo(plot.x + plot.w, yOf(100)).dash(3, { space: 2 }).lineWidth(0.8).stroke('#C00000').undash();
  chart.series.forEach((s, g) => {
    s.values.forEach((v, k) => {
      const x = barX(g, k);
      const color = yearColor(chart.years.length, k);
      if (v !== null) d.rect(x + 1, yOf(v), barW - 2, plot.y + plot.h - yOf(v)).fill(color);
      d.font('Helvetica').fontSize(6).fillColor('black').text(v === null ? '–' : pct(v), x - 6, (v === null ? plot.y + plot.h : yOf(v)) - 9, { width: barW + 12, align: 'center', lineBreak: false });
    });
    d.fontSize(7).fillColor('black').text(s.label, plot.x + g * groupW + 4, plot.y + plot.h + 4, { width: groupW - 8, align: 'center', height: 26, ellipsis: true });
  });
  // Legend: the years.
  let lx = plot.x;
  const ly = plot.y + plot.h + 34;
  chart.years.forEach((y, k) => {
    d.rect(lx, ly, 9, 9).fill(yearColor(chart.years.length, k));
    d.fillColor('black').fontSize(7.5).text(String(y), lx + 12, ly + 1, { lineBreak: false });
    lx += 50;
  });
  d.fillColor('#C00000').text('- - - 100%', lx + 6, ly + 1, { lineBreak: false });
  d.fillColor('black').font('Helvetica').fontSize(9);
  d.x = left;
  d.y = top + h;
}

/* ------------------------------------------------------------------ DOCX */

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

function wordTable(t: ChapterTable): Table {
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      borders,
      width: { size: Math.round(t.widths[i]! * 100), type: WidthType.PERCENTAGE },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
      children: [new Paragraph({ alignment: head ? AlignmentType.LEFT : ALIGN[t.align[i] ?? 'left'], children: [new TextRun({ text, bold: head, size: 18 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

/** A text with line breaks: one paragraph per line (Word keeps paragraphs, not "\n"). */
const paragraphs = (text: string) => text.split(/\n+/).map((line) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: line, size: 22 })] }));

/**
 * The PDF's chart as a PNG (lkjip.chart-png.ts), then its legend as text: the years in their bar
 * colours, the 100 % line, and each indicator's number with its name (the image shows numbers only).
 */
function wordChart(chart: ChapterSasaran['chart'], caption: (text: string) => Paragraph): Paragraph[] {
  const png = chartPng(chart, (g) => chart.series[g]!.label.split(' ')[0]!);
  if (!png) return [];
  const legend = [
    ...chart.years.flatMap((y, k) => [new TextRun({ text: '■ ', color: yearColor(chart.years.length, k).slice(1), size: 22 }), new TextRun({ text: `${y}   `, size: 18 })]),
    new TextRun({ text: '- - - 100%', color: 'C00000', size: 18 }),
  ];
  return [
    caption(chart.title),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: CHART_PNG.width / 2, height: CHART_PNG.height / 2 }, altText: { name: chart.title, title: chart.title, description: chart.title } })] }),
    new Paragraph({ children: legend }),
    ...chart.series.map((x) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: x.label, size: 18 })] })),
  ];
}

function wordDocument(c: Chapter, kop: { government: string; agency: string }): Document {
  const caption = (text: string) => new Paragraph({ spacing: { before: 200, after: 80 }, children: [new TextRun({ text, bold: true, size: 20 })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: kop.government.toUpperCase(), size: 22 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: kop.agency.toUpperCase(), bold: true, size: 24 })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [new TextRun({ text: c.title, bold: true })] }),
    ...c.subtitle.map((s) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s, size: 20 })] })),
    ...paragraphs(c.intro),
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun({ text: 'A. Capaian Kinerja Organisasi' })] }),
  ];
  for (const s of c.sasaran) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, spacing: { before: 240 }, children: [new TextRun({ text: s.heading })] }));
    for (const t of s.tables) children.push(caption(t.title), wordTable(t));
    children.push(...wordChart(s.chart, caption));
    for (const n of s.narratives) {
      children.push(caption(n.label), ...paragraphs(n.text ?? '(belum diisi)'));
    }
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun({ text: 'B. Realisasi Anggaran' })] }));
  children.push(caption(c.budget.title), wordTable(c.budget));
  if (c.budgetNote) children.push(...paragraphs(c.budgetNote));
  return new Document({
    creator: 'SIPEDAKI',
    title: `${c.title} — ${c.subtitle[0]}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
}
