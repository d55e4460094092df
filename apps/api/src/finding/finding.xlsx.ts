/**
 * Findings in Excel: the register exported as a TL monitoring matrix (No, No. LHP, Temuan,
 * Rekomendasi, Tindak lanjut, Status, Batas waktu, Keterangan), and findings imported from a sheet
 * of one row per recommendation (all or nothing; every problem named by its row and column).
 */
import { AUDIT_SOURCE_LABELS, TL_STATUS_LABELS, TL_STATUS_NUMBER, type AuditSource, type TlStatus } from '@sipedaki/sop';
import { AppError, type Bilingual } from '../common/errors';
import { formatDay } from '../notification/templates';
import { cellText, columnsOf, findHeaderRow, openSheet } from '../common/sheet';
import { buildWorkbook } from '../report/xlsx';

/** The matrix's columns, in the order offices print them. */
export const MATRIX_HEADERS = ['No', 'No. LHP', 'Temuan', 'Rekomendasi', 'Tindak lanjut', 'Status', 'Batas waktu', 'Keterangan'] as const;

export interface MatrixRow {
  reportNumber: string;
  source: AuditSource;
  findingCode: string;
  findingTitle: string;
  kondisi: string;
  bidangName: string;
  recommendation: {
    code: string;
    text: string;
    status: TlStatus;
    statusReason: string | null;
    deadline: string;
    overdue: boolean;
    awaitingVerification: boolean;
    actions: { text: string; state: string; createdAt: Date; note: string | null }[];
  };
}

const ACTION_STATE: Record<string, string> = { SUBMITTED: 'menunggu verifikasi APIP', VERIFIED: 'diverifikasi', RETURNED: 'dikembalikan' };
const day = (d: Date, offsetMinutes: number) => formatDay(new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10), 'id');

export async function buildMatrixWorkbook(meta: { officeName: string; today: string; filter: string; offsetMinutes: number }, rows: MatrixRow[]): Promise<Buffer> {
  return buildWorkbook([
    {
      name: 'Matriks TL',
      title: ['MATRIKS PEMANTAUAN TINDAK LANJUT HASIL PEMERIKSAAN', meta.officeName, `Keadaan per ${formatDay(meta.today, 'id')}${meta.filter ? ` — ${meta.filter}` : ''}`],
      headers: [...MATRIX_HEADERS],
      rows: rows.map((r, i) => {
        const rec = r.recommendation;
        const notes = [
          r.bidangName,
          AUDIT_SOURCE_LABELS[r.source].id,
          rec.statusReason ? `Alasan: ${rec.statusReason}` : null,
          rec.awaitingVerification ? 'Menunggu verifikasi APIP' : null,
          rec.overdue ? 'Melewati batas waktu' : null,
        ].filter(Boolean);
        return [
          i + 1,
          r.reportNumber,
          `${r.findingCode} ${r.findingTitle}\nKondisi: ${r.kondisi}`,
          `${rec.code} ${rec.text}`,
          rec.actions.map((a) => `${day(a.createdAt, meta.offsetMinutes)}: ${a.text} (${ACTION_STATE[a.state] ?? a.state}${a.note ? `; catatan: ${a.note}` : ''})`).join('\n') || '—',
          `${TL_STATUS_NUMBER[rec.status]} ${TL_STATUS_LABELS[rec.status].id}`,
          formatDay(rec.deadline, 'id'),
          notes.join('; '),
        ];
      }),
      widths: [5, 22, 40, 40, 45, 26, 16, 30],
    },
  ]);
}

/* ------------------------------------------------------------------ import */

/** The import sheet's columns (one row per recommendation; the finding's cells on its first row). */
export const IMPORT_HEADERS = ['Kode Temuan', 'Judul Temuan', 'Kondisi', 'Kriteria', 'Sebab', 'Akibat', 'Kode Bidang', 'Kode Indikator', 'Kode Rekomendasi', 'Rekomendasi'] as const;
type Column = (typeof IMPORT_HEADERS)[number];
const MAX_IMPORT_ROWS = 2000;

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
  messageEn: string;
}

export interface ParsedFinding {
  row: number;
  code: string;
  title: string;
  kondisi: string;
  kriteria: string;
  sebab: string;
  akibat: string;
  bidangCode: string;
  indicatorCode: string | null;
  recommendations: { row: number; code: string; text: string }[];
}

const problem = (row: number, column: Column, t: Bilingual): ImportProblem => ({ row, column, message: t.id, messageEn: t.en });

/** An empty import sheet with its headers and one example row. */
export function buildImportTemplate(): Promise<Buffer> {
  return buildWorkbook([
    {
      name: 'Temuan',
      headers: [...IMPORT_HEADERS],
      rows: [['1.01', 'Bukti capaian kinerja tidak lengkap', 'Uraian kondisi', 'Peraturan yang dilanggar', 'Penyebab', 'Akibat', 'B01', '', '1.01.1', 'Isi rekomendasi']],
      widths: [12, 30, 40, 30, 30, 30, 12, 14, 16, 40],
    },
  ]);
}

/**
 * Reads the sheet (after the zip limits of xlsx-guard.ts). Structural problems throw; row problems
 * are collected, all of them. Rows with the same Kode Temuan belong to one finding; its texts come
 * from its first row, and a later row may leave them empty but not contradict them.
 */
