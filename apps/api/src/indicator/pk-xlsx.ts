/**
 * The Perjanjian Kinerja annex as offices keep it: one sheet "PK" with No, Sasaran, Indikator,
 * Satuan, Target (PermenPAN-RB 53/2014), for one year. Exported from the annual targets
 * (triwulan 0) and imported back all-or-nothing, with the same zip/size guards as the format
 * import; a Target cell holding text is read the Indonesian way (packages/sop readNumber), a
 * range as "10 – 20".
 */
import ExcelJS from 'exceljs';
import { AppError, fieldProblem, type Bilingual } from '../common/errors';
import { cellText, findHeaderRow, openSheet } from '../common/sheet';
import { parseNumber, type CellProblem } from '../report/xlsx';

export const PK_HEADERS = ['No', 'Sasaran', 'Indikator', 'Satuan', 'Target'] as const;
const COL = { sasaran: 2, indikator: 3, satuan: 4, target: 5 } as const;
const MAX_ROWS = 2000;

export interface PkRow {
  sasaran: string;
  indikator: string;
  satuan: string;
  polarity: string;
  target: number | null;
  targetUpper: number | null;
}

const cellProblem = (row: number, column: string, text: Bilingual): CellProblem => ({ row, column, message: text.id, messageEn: text.en });

export async function buildPkWorkbook(title: string[], rows: PkRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIPEDAKI';
  wb.created = new Date();
  const ws = wb.addWorksheet('PK');
  for (const [n, line] of title.entries()) ws.addRow([line]).getCell(1).font = n === 0 ? { bold: true, size: 13 } : {};
  ws.addRow([]);
  const head = ws.addRow([...PK_HEADERS]);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  });
  for (const [n, r] of rows.entries()) {
    const target = r.polarity === 'RANGE' && r.target !== null && r.targetUpper !== null ? `${fmt(r.target)} – ${fmt(r.targetUpper)}` : r.target;
    ws.addRow([n + 1, r.sasaran, r.indikator, r.satuan, target]);
  }
  [6, 40, 50, 12, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fmt = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4, useGrouping: false }).format(n);

/**
 * A cell's text (common/sheet.ts), except that a date counts as text here: a date typed into the
 * Target column is refused as not a number rather than taken for an empty Target.
 */
const text = (v: ExcelJS.CellValue): string => (v instanceof Date ? String(v) : cellText(v));

const key = (s: string) => s.toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();

export interface PkIndicator {
  id: string;
  name: string;
  sasaran: string;
  polarity: string;
}

export interface ParsedPk {
  rows: { indicatorId: string; target: number; targetUpper: number | null; field: string }[];
  problems: CellProblem[];
}

/**
 * Reads a PK annex: the header row (No, Sasaran, Indikator, Satuan, Target) within the first 20
 * rows, then one indicator per row until the sheet ends. An indicator is named by its Indikator
 * text (and its Sasaran when two indicators share a name); an empty Target is skipped. Every problem is collected with its
 * row number; the caller refuses the whole file when there is any.
 */
