/**
 * Reading an uploaded XLSX, the one way every import does it (the data request format, the PK
 * annex, the findings sheet, LKjIP Bab III B): the zip and size limits first (xlsx-guard.ts, so
 * that nothing is inflated before), a file exceljs cannot open is FILE_TYPE_NOT_ALLOWED, the sheet
 * is found by its name or else it is the first, and the header row is looked for within the first
 * 20 rows. What a sheet means (its columns, its rows, its problems) stays with its import; numbers
 * are read there too, the Indonesian way (report/xlsx.ts parseNumber).
 */
import ExcelJS from 'exceljs';
import { assertXlsxWithinLimits } from '../report/xlsx-guard';
import { AppError } from './errors';

/** How far down a sheet its header row may stand (titles, a blank line, notes above it). */
const HEADER_WITHIN = 20;

/**
 * The sheet named `name` of an uploaded workbook, or its first sheet; undefined when it has none.
 * Throws the guard's refusal for a zip bomb or an oversized sheet, FILE_TYPE_NOT_ALLOWED for a file
 * that is not a workbook.
 */
export async function openSheet(bytes: Buffer, name?: string): Promise<ExcelJS.Worksheet | undefined> {
  // Zip bombs and oversized sheets are refused before exceljs inflates or parses anything.
  await assertXlsxWithinLimits(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { id: 'Berkas bukan lembar kerja XLSX yang sah.', en: 'The file is not a valid XLSX workbook.' });
  }
  return (name ? wb.getWorksheet(name) : undefined) ?? wb.worksheets[0];
}

/** The cell's plain value: formulas give their cached result, rich text its text. */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return v;
  }
  return v;
}

/** A cell's text, trimmed (formulas: their result; rich text: its characters; a date or an error: empty). */
export function cellText(v: ExcelJS.CellValue): string {
  const p = plainValue(v);
  return p === null ? '' : typeof p === 'object' ? '' : String(p).trim();
}

/** The texts of row `r`, one per column of the sheet (index 0 = column A). */
export function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  return Array.from({ length: ws.columnCount }, (_, c) => cellText(ws.getCell(r, c + 1).value));
}

/**
 * The first row from `from` to row 20 whose texts `isHeader` accepts: its number and its texts;
 * row 0 (and no texts) when there is none or no sheet.
 */
export function findHeaderRow(ws: ExcelJS.Worksheet | undefined, isHeader: (texts: string[]) => boolean, from = 1): { row: number; texts: string[] } {
  for (let r = from; ws && r <= Math.min(ws.rowCount, HEADER_WITHIN); r++) {
    const texts = rowTexts(ws, r);
    if (isHeader(texts)) return { row: r, texts };
  }
  return { row: 0, texts: [] };
}

/**
 * The columns of a header row by their header, matched without regard to case: header → column
 * number (1 = A). A header not in the row is left out, so the import can name what is missing.
 */
export function columnsOf<H extends string>(texts: readonly string[], headers: readonly H[]): Map<H, number> {
  const lower = texts.map((t) => t.toLowerCase());
  const col = new Map<H, number>();
  for (const h of headers) if (lower.includes(h.toLowerCase())) col.set(h, lower.indexOf(h.toLowerCase()) + 1);
  return col;
}