export async function parseFindingSheet(bytes: Buffer): Promise<{ findings: ParsedFinding[]; problems: ImportProblem[] }> {
  const ws = await openSheet(bytes);
  const header = findHeaderRow(ws, (texts) => texts.some((x) => x.toLowerCase() === 'kode temuan'));
  const headerRow = header.row;
  const col = columnsOf(header.texts, IMPORT_HEADERS);
  const missing = IMPORT_HEADERS.filter((h) => h !== 'Kode Indikator' && !col.has(h));
  if (!ws || !headerRow || missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        id: `Lembar temuan tidak dikenali: kolom ${missing.length ? missing.join(', ') : 'Kode Temuan'} tidak ditemukan. Gunakan templat impor temuan.`,
        en: `The findings sheet is not recognised: column ${missing.length ? missing.join(', ') : 'Kode Temuan'} not found. Use the findings import template.`,
      },
      { fields: (missing.length ? missing : ['Kode Temuan']).map((h) => ({ field: `R${headerRow || 1}.${h}`, message: 'Kolom tidak ditemukan', messageEn: 'Column not found' })) },
    );
  }
  const cell = (r: number, h: Column) => (col.has(h) ? cellText(ws.getCell(r, col.get(h) as number).value) : '');
  const problems: ImportProblem[] = [];
  const byCode = new Map<string, ParsedFinding>();
  const last = Math.min(ws.rowCount, headerRow + MAX_IMPORT_ROWS);
  if (ws.rowCount > last) problems.push(problem(last + 1, 'Kode Temuan', { id: `Paling banyak ${MAX_IMPORT_ROWS} baris`, en: `At most ${MAX_IMPORT_ROWS} rows` }));
  const LONG: [Column, string, string, number][] = [
    ['Judul Temuan', 'Judul temuan', 'The finding title', 500],
    ['Kondisi', 'Kondisi', 'The condition', 5000],
    ['Kriteria', 'Kriteria', 'The criteria', 5000],
    ['Sebab', 'Sebab', 'The cause', 5000],
    ['Akibat', 'Akibat', 'The effect', 5000],
  ];
  for (let r = headerRow + 1; r <= last; r++) {
    const values = IMPORT_HEADERS.map((h) => cell(r, h));
    if (values.every((v) => !v)) continue;
    const code = cell(r, 'Kode Temuan');
    if (!code || code.length > 40) {
      problems.push(problem(r, 'Kode Temuan', { id: 'Kode temuan wajib diisi (1–40 karakter)', en: 'The finding code is required (1–40 characters)' }));
      continue;
    }
    let f = byCode.get(code);
    if (!f) {
      f = { row: r, code, title: cell(r, 'Judul Temuan'), kondisi: cell(r, 'Kondisi'), kriteria: cell(r, 'Kriteria'), sebab: cell(r, 'Sebab'), akibat: cell(r, 'Akibat'), bidangCode: cell(r, 'Kode Bidang'), indicatorCode: cell(r, 'Kode Indikator') || null, recommendations: [] };
      for (const [h, id, en, max] of LONG) {
        const v = cell(r, h);
        if (v.length < 2 || v.length > max) problems.push(problem(r, h, { id: `${id} wajib diisi (2–${max} karakter)`, en: `${en} is required (2–${max} characters)` }));
      }
      if (!f.bidangCode) problems.push(problem(r, 'Kode Bidang', { id: 'Kode Bidang wajib diisi', en: 'The Bidang code is required' }));
      byCode.set(code, f);
    } else {
      const first = f;
      const own: [Column, string][] = [['Judul Temuan', first.title], ['Kondisi', first.kondisi], ['Kriteria', first.kriteria], ['Sebab', first.sebab], ['Akibat', first.akibat], ['Kode Bidang', first.bidangCode]];
      for (const [h, v] of own) {
        const here = cell(r, h);
        if (here && here !== v) problems.push(problem(r, h, { id: `Berbeda dengan baris ${first.row} untuk temuan ${code}`, en: `Differs from row ${first.row} for finding ${code}` }));
      }
    }
    const recCode = cell(r, 'Kode Rekomendasi');
    const recText = cell(r, 'Rekomendasi');
    if (!recCode || recCode.length > 40) problems.push(problem(r, 'Kode Rekomendasi', { id: 'Kode rekomendasi wajib diisi (1–40 karakter)', en: 'The recommendation code is required (1–40 characters)' }));
    else if (f.recommendations.some((x) => x.code === recCode)) problems.push(problem(r, 'Kode Rekomendasi', { id: `Kode rekomendasi ${recCode} ganda dalam temuan ${code}`, en: `Recommendation code ${recCode} appears twice in finding ${code}` }));
    if (recText.length < 2 || recText.length > 5000) problems.push(problem(r, 'Rekomendasi', { id: 'Isi rekomendasi wajib diisi (2–5000 karakter)', en: 'The recommendation is required (2–5000 characters)' }));
    f.recommendations.push({ row: r, code: recCode, text: recText });
  }
  if (!byCode.size && !problems.length) problems.push(problem(headerRow + 1, 'Kode Temuan', { id: 'Tidak ada baris temuan', en: 'No finding rows' }));
  return { findings: [...byCode.values()], problems };
}
