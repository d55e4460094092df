/** The one sheet reader of every XLSX import (common/sheet.ts), on workbooks made here. No database. */
import ExcelJS from 'exceljs';
import { bombEntry, MIB_OF_ROWS, SHEET_HEAD, SHEET_TAIL, workbookWith } from '../../test/zip';
import { AppError } from './errors';
import { cellText, columnsOf, findHeaderRow, openSheet, rowTexts } from './sheet';

async function xlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('openSheet', () => {
  it('takes the sheet of the given name, else the first one', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Catatan').addRow(['catatan']);
      wb.addWorksheet('PK').addRow(['pk']);
    });
    expect(cellText((await openSheet(bytes, 'PK'))!.getCell(1, 1).value)).toBe('pk');
    expect(cellText((await openSheet(bytes, 'Format'))!.getCell(1, 1).value)).toBe('catatan');
    expect(cellText((await openSheet(bytes))!.getCell(1, 1).value)).toBe('catatan');
  });

  it('refuses a file that is not a workbook (FILE_TYPE_NOT_ALLOWED) and a zip bomb before opening it (FILE_TOO_COMPLEX)', async () => {
    expect(await codeOf(openSheet(Buffer.from('%PDF-1.4 bukan lembar kerja')))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await codeOf(openSheet(workbookWith(bombEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, MIB_OF_ROWS, 400, SHEET_TAIL))))).toBe('FILE_TOO_COMPLEX');
  });
});

describe('cellText', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['a trimmed string', '  Program  ', 'Program'],
    ['a number', 1250, '1250'],
    ['a formula, by its cached result', { formula: 'A1*2', result: 42 } as ExcelJS.CellFormulaValue, '42'],
    ['rich text, by its characters', { richText: [{ text: 'Kode ' }, { text: 'Temuan ' }] } as ExcelJS.CellRichTextValue, 'Kode Temuan'],
    ['a hyperlink, by its text', { text: 'LHP', hyperlink: 'https://example.org' } as ExcelJS.CellHyperlinkValue, 'LHP'],
    ['an empty cell', null, ''],
    ['a date', new Date('2026-01-05T00:00:00Z'), ''],
    ['an error', { error: '#N/A' } as ExcelJS.CellErrorValue, ''],
  ])('reads %s', (_what, value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('findHeaderRow and columnsOf', () => {
  const sheetWithHeaderAt = async (row: number) =>
    (await openSheet(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('Temuan');
        ws.getCell(1, 1).value = 'Judul lembar';
        ws.getCell(row, 2).value = 'KODE TEMUAN';
        ws.getCell(row, 4).value = 'Rekomendasi';
        ws.getCell(row + 1, 2).value = '1.01';
      }),
    ))!;
  const isHeader = (texts: string[]) => texts.some((t) => t.toLowerCase() === 'kode temuan');

  it('finds the header row within the first 20 rows, with its texts, and the columns by header whatever their case', async () => {
    const ws = await sheetWithHeaderAt(20);
    const header = findHeaderRow(ws, isHeader);
    expect(header).toEqual({ row: 20, texts: ['', 'KODE TEMUAN', '', 'Rekomendasi'] });
    expect(rowTexts(ws, 21)).toEqual(['', '1.01', '', '']);
    const col = columnsOf(header.texts, ['Kode Temuan', 'Judul Temuan', 'Rekomendasi'] as const);
    expect([...col]).toEqual([['Kode Temuan', 2], ['Rekomendasi', 4]]);
  });

  it('finds none below row 20, none above `from`, and none without a sheet', async () => {
    expect(findHeaderRow(await sheetWithHeaderAt(21), isHeader)).toEqual({ row: 0, texts: [] });
    expect(findHeaderRow(await sheetWithHeaderAt(1), isHeader, 2)).toEqual({ row: 0, texts: [] });
    expect(findHeaderRow(undefined, isHeader)).toEqual({ row: 0, texts: [] });
  });
});
