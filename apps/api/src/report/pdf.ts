/**
 * Printable documents with pdfkit (its built-in Helvetica, so nothing to download): tables, a bar
 * chart drawn with the library's vector operations, and a verification block (code + QR code to
 * the public /verify/<code> page) on every page.
 */
import PDFDocument from 'pdfkit';

export interface Verification {
  code: string;
  url: string;
  qrPng: Buffer;
}

type Doc = PDFKit.PDFDocument;
export type Cell = string | number | null | undefined;

const MARGIN = 50;
const FOOTER = 70;
const nf = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** "1.234,5"; empty for null. */
export const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : nf.format(n));
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${nf.format(n)}%`);
export const dateId = (d: Date) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(d);
export const dateTimeId = (d: Date) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(d) + ' WIB';

export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(
    title: string,
    private readonly verification: Verification,
    opts: { landscape?: boolean } = {},
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: opts.landscape ? 'landscape' : 'portrait',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: FOOTER },
      bufferPages: true,
      info: { Title: title, Author: 'SIPEDAKI', Subject: `Kode verifikasi ${verification.code}` },
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica');
  }

  get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom() {
    return this.doc.page.height - FOOTER;
  }

  ensureSpace(h: number) {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  /** Kop: office name, document title, and the QR code on the right of the first page. */
  header(office: string, title: string, subtitle: string[]) {
    const d = this.doc;
    const textWidth = this.width - 90;
    d.font('Helvetica-Bold').fontSize(12).text(office.toUpperCase(), MARGIN, MARGIN, { width: textWidth });
    d.moveDown(0.3).fontSize(14).text(title, { width: textWidth });
    d.font('Helvetica').fontSize(9);
    for (const s of subtitle) d.text(s, { width: textWidth });
    d.image(this.verification.qrPng, MARGIN + this.width - 80, MARGIN - 10, { width: 80 });
    d.y = Math.max(d.y, MARGIN + 80);
    d.moveTo(MARGIN, d.y + 4).lineTo(MARGIN + this.width, d.y + 4).lineWidth(1).stroke('#333333');
    d.moveDown(1);
  }

  heading(text: string) {
    this.ensureSpace(40);
    this.doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).fillColor('black').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font('Helvetica').fontSize(9);
  }

  paragraph(text: string, opts: { bold?: boolean } = {}) {
    this.ensureSpace(20);
    this.doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('black').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.font('Helvetica');
  }

  /** A table with a repeated header row on each new page. Widths are fractions of the page width. */
  table(headers: string[], rows: Cell[][], fractions: number[], opts: { align?: ('left' | 'right' | 'center')[] } = {}) {
    const d = this.doc;
    const widths = fractions.map((f) => f * this.width);
    const pad = 3;
    const drawRow = (cells: Cell[], head: boolean) => {
      d.font(head ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const texts = cells.map((c) => (c === null || c === undefined ? '' : String(c)));
      const h = Math.max(14, ...texts.map((t, i) => d.heightOfString(t, { width: widths[i]! - 2 * pad }) + 2 * pad));
      if (d.y + h > this.bottom) {
        d.addPage();
        if (!head) drawRow(headers, true);
      }
      const y = d.y;
      let x = MARGIN;
      texts.forEach((t, i) => {
        if (head) d.rect(x, y, widths[i]!, h).fillAndStroke('#D9E2F3', '#666666');
        else d.rect(x, y, widths[i]!, h).stroke('#999999');
        d.fillColor('black').text(t, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: head ? 'left' : (opts.align?.[i] ?? 'left') });
        x += widths[i]!;
      });
      d.x = MARGIN;
      d.y = y + h;
    };
    drawRow(headers, true);
    for (const r of rows) drawRow(r, false);
    d.font('Helvetica').fontSize(9).moveDown(0.5);
  }

  /**
   * Horizontal bars of capaian (%) with a reference line at 100 % and the value at the end of
   * each bar. Unknown values get no bar and a dash.
   */
  barChart(title: string, bars: { label: string; value: number | null; color?: string }[]) {
    const d = this.doc;
    const rowH = 18;
    const h = 30 + bars.length * rowH + 20;
    this.ensureSpace(h);
    const labelW = 150;
    const valueW = 50;
    const chartW = this.width - labelW - valueW;
    const max = Math.max(120, ...bars.map((b) => b.value ?? 0));
    const x0 = MARGIN + labelW;
    let y = d.y;
    d.font('Helvetica-Bold').fontSize(10).fillColor('black').text(title, MARGIN, y, { width: this.width });
    y = d.y + 6;
    const top = y;
    for (const b of bars) {
      d.font('Helvetica').fontSize(8).fillColor('black').text(b.label, MARGIN, y + 4, { width: labelW - 6, height: rowH, ellipsis: true });
      if (b.value !== null) d.rect(x0, y + 3, (Math.max(0, b.value) / max) * chartW, rowH - 6).fill(b.color ?? '#2F5597');
      d.fillColor('black').text(pct(b.value), x0 + chartW + 4, y + 4, { width: valueW - 4 });
      y += rowH;
    }
    // Axis and the 100 % line.
    d.moveTo(x0, top).lineTo(x0, y).lineWidth(0.8).stroke('#333333');
    const x100 = x0 + (100 / max) * chartW;
    d.moveTo(x100, top).lineTo(x100, y).dash(3, { space: 2 }).stroke('#C00000').undash();
    d.fontSize(7).fillColor('#C00000').text('100%', x100 - 10, y + 2, { width: 30 });
    d.fillColor('black');
    d.x = MARGIN;
    d.y = y + 16;
  }

  /** Signature / paraf boxes side by side: role, kind of mark, space, name. */
  signatureBlocks(blocks: { role: string; mark: string; name: string | null; date: Date | null }[]) {
    const d = this.doc;
    const h = 110;
    this.ensureSpace(h + 10);
    const w = this.width / blocks.length;
    const y = d.y + 6;
    blocks.forEach((b, i) => {
      const x = MARGIN + i * w;
      d.rect(x + 4, y, w - 8, h).stroke('#666666');
      d.font('Helvetica-Bold').fontSize(8).fillColor('black').text(b.role, x + 8, y + 6, { width: w - 16, align: 'center' });
      d.font('Helvetica').text(b.mark, x + 8, y + 18, { width: w - 16, align: 'center' });
      d.moveTo(x + 16, y + h - 30).lineTo(x + w - 16, y + h - 30).lineWidth(0.5).stroke('#999999');
      d.text(b.name ?? '(........................)', x + 8, y + h - 26, { width: w - 16, align: 'center' });
      if (b.date) d.fontSize(7).text(dateTimeId(b.date), x + 8, y + h - 14, { width: w - 16, align: 'center' });
    });
    d.x = MARGIN;
    d.y = y + h + 10;
  }

  /** Ends the document: the verification line on every page, then the bytes. */
  async finish(): Promise<Buffer> {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
      d.page.margins.bottom = 0;
      const y = d.page.height - FOOTER + 18;
      d.font('Helvetica').fontSize(7).fillColor('#333333');
      d.text(`Kode verifikasi: ${this.verification.code} · Keaslian salinan dapat diperiksa di ${this.verification.url}`, MARGIN, y, {
        width: this.width - 60,
        lineBreak: true,
        height: 30,
      });
      d.text(`Halaman ${i + 1} dari ${range.count}`, MARGIN + this.width - 60, y, { width: 60, align: 'right', lineBreak: false });
    }
    d.end();
    return this.done;
  }
}
