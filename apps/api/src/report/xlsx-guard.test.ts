/** The zip limits before exceljs (issue 9, item 3), on archives built byte by byte. No database. */
import ExcelJS from 'exceljs';
import { AppError } from '../common/errors';
import { bombEntry, entry, MIB_OF_ROWS, SHEET_HEAD, SHEET_TAIL, workbookWith, zip } from '../../test/zip';
import { assertXlsxWithinLimits, XLSX_LIMITS } from './xlsx-guard';

async function refusal(bytes: Buffer): Promise<AppError> {
  try {
    await assertXlsxWithinLimits(bytes);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('assertXlsxWithinLimits', () => {
  it('accepts a workbook written by exceljs, and a small hand-made one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Format');
    for (let r = 0; r < 2000; r++) ws.addRow([r, `IKU-${r}`, 'Sasaran', 'Indikator yang cukup panjang namanya', '%', 80, 75.5, 'Keterangan']);
    await expect(assertXlsxWithinLimits(Buffer.from(await wb.xlsx.writeBuffer()))).resolves.toBeUndefined();
    await expect(assertXlsxWithinLimits(workbookWith(entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_TAIL}`)))).resolves.toBeUndefined();
  });

  it('refuses a bomb by its declared size, before inflating anything', async () => {
    const bomb = workbookWith(bombEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, MIB_OF_ROWS, 400, SHEET_TAIL));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await refusal(bomb);
    expect(e.code).toBe('FILE_TOO_COMPLEX');
    expect(e.message).toContain('lebih dari 8 MB');
  });

  it('refuses a bomb whose headers lie about its size, after inflating at most the declared bytes', async () => {
    const lying = { ...bombEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, MIB_OF_ROWS, 400, SHEET_TAIL), declaredSize: 1000 };
    const e = await refusal(workbookWith(lying));
    expect(e.code).toBe('FILE_TOO_COMPLEX');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a lie that stays under the total limit too (declared 1 000 bytes, 2 MiB inside)', async () => {
    const lying = { ...bombEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, MIB_OF_ROWS, 2, SHEET_TAIL), declaredSize: 1000 };
    expect((await refusal(workbookWith(lying))).code).toBe('FILE_TOO_COMPLEX');
  });

  it('refuses a stored (uncompressed) part whose size is not the declared one', async () => {
    const stored = { ...entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`, 0), declaredSize: 10 };
    expect((await refusal(workbookWith(stored))).code).toBe('FILE_TOO_COMPLEX');
  });

  it('refuses overlapping parts that share one compressed body (each counted)', async () => {
    // 12 names pointing at 1 MiB each: 12 MiB in total, over the 8 MB limit.
    const one = entry('xl/worksheets/sheet1.xml', MIB_OF_ROWS);
    const many = Array.from({ length: 12 }, (_, i) => ({ ...one, name: `xl/worksheets/sheet${i + 1}.xml` }));
    expect((await refusal(zip(many))).code).toBe('FILE_TOO_COMPLEX');
  });

  it.each([
    ['too many parts', zip(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => entry(`x/${i}.xml`, '<a/>'))), 'bagian'],
    ['too many rows', workbookWith(entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${'<row/>'.repeat(XLSX_LIMITS.maxRows + 1)}${SHEET_TAIL}`)), 'baris'],
    ['too many cells', workbookWith(entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row>${'<c/>'.repeat(XLSX_LIMITS.maxCells + 1)}</row>${SHEET_TAIL}`)), 'sel'],
    ['too many cells, with a namespace prefix', workbookWith(entry('xl/worksheets/sheet1.xml', `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row>${'<x:c r="A1"/>'.repeat(XLSX_LIMITS.maxCells + 1)}</x:row></x:sheetData></x:worksheet>`)), 'sel'],
    ['too many shared strings', zip([entry('xl/sharedStrings.xml', `<sst>${'<si><t>a</t></si>'.repeat(XLSX_LIMITS.maxSharedStrings + 1)}</sst>`)]), 'teks'],
  ])('refuses %s with FILE_TOO_COMPLEX', async (_name, bytes, word) => {
    const e = await refusal(bytes);
    expect(e.code).toBe('FILE_TOO_COMPLEX');
    expect(e.message).toContain(word);
  });

  it.each([
    ['random bytes', Buffer.from('PK\u0003\u0004 bukan zip yang utuh, hanya awalnya saja ............')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated archive', workbookWith(entry('xl/worksheets/sheet1.xml', SHEET_HEAD + SHEET_TAIL)).subarray(0, 200)],
  ])('refuses %s as not an XLSX', async (_name, bytes) => {
    expect((await refusal(bytes)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses an encrypted part with FILE_TYPE_NOT_ALLOWED', async () => {
    const bytes = zip([entry('a.xml', '<a/>')]);
    // The central directory's general-purpose flags: set bit 0 (encrypted).
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt16LE(bytes.readUInt16LE(cd + 8) | 1, cd + 8);
    const e = await refusal(bytes);
    expect(e.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(e.message).toContain('terenkripsi');
  });
});