export async function parsePkWorkbook(bytes: Buffer, indicators: readonly PkIndicator[]): Promise<ParsedPk> {
  const ws = await openSheet(bytes, 'PK');
  const { row: headerRow } = findHeaderRow(ws, (texts) => PK_HEADERS.every((h, i) => key(texts[i] ?? '') === key(h)));
  if (!ws || !headerRow) {
    const missing = { id: 'Baris judul kolom No, Sasaran, Indikator, Satuan, Target tidak ditemukan', en: 'No header row No, Sasaran, Indikator, Satuan, Target' };
    throw new AppError('VALIDATION_FAILED', { id: `Berkas ini bukan lampiran Perjanjian Kinerja: ${missing.id.toLowerCase()}.`, en: `This file is not a Perjanjian Kinerja annex: ${missing.en.toLowerCase()}.` }, {
      fields: [fieldProblem('R1.No', missing)],
      cells: [cellProblem(1, 'No', missing)],
    });
  }
  const byName = new Map<string, PkIndicator[]>();
  for (const i of indicators) byName.set(key(i.name), [...(byName.get(key(i.name)) ?? []), i]);
  const rows: ParsedPk['rows'] = [];
  const problems: CellProblem[] = [];
  const seen = new Set<string>();
  const last = Math.min(ws.rowCount, headerRow + MAX_ROWS);
  if (ws.rowCount > headerRow + MAX_ROWS) problems.push(cellProblem(last + 1, 'Indikator', { id: `Paling banyak ${MAX_ROWS} baris`, en: `At most ${MAX_ROWS} rows` }));
  for (let r = headerRow + 1; r <= last; r++) {
    const name = text(ws.getCell(r, COL.indikator).value);
    const sasaran = text(ws.getCell(r, COL.sasaran).value);
    const rawTarget = ws.getCell(r, COL.target).value;
    if (!name) {
      if (text(rawTarget)) problems.push(cellProblem(r, 'Indikator', { id: 'Nama indikator kosong', en: 'The indicator name is empty' }));
      continue;
    }
    const candidates = byName.get(key(name)) ?? [];
    const matching = candidates.length > 1 ? candidates.filter((c) => key(c.sasaran) === key(sasaran)) : candidates;
    const indicator = matching.length === 1 ? matching[0] : undefined;
    // A row without a target changes nothing: it needs no indicator (the export lists every one).
    if (!indicator && !text(rawTarget)) continue;
    if (!indicator) {
      problems.push(cellProblem(r, 'Indikator', matching.length > 1 || candidates.length > 1
        ? { id: 'Nama indikator dipakai lebih dari satu indikator; Sasaran tidak membedakannya', en: 'Several indicators have this name; the Sasaran does not tell them apart' }
        : { id: `Indikator "${name}" tidak dikenal di Dinas ini`, en: `Indicator "${name}" is not known in this office` }));
      continue;
    }
    if (sasaran && key(sasaran) !== key(indicator.sasaran)) {
      problems.push(cellProblem(r, 'Sasaran', { id: `Sasaran indikator ini adalah "${indicator.sasaran}"`, en: `This indicator's Sasaran is "${indicator.sasaran}"` }));
      continue;
    }
    if (seen.has(indicator.id)) {
      problems.push(cellProblem(r, 'Indikator', { id: 'Indikator tercantum lebih dari sekali', en: 'The indicator is listed more than once' }));
      continue;
    }
    seen.add(indicator.id);
    const field = `R${r}.Target`;
    // A range: "10 – 20" (en dash, hyphen or "s.d."), each bound read like any number.
    const rangeParts = indicator.polarity === 'RANGE' ? text(rawTarget).split(/\s*(?:–|—|-|s\.?d\.?)\s*/).filter(Boolean) : [];
    if (indicator.polarity === 'RANGE' && rangeParts.length === 2) {
      const [a = '', b = ''] = rangeParts;
      const lo = parseNumber(a);
      const hi = parseNumber(b);
      if (lo.ok && hi.ok && lo.value !== null && hi.value !== null) rows.push({ indicatorId: indicator.id, target: lo.value, targetUpper: hi.value, field });
      else problems.push(cellProblem(r, 'Target', { id: 'Target rentang ditulis "batas bawah – batas atas", mis. "10 – 20"', en: 'A range target is written "lower – upper", e.g. "10 – 20"' }));
      continue;
    }
    const t = parseNumber(rawTarget);
    if (!t.ok) problems.push(cellProblem(r, 'Target', t.message));
    // An empty Target leaves the indicator's annual target as it is (a PK lists only some).
    else if (t.value !== null) rows.push({ indicatorId: indicator.id, target: t.value, targetUpper: null, field });
  }
  return { rows, problems };
}
