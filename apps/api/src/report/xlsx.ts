/**
 * Spreadsheets with exceljs: the data request format a Bidang fills offline, reading it back,
 * the compiled data set and the recap of capaian. No file-format code of our own.
 */
import ExcelJS from 'exceljs';
import { checkIndicatorValue, NUMBER_PROBLEM_MESSAGES, readNumber, type IndicatorValueRules } from '@sipedaki/sop';
import type { IndicatorValue } from '../analysis/indicator-value';
import { AppError, fieldProblem, type Bilingual } from '../common/errors';
import { cellText, findHeaderRow, openSheet, plainValue } from '../common/sheet';
import { NOT_REQUESTED } from '../submission/submission.input';

/** First cell of the hidden metadata row: marks a workbook as our format. */
export const FORMAT_MARK = 'SIPEDAKI-FORMAT-1';
const FORMAT_SHEET = 'Format';
const HEADERS = ['No', 'Kode Indikator', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Keterangan'] as const;
const COL = { code: 2, realisasi: 7, note: 8 } as const;
/** Rows read at most from an uploaded format (a Bidang has tens of indicators, not thousands). */
const MAX_ROWS = 2000;
const MAX_NOTE = 2000;
const LIMIT = 1e12;


export interface FormatMeta {
  requestId: string;
  bidangId: string;
  submissionId: string | null;
  version: number | null;
  title: string;
  lines: string[];
}

const bold = { bold: true } as const;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

export function targetText(i: { polarity: string; target: number | null; targetUpper: number | null }): string | number | null {
  if (i.polarity === 'RANGE' && i.target !== null && i.targetUpper !== null) return `${i.target} – ${i.targetUpper}`;
  return i.target;
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIPEDAKI';
  wb.created = new Date();
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function table(ws: ExcelJS.Worksheet, headers: readonly string[], rows: (string | number | null | Date)[][], widths: number[]) {
  const head = ws.addRow([...headers]);
  head.eachCell((c) => {
    c.font = bold;
    c.fill = headerFill;
    c.border = thin;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const r of rows) ws.addRow(r).eachCell({ includeEmpty: true }, (c) => (c.border = thin));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * The format of one Bidang: a hidden, locked metadata row (request, Bidang, submission, version),
 * a title block, and one row per indicator with empty Realisasi and Keterangan cells to fill
 * (pre-filled with the current draft, if any). Only those two columns are unlocked.
 */
export async function buildFormatWorkbook(meta: FormatMeta, indicators: IndicatorValue[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(FORMAT_SHEET, { views: [{ state: 'frozen', ySplit: 6 }] });
  const m = ws.addRow([FORMAT_MARK, meta.requestId, meta.bidangId, meta.submissionId ?? '', meta.version ?? '']);
  m.hidden = true;
  ws.addRow([meta.title]).getCell(1).font = { bold: true, size: 14 };
  for (const line of meta.lines.slice(0, 3)) ws.addRow([line]);
  while (ws.rowCount < 5) ws.addRow([]);
  table(
    ws,
    HEADERS,
    indicators.map((i, n) => [n + 1, i.code, i.sasaran, i.name, i.satuan, targetText(i), i.realisasi, i.note]),
    [5, 16, 30, 45, 10, 12, 14, 40],
  );
  for (let r = 7; r <= ws.rowCount; r++) {
    for (const col of [COL.realisasi, COL.note]) {
      const cell = ws.getCell(r, col);
      cell.protection = { locked: false };
      cell.fill = inputFill;
    }
    ws.getCell(r, COL.realisasi).dataValidation = {
      type: 'decimal',
      allowBlank: true,
      operator: 'between',
      formulae: [-LIMIT, LIMIT],
      showErrorMessage: true,
      errorTitle: 'Realisasi',
      error: 'Harus berupa angka',
    };
    ws.getRow(r).alignment = { vertical: 'top', wrapText: true };
  }
  // No password: the lock prevents accidental edits of codes and targets, it is not security
  // (the import checks every row against the database anyway).
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return toBuffer(wb);
}

export interface CellProblem {
  row: number;
  column: string;
  message: string;
  messageEn: string;
}

const cellProblem = (row: number, column: string, text: Bilingual): CellProblem => ({ row, column, message: text.id, messageEn: text.en });

export interface ParsedFormat {
  requestId: string;
  bidangId: string;
  version: number | null;
  values: { indicatorId: string; realisasi: number | null; note: string | null }[];
  problems: CellProblem[];
  /** Text cells whose number the other convention would read differently: what each was read as. */
  readings: CellProblem[];
}

/**
 * A realisasi cell. A number cell is taken as it is; a cell that holds text (typed with a leading
 * apostrophe, pasted from a document, or formatted as text) is read the Indonesian way, as the
 * format is an Indonesian document: "1.250" is 1250, "72,5" is 72.5, "72.5" is refused with a
 * hint (packages/sop readNumber). A text the English convention would read differently is read
 * and returned with `ambiguous`, so the import can say what it was read as.
 */
export function parseNumber(
  v: ExcelJS.CellValue,
): { ok: true; value: number | null; readFrom?: { text: string; otherValue: number } } | { ok: false; message: Bilingual } {
  const p = plainValue(v);
  if (p === null) return { ok: true, value: null };
  if (typeof p === 'number') return Number.isFinite(p) ? { ok: true, value: p } : { ok: false, message: NUMBER_PROBLEM_MESSAGES.NOT_A_NUMBER };
  if (typeof p !== 'string') return { ok: false, message: NUMBER_PROBLEM_MESSAGES.NOT_A_NUMBER };
  if (p.trim() === '-') return { ok: true, value: null };
  const r = readNumber(p, 'id');
  if (r.kind === 'empty') return { ok: true, value: null };
  if (r.kind === 'invalid') {
    const m = NUMBER_PROBLEM_MESSAGES[r.problem];
    return { ok: false, message: { id: `"${p.trim()}": ${m.id}`, en: `"${p.trim()}": ${m.en}` } };
  }
  return r.ambiguous ? { ok: true, value: r.value, readFrom: { text: p.trim(), otherValue: r.otherValue! } } : { ok: true, value: r.value };
}

const idNumber = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 }).format(n);
const enNumber = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }).format(n);

/**
 * Reads a filled format (after the zip limits of xlsx-guard.ts). Structural problems (not an XLSX, not our format) throw; row problems
 * are collected, every one of them, with the spreadsheet's row number and the column's header.
 */
export async function parseFormatWorkbook(bytes: Buffer, requested: (IndicatorValueRules & { id: string; code: string })[]): Promise<ParsedFormat> {
  const ws = await openSheet(bytes, FORMAT_SHEET);
  const notOurs = () => {
    const missing = { id: 'Baris metadata tidak ditemukan', en: 'No metadata row' };
    return new AppError(
      'VALIDATION_FAILED',
      {
        id: 'Berkas ini bukan format permintaan data dari SIPEDAKI (baris metadata tidak ditemukan). Unduh format terbaru lalu isi kembali.',
        en: 'This file is not a SIPEDAKI data request format (no metadata row). Download the current format and fill it in again.',
      },
      { fields: [fieldProblem('R1.Metadata', missing)], cells: [cellProblem(1, 'Metadata', missing)] },
    );
  };
  if (!ws || cellText(ws.getCell(1, 1).value) !== FORMAT_MARK) throw notOurs();
  const versionCell = parseNumber(ws.getCell(1, 5).value);
  const meta = {
    requestId: cellText(ws.getCell(1, 2).value),
    bidangId: cellText(ws.getCell(1, 3).value),
    version: versionCell.ok && versionCell.value !== null && Number.isInteger(versionCell.value) ? versionCell.value : null,
  };
  // Below the metadata row (row 1).
  const { row: headerRow } = findHeaderRow(ws, (texts) => texts[COL.code - 1] === HEADERS[COL.code - 1], 2);
  if (!headerRow) throw notOurs();
  const byCode = new Map(requested.map((i) => [i.code, i]));
  const seen = new Set<string>();
  const values: ParsedFormat['values'] = [];
  const problems: CellProblem[] = [];
  const readings: CellProblem[] = [];
  const last = Math.min(ws.rowCount, headerRow + MAX_ROWS);
  if (ws.rowCount > headerRow + MAX_ROWS) problems.push(cellProblem(last + 1, 'Kode Indikator', { id: `Paling banyak ${MAX_ROWS} baris indikator`, en: `At most ${MAX_ROWS} indicator rows` }));
  for (let r = headerRow + 1; r <= last; r++) {
    const code = cellText(ws.getCell(r, COL.code).value);
    const rawReal = ws.getCell(r, COL.realisasi).value;
    const note = cellText(ws.getCell(r, COL.note).value);
    const real = parseNumber(rawReal);
    if (!code) {
      if (note || (real.ok && real.value !== null) || !real.ok) problems.push(cellProblem(r, 'Kode Indikator', { id: 'Kode indikator kosong', en: 'The indicator code is empty' }));
      continue;
    }
    const indicator = byCode.get(code);
    if (!indicator) {
      problems.push(cellProblem(r, 'Kode Indikator', NOT_REQUESTED));
      continue;
    }
    if (seen.has(code)) {
      problems.push(cellProblem(r, 'Kode Indikator', { id: 'Indikator tercantum lebih dari sekali', en: 'The indicator is listed more than once' }));
      continue;
    }
    seen.add(code);
    if (!real.ok) problems.push(cellProblem(r, 'Realisasi', real.message));
    else if (real.value !== null && Math.abs(real.value) > LIMIT) problems.push(cellProblem(r, 'Realisasi', { id: 'Realisasi di luar rentang', en: 'Realisasi is out of range (at most 10^12 either way)' }));
    else {
      // The same check as the form and the API: −5 orang or 120 % of desa refuse the whole file.
      const refusal = checkIndicatorValue(indicator, real.value);
      if (refusal) problems.push(cellProblem(r, 'Realisasi', refusal.message));
    }
    if (note.length > MAX_NOTE) problems.push(cellProblem(r, 'Keterangan', { id: `Keterangan maksimal ${MAX_NOTE} karakter`, en: `The note may have at most ${MAX_NOTE} characters` }));
    if (real.ok && real.readFrom) {
      readings.push(
        cellProblem(r, 'Realisasi', {
          id: `Teks "${real.readFrom.text}" dibaca ${idNumber(real.value!)}, bukan ${idNumber(real.readFrom.otherValue)}.`,
          en: `The text "${real.readFrom.text}" was read as ${enNumber(real.value!)} (Indonesian convention), not ${enNumber(real.readFrom.otherValue)}.`,
        }),
      );
    }
    values.push({ indicatorId: indicator.id, realisasi: real.ok ? real.value : null, note: note || null });
  }
  return { ...meta, values, problems, readings };
}

/** Any table as a one-sheet-per-entry workbook (data set and recap). */
export interface SheetSpec {
  name: string;
  title?: string[];
  headers: string[];
  rows: (string | number | null | Date)[][];
  widths: number[];
}

export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = newWorkbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [n, line] of (s.title ?? []).entries()) ws.addRow([line]).getCell(1).font = n === 0 ? { bold: true, size: 13 } : {};
    if (s.title?.length) ws.addRow([]);
    table(ws, s.headers, s.rows, s.widths);
    ws.views = [{ state: 'frozen', ySplit: (s.title?.length ? s.title.length + 1 : 0) + 1 }];
  }
  return toBuffer(wb);
}
