/**
 * Printable documents with pdfkit (its built-in Helvetica, so nothing to download): the office's
 * kop surat, tables, a bar chart drawn with the library's vector operations, signature blocks
 * with name, NIP and jabatan, and a verification block (code + QR code to the public
 * /verify/<code> page) at the foot of every page.
 */
import PDFDocument from 'pdfkit';
import type { Signatory } from './signatories';

export interface Verification {
  code: string;
  url: string;
  qrPng: Buffer;
}

/** The kop as printed: every line resolved (office/letterhead.ts), the logo as bytes. */
export interface KopPrint {
  government: string;
  agency: string;
  address: string | null;
  contact: string | null;
  logo: Buffer | null;
}

/**
 * Bumped whenever the layout of a printed document changes: it is part of every document's content
 * key (report.service.ts), so a copy printed with an older layout is issued anew, not handed out.
 */
export const LAYOUT_VERSION = 2;

type Doc = PDFKit.PDFDocument;
/** pdfkit's parsed image (openImage), which `image()` accepts in place of bytes; not in its typings. */
type OpenedImage = { width: number; height: number };
const openImage = (doc: Doc, bytes: Buffer): OpenedImage => (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(bytes);
export type Cell = string | number | null | undefined;

const MARGIN = 50;
const FOOTER = 70;
const QR_SIZE = 52;
const nf = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** "1.234,5"; a dash for null. */
export const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : nf.format(n));
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${nf.format(n)}%`);
export const dateId = (d: Date) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(d);
export const dateTimeId = (d: Date) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(d) + ' WIB';

/** A signature or paraf block: the mark asked for, the place, and who signs. */
export interface SignatureBlock {
  /** "Paraf" or "Tanda tangan". */
  mark: string;
  /** Place before the date: "Nganjuk". */
  place: string;
  signatory: Signatory;
}

export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly qr: OpenedImage | null;
  private readonly issuedAt: Date;

  /**
   * `verification` null: a working print that is not issued (the kabupaten rollup, computed at the
   * moment it is printed): the footer says so instead of carrying a code and a QR code.
   */
  constructor(
    title: string,
    private readonly verification: Verification | null,
    opts: { landscape?: boolean; issuedAt: Date },
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: opts.landscape ? 'landscape' : 'portrait',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: FOOTER },
      bufferPages: true,
      info: { Title: title, Author: 'SIPEDAKI', Subject: verification ? `Kode verifikasi ${verification.code}` : title, CreationDate: opts.issuedAt },
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica');
    // Opened once, drawn on every page: one image object in the file.
    this.qr = verification ? openImage(this.doc, verification.qrPng) : null;
    this.issuedAt = opts.issuedAt;
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

  /**
   * The kop surat: the logo on the left, the government, the agency (larger), the address and the
   * contact line centred, and under it the double rule (thick over thin) of an official letter.
   */
  kop(k: KopPrint) {
    const d = this.doc;
    const logoW = 62;
    const top = MARGIN - 14;
    if (k.logo) d.image(k.logo, MARGIN, top, { fit: [logoW, logoW + 8], align: 'center', valign: 'center' });
    // The text is centred on the page, kept clear of the logo on both sides.
    const textX = MARGIN + logoW + 8;
    const textW = this.width - 2 * (logoW + 8);
    // Each line on one line where it can be: the font shrinks to fit, down to a floor, then wraps.
    const line = (text: string, font: string, size: number, floor: number, gap = 0) => {
      d.font(font).fontSize(size);
      while (size > floor && d.widthOfString(text) > textW) d.fontSize((size -= 0.5));
      d.text(text, textX, d.y + gap, { width: textW, align: 'center' });
    };
    d.fillColor('black');
    d.y = top;
    line(k.government.toLocaleUpperCase('id-ID'), 'Helvetica-Bold', 13, 10);
    line(k.agency.toLocaleUpperCase('id-ID'), 'Helvetica-Bold', 15, 11);
    if (k.address) line(k.address, 'Helvetica', 9, 7.5, 1);
    if (k.contact) line(k.contact, 'Helvetica', 9, 7.5);
    const y = Math.max(d.y, top + (k.logo ? logoW + 8 : 0)) + 5;
    d.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(2.2).stroke('black');
    d.moveTo(MARGIN, y + 3.5).lineTo(MARGIN + this.width, y + 3.5).lineWidth(0.7).stroke('black');
    d.x = MARGIN;
    d.y = y + 14;
  }

  /** The document's title, centred and underlined, with its subtitle lines. */
  title(title: string, subtitle: string[]) {
    const d = this.doc;
    d.fillColor('black').font('Helvetica-Bold').fontSize(13).text(title, MARGIN, d.y, { width: this.width, align: 'center', underline: true });
    d.moveDown(0.4).font('Helvetica').fontSize(9);
    for (const s of subtitle) d.text(s, MARGIN, d.y, { width: this.width, align: 'center' });
    d.moveDown(0.8);
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
    let y = d.y + 6;
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

  /**
   * Signature / paraf blocks side by side, as an Indonesian office signs: place and date (dots
   * when still to be signed), the jabatan (with Plt./Plh.), the space for the mark, the name bold
   * and underlined, and "NIP. …" under it. The mark asked for is noted small above. With
   * `columns` larger than the number of blocks, the blocks take the right-most columns (a single
   * signature sits on the right, as on a letter).
   */
  signatureBlocks(blocks: SignatureBlock[], opts: { columns?: number } = {}) {
    const d = this.doc;
    const columns = Math.max(blocks.length, opts.columns ?? blocks.length);
    const w = this.width / columns;
    const skip = columns - blocks.length;
    const inner = w - 16;
    const space = 40;
    d.font('Helvetica').fontSize(8.5);
    const texts = blocks.map((b) => {
      const s = b.signatory;
      return {
        mark: b.mark,
        date: `${b.place}, ${s.signedAt ? dateId(new Date(s.signedAt)) : '.............................'}`,
        jabatan: s.jabatan,
        name: s.name ?? '(.......................................)',
        nip: s.nip ? `NIP. ${s.nip}` : 'NIP. ..................................',
      };
    });
    const hOf = (t: string, bold = false) => d.font(bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(t, { width: inner });
    // The names line up across the blocks, under the tallest jabatan.
    const head = Math.max(...texts.map((t) => hOf(t.date) + hOf(t.jabatan)));
    const h = 11 + head + space + Math.max(...texts.map((t) => hOf(t.name, true) + hOf(t.nip)));
    this.ensureSpace(h + 12);
    const y0 = d.y + 6;
    texts.forEach((t, i) => {
      const x = MARGIN + (skip + i) * w + 8;
      d.fillColor('#555555').font('Helvetica-Oblique').fontSize(7).text(t.mark, x, y0, { width: inner, align: 'center' });
      d.fillColor('black').font('Helvetica').fontSize(8.5).text(t.date, x, y0 + 11, { width: inner, align: 'center' });
      d.text(t.jabatan, x, d.y, { width: inner, align: 'center' });
      d.font('Helvetica-Bold').text(t.name, x, y0 + 11 + head + space, { width: inner, align: 'center', underline: !!blocks[i]!.signatory.name });
      d.font('Helvetica').text(t.nip, x, d.y, { width: inner, align: 'center' });
    });
    d.x = MARGIN;
    d.y = y0 + h + 6;
  }

  /** Ends the document: the QR code and the verification line at the foot of every page, then the bytes. */
  async finish(): Promise<Buffer> {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
      d.page.margins.bottom = 0;
      const y = d.page.height - FOOTER + 10;
      if (!this.verification || !this.qr) {
        d.font('Helvetica').fontSize(7).fillColor('#333333');
        d.text(`Dicetak dari SIPEDAKI pada ${dateTimeId(this.issuedAt)}. Angka dihitung saat dicetak; bukan dokumen terbit (tanpa kode verifikasi).`, MARGIN, y + 8, { width: this.width - 80, height: 40 });
        d.text(`Halaman ${i + 1} dari ${range.count}`, MARGIN + this.width - 70, y + 8, { width: 70, align: 'right', lineBreak: false });
        continue;
      }
      d.image(this.qr as unknown as Buffer, MARGIN, y, { width: QR_SIZE });
      const textX = MARGIN + QR_SIZE + 8;
      d.font('Helvetica').fontSize(7).fillColor('#333333');
      d.text(
        `Kode verifikasi: ${this.verification.code}\nKeaslian salinan ini dapat diperiksa dengan memindai kode QR atau membuka:\n${this.verification.url}`,
        textX,
        y + 8,
        { width: this.width - QR_SIZE - 8 - 70, lineBreak: true, height: 40 },
      );
      d.text(`Halaman ${i + 1} dari ${range.count}`, MARGIN + this.width - 70, y + 8, { width: 70, align: 'right', lineBreak: false });
    }
    d.end();
    return this.done;
  }
}
