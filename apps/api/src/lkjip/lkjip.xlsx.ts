/**
 * Bab III B in Excel: the sheet (also the import template) and its import. One row per
 * programme: Program, Pagu, Realisasi (the percentage is computed, a "%" column is ignored).
 * Number cells are taken as they are; text cells are read the Indonesian way ("1.250.000,50").
 * All or nothing: every problem is named by its row and column, and nothing is saved unless the
 * whole sheet is good.
 */
import ExcelJS from 'exceljs';
import { budgetTable, checkBudgetRows, MAX_BUDGET_ROWS, type BudgetRowInput } from '@sipedaki/sop';
import { AppError } from '../common/errors';
import { cellText, columnsOf, findHeaderRow, openSheet } from '../common/sheet';
import { buildWorkbook, parseNumber } from '../report/xlsx';

export const BUDGET_HEADERS = ['No', 'Program', 'Pagu', 'Realisasi', '%'] as const;
type Column = 'Program' | 'Pagu' | 'Realisasi';

export function buildBudgetWorkbook(year: number, rows: BudgetRowInput[]): Promise<Buffer> {
  const t = budgetTable(rows);
  return buildWorkbook([
    {
      name: 'Anggaran',
      title: [`LKjIP Bab III B — Realisasi anggaran per program tahun ${year}`, 'Isi Program, Pagu dan Realisasi (Rp); kolom % dihitung SIPEDAKI dan tidak dibaca saat impor.'],
      headers: [...BUDGET_HEADERS],
      rows: t.rows.map((r) => [r.no, r.programme, r.pagu, r.realisasi, r.percent]),
      widths: [6, 60, 20, 20, 10],
    },
  ]);
}

interface Problem {
  row: number;
  column: Column;
  message: string;
  messageEn: string;
}

function refuse(problems: Problem[]): never {
  const n = problems.length;
  throw new AppError(
    'VALIDATION_FAILED',
    { id: `Berkas tidak dapat diimpor: ${n} isian bermasalah. Bab III B tidak diubah.`, en: `The file cannot be imported: ${n} ${n === 1 ? 'entry has a problem' : 'entries have problems'}. Chapter III B was not changed.` },
    { fields: problems.map((p) => ({ field: `R${p.row}.${p.column}`, message: p.message, messageEn: p.messageEn })), cells: problems },
  );
}

export async function parseBudgetSheet(bytes: Buffer): Promise<BudgetRowInput[]> {
  const ws = await openSheet(bytes);
  const header = findHeaderRow(ws, (texts) => texts.some((x) => x.toLowerCase() === 'program'));
  const headerRow = header.row;
  const col = columnsOf(header.texts, ['Program', 'Pagu', 'Realisasi'] as const);
  const missing = (['Program', 'Pagu', 'Realisasi'] as const).filter((h) => !col.has(h));
  if (!ws || !headerRow || missing.length) {
    const names = missing.length ? missing : (['Program'] as Column[]);
    throw new AppError(
      'VALIDATION_FAILED',
      { id: `Lembar anggaran tidak dikenali: kolom ${names.join(', ')} tidak ditemukan. Gunakan lembar Bab III B dari SIPEDAKI.`, en: `The budget sheet is not recognised: column ${names.join(', ')} not found. Use the chapter III B sheet from SIPEDAKI.` },
      { fields: names.map((h) => ({ field: `R${headerRow || 1}.${h}`, message: 'Kolom tidak ditemukan', messageEn: 'Column not found' })) },
    );
  }
  const problems: Problem[] = [];
  const rows: { row: number; programme: string; pagu: number | null; realisasi: number | null }[] = [];
  const last = Math.min(ws.rowCount, headerRow + MAX_BUDGET_ROWS + 1);
  for (let r = headerRow + 1; r <= last; r++) {
    const programme = cellText(ws.getCell(r, col.get('Program')!).value);
    const raw = { pagu: ws.getCell(r, col.get('Pagu')!).value, realisasi: ws.getCell(r, col.get('Realisasi')!).value };
    if (!programme && raw.pagu === null && raw.realisasi === null) continue;
    // The total row a spreadsheet user may leave at the bottom is not a programme.
    if (/^(jumlah|total)$/i.test(programme)) continue;
    const read = (column: 'Pagu' | 'Realisasi', v: ExcelJS.CellValue) => {
      const p = parseNumber(v);
      if (!p.ok) {
        problems.push({ row: r, column, message: p.message.id, messageEn: p.message.en });
        return Number.NaN;
      }
      return p.value;
    };
    rows.push({ row: r, programme, pagu: read('Pagu', raw.pagu), realisasi: read('Realisasi', raw.realisasi) });
  }
  // A number already refused (NaN) is not named twice.
  const checked = checkBudgetRows(rows.map((x) => ({ programme: x.programme, pagu: Number.isNaN(x.pagu) ? 0 : x.pagu, realisasi: Number.isNaN(x.realisasi) ? 0 : x.realisasi })));
  for (const p of checked) {
    const x = rows[p.index];
    if (x && p.field !== 'programme' && (Number.isNaN(x.pagu) || Number.isNaN(x.realisasi))) continue;
    const row = rows[p.index]?.row ?? last + 1;
    const column: Column = p.field === 'programme' ? 'Program' : p.field === 'pagu' ? 'Pagu' : 'Realisasi';
    problems.push({ row, column, message: p.id, messageEn: p.en });
  }
  if (!rows.length && !problems.length) problems.push({ row: headerRow + 1, column: 'Program', message: 'Tidak ada baris program', messageEn: 'No programme rows' });
  if (problems.length) refuse(problems.sort((a, b) => a.row - b.row));
  return rows.map((x) => ({ programme: x.programme.trim(), pagu: x.pagu as number, realisasi: x.realisasi as number }));
}
