/**
 * Audit records as people read them (issue 11, "Riwayat"): what was done, in Indonesian (English
 * beside it), and each changed field as old → new. Pure: the service loads the rows and the
 * names the records refer to (indicator codes, Bidang names) and passes them in.
 */
import { REQUEST_STATUS_LABELS, SUBMISSION_STATUS_LABELS, type RequestStatus, type SubmissionStatus } from '@sipedaki/sop';
import { formatMoment } from '../notification/templates';

export interface AuditRow {
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
}

export interface HistoryChange {
  field: string;
  label: string;
  labelEn: string;
  before: string | null;
  after: string | null;
}

export interface Described {
  label: string;
  labelEn: string;
  changes: HistoryChange[];
}

export interface DescribeContext {
  /** Indicator id → code (realisasi changes name the indicator). */
  indicators: Map<string, string>;
  /** The office's offset from UTC in minutes (dates are shown in its time). */
  offsetMinutes: number;
}

type Bi = [id: string, en: string];

const ACTIONS: Record<string, Bi> = {
  'request.registered': ['Surat permintaan data didaftarkan', 'Data request registered'],
  'request.dispose_to_kasubbag': ['Didisposisikan kepada Kasubbag', 'Disposed to the Kasubbag'],
  'request.dispose_to_staff': ['Didisposisikan kepada staf (Penyusun)', 'Disposed to the staff (Penyusun)'],
  'request.send_format': ['Format permintaan data dikirim ke Bidang', 'Data request format sent to the Bidang'],
  'request.forward_collection': ['Data terkumpul diteruskan kepada Kasubbag', 'Collected data forwarded to the Kasubbag'],
  'request.compile_data': ['Data dihimpun Kasubbag', 'Data compiled by the Kasubbag'],
  'request.submit_report': ['Rekap capaian disampaikan kepada Sekretaris', 'Performance recap handed to the Sekretaris'],
  'request.raise_to_kepala': ['Laporan dinaikkan kepada Kepala Dinas', 'Report raised to the Kepala Dinas'],
  'request.return_report': ['Laporan dikembalikan kepada Kasubbag', 'Report returned to the Kasubbag'],
  'request.acknowledged': ['Laporan diterima Kepala Dinas', 'Report acknowledged by the Kepala Dinas'],
  'submission.saved': ['Draf disimpan', 'Draft saved'],
  'submission.submit': ['Dikirim', 'Submitted'],
  'submission.head_approve': ['Disetujui Kepala Bidang dan dikirim kepada sekretariat', 'Signed off by the Kepala Bidang and sent to the secretariat'],
  'submission.head_return': ['Dikembalikan Kepala Bidang kepada operator', 'Returned by the Kepala Bidang to the operator'],
  'submission.return': ['Dikembalikan untuk perbaikan', 'Returned for correction'],
  'submission.accept': ['Diterima', 'Accepted'],
  'submission.imported': ['Diisi dari format Excel', 'Filled from the Excel format'],
  'document.uploaded': ['Dokumen diunggah', 'Document uploaded'],
  'document.removed': ['Dokumen dihapus (belum pernah dikirim)', 'Document removed (never submitted)'],
  'document.withdrawn': ['Dokumen ditarik dari kiriman (tetap tersimpan pada versinya)', 'Document withdrawn (kept with its version)'],
  'document.downloaded': ['Dokumen diunduh', 'Document downloaded'],
  'document.issued': ['Dokumen diterbitkan', 'Document issued'],
  'report.exported': ['Berkas diekspor', 'File exported'],
  'audit.exported': ['Jejak audit diekspor', 'Audit trail exported'],
  'office.head_approval': ['Pengaturan persetujuan Kepala Bidang diubah', 'Kepala Bidang sign-off setting changed'],
};

/** Fields shown, in this order; anything else in a record (ids, hashes, versions) is left out. */
const FIELDS: Record<string, Bi> = {
  status: ['Status', 'Status'],
  currentStep: ['Langkah', 'Step'],
  dueAt: ['Batas waktu', 'Due'],
  letterNumber: ['Nomor surat', 'Letter number'],
  letterDate: ['Tanggal surat', 'Letter date'],
  sender: ['Pengirim', 'Sender'],
  subject: ['Perihal', 'Subject'],
  year: ['Tahun', 'Year'],
  triwulan: ['Triwulan', 'Quarter'],
  notes: ['Catatan', 'Notes'],
  note: ['Catatan / arahan', 'Note / instruction'],
  instruction: ['Arahan', 'Instruction'],
  actingRole: ['Sebagai', 'Acting as'],
  toRole: ['Kepada', 'To'],
  reason: ['Alasan / catatan', 'Reason / note'],
  returnReason: ['Alasan pengembalian', 'Reason for return'],
  narrative: ['Narasi', 'Narrative'],
  submittedVersion: ['Versi kiriman', 'Submitted version'],
  kind: ['Jenis dokumen', 'Document kind'],
  filename: ['Berkas', 'File'],
  requireHeadApproval: ['Persetujuan Kepala Bidang wajib', 'Kepala Bidang sign-off required'],
  acknowledgedAt: ['Diterima pada', 'Acknowledged at'],
  completedAt: ['Selesai pada', 'Completed at'],
  withdrawnAt: ['Ditarik pada', 'Withdrawn at'],
};

const ROLE_WORDS: Record<string, string> = {
  SEKRETARIS: 'Sekretaris', KASUBBAG: 'Kasubbag', PENYUSUN: 'Penyusun', KEPALA_DINAS: 'Kepala Dinas', BIDANG_OPERATOR: 'Operator Bidang', BIDANG_HEAD: 'Kepala Bidang', ADMIN: 'Administrator',
};

const PLAIN_NUMBERS = new Set(['year', 'triwulan', 'currentStep', 'submittedVersion']);
/** Fields that hold a day, not a moment (stored as midnight UTC). */
const DATE_ONLY = new Set(['letterDate']);
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** "2026-10-01" → "1 Oktober 2026". */
function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const numberId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(field: string, v: unknown, ctx: DescribeContext, entityType: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (field === 'status' && typeof v === 'string') {
    const labels = entityType === 'BidangSubmission' ? SUBMISSION_STATUS_LABELS[v as SubmissionStatus] : REQUEST_STATUS_LABELS[v as RequestStatus];
    return labels?.id ?? v;
  }
  if ((field === 'actingRole' || field === 'toRole') && typeof v === 'string') return ROLE_WORDS[v] ?? v;
  if (DATE_ONLY.has(field) && typeof v === 'string') return dayText(v.slice(0, 10));
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  // Years, quarters, steps and version numbers are names, not amounts: "2026", not "2.026".
  if (typeof v === 'number') return PLAIN_NUMBERS.has(field) ? String(v) : numberId.format(v);
  if (typeof v === 'string' && ISO.test(v)) return formatMoment(v, ctx.offsetMinutes, 'id');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dayText(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

interface ValueRow { indicatorId: string; realisasi?: unknown; note?: unknown }
const valueRows = (v: unknown): ValueRow[] => (Array.isArray(v) ? (v as ValueRow[]).filter((x) => x && typeof x.indicatorId === 'string') : []);
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** A saved draft's values: each indicator whose realisasi or note changed. */
function valueChanges(before: unknown, after: unknown, ctx: DescribeContext): HistoryChange[] {
  const old = new Map(valueRows(before).map((v) => [v.indicatorId, v]));
  const out: HistoryChange[] = [];
  for (const v of valueRows(after)) {
    const was = old.get(v.indicatorId);
    const code = ctx.indicators.get(v.indicatorId) ?? 'indikator';
    const [a, b] = [num(was?.realisasi), num(v.realisasi)];
    if (a !== b) out.push({ field: `values.${v.indicatorId}.realisasi`, label: `Realisasi ${code}`, labelEn: `Realisasi ${code}`, before: a === null ? null : numberId.format(a), after: b === null ? null : numberId.format(b) });
    const [na, nb] = [String(was?.note ?? '').trim() || null, String(v.note ?? '').trim() || null];
    if (na !== nb) out.push({ field: `values.${v.indicatorId}.note`, label: `Keterangan ${code}`, labelEn: `Note ${code}`, before: na, after: nb });
  }
  return out;
}

export function describeAudit(row: AuditRow, ctx: DescribeContext): Described {
  const before = obj(row.before);
  const after = obj(row.after);
  const [label, labelEn] = row.action === 'submission.submit' && after.status === 'AWAITING_HEAD'
    ? ['Dikirim kepada Kepala Bidang untuk disetujui', 'Sent to the Kepala Bidang for sign-off']
    : ACTIONS[row.action] ?? [row.action, row.action];
  const changes: HistoryChange[] = [];
  for (const [field, [l, le]] of Object.entries(FIELDS)) {
    if (!(field in before) && !(field in after)) continue;
    const b = show(field, before[field], ctx, row.entityType);
    if (!(field in after)) {
      // A document's record that tells only the "before" (a removed file) names the file; any
      // other record leaves out what it does not say afterwards (e.g. a save that kept the narrative).
      if (row.action.startsWith('document.') && b !== null) changes.push({ field, label: l, labelEn: le, before: null, after: b });
      continue;
    }
    const a = show(field, after[field], ctx, row.entityType);
    if (a === b) continue;
    changes.push({ field, label: l, labelEn: le, before: b, after: a });
  }
  if (row.action === 'submission.saved' || row.action === 'submission.imported') changes.push(...valueChanges(before.values, after.values, ctx));
  return { label, labelEn, changes };
}

/** Indicator ids that a record's values refer to (the service looks their codes up). */
export function indicatorIdsOf(rows: AuditRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) for (const side of [r.before, r.after]) for (const v of valueRows(obj(side).values)) ids.add(v.indicatorId);
  return [...ids];
}
