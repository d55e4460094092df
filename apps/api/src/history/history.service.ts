import ExcelJS from 'exceljs';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { seesWholeOffice } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { DataRequestService } from '../data-request/data-request.service';
import type { SubmissionService } from '../submission/submission.service';
import { formatMoment } from '../notification/templates';
import { describeAudit, indicatorIdsOf } from './history.format';
import { AUDIT_COUNT, AUDIT_SEARCH, HISTORY_OF_REQUEST, HISTORY_OF_SUBMISSION, type AuditRecordRow } from './history.sql';

/** The kinds of records the audit search filters by, with the names people know them by. */
export const ENTITY_TYPES: Record<string, [string, string]> = {
  DataRequest: ['Permintaan data', 'Data request'],
  BidangSubmission: ['Kiriman Bidang', 'Bidang submission'],
  StoredDocument: ['Dokumen', 'Document'],
  PerformanceAnalysis: ['Analisis kinerja', 'Performance analysis'],
  User: ['Pengguna', 'User'],
  Session: ['Sesi masuk', 'Sign-in session'],
  ActingAssignment: ['Plt/Plh', 'Acting assignment'],
  Bidang: ['Bidang', 'Bidang'],
  Indicator: ['Indikator', 'Indicator'],
  Holiday: ['Hari libur', 'Holiday'],
  Office: ['Pengaturan Dinas', 'Office settings'],
  ApiToken: ['Token layanan', 'Service token'],
  WebhookEndpoint: ['Webhook', 'Webhook'],
  Operation: ['Operasi API', 'API operation'],
  Route: ['Unduhan/berkas', 'File route'],
};

export interface AuditFilter {
  actorId?: string | null;
  /** Office-local days (YYYY-MM-DD), inclusive. */
  from?: string | null;
  until?: string | null;
  entityType?: string | null;
  text?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const MAX_EXPORT_ROWS = 5000;

/**
 * "Riwayat" (issue 11): the audit records of a request or a submission as people read them, and
 * the office-wide audit search with its XLSX export for the administrator and the Sekretaris.
 */
export class HistoryService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly requests: Pick<DataRequestService, 'get'>,
    private readonly submissions: Pick<SubmissionService, 'get'>,
  ) {
    this.sql = sqlOf(db);
  }

  /** A request's history: its steps, its Bidang's hand-ins and reviews, its documents. */
  async ofRequest(actor: Actor, requestId: string) {
    const r = await this.requests.get(actor, requestId);
    const bidangIds = seesWholeOffice(actor) ? null : actor.bidangIds;
    return this.describe(actor.officeId, await this.sql.rows(HISTORY_OF_REQUEST, [r.id, actor.officeId, bidangIds]));
  }

  /** A submission's history: every save (values old → new), hand-in, sign-off, review and document. */
  async ofSubmission(actor: Actor, submissionId: string) {
    const s = await this.submissions.get(actor, submissionId);
    return this.describe(actor.officeId, await this.sql.rows(HISTORY_OF_SUBMISSION, [s.id, actor.officeId]));
  }

  /** Everyone of the office, deactivated people included (their records stay), by name. */
  async actors(actor: Actor) {
    return this.db.user.findMany({ where: { officeId: actor.officeId }, orderBy: [{ name: 'asc' }, { username: 'asc' }] });
  }

  async search(actor: Actor, filter: AuditFilter, page = 1, pageSize = 50) {
    if (page < 1) fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('page', { id: 'Halaman mulai dari 1', en: 'Pages start at 1' })] });
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('pageSize', { id: `Ukuran halaman 1–${MAX_PAGE_SIZE}`, en: `Page size 1–${MAX_PAGE_SIZE}` })] });
    }
    const params = await this.params(actor, filter);
    const [rows, count] = await Promise.all([
      this.sql.rows(AUDIT_SEARCH, [...params, pageSize, (page - 1) * pageSize]),
      this.sql.one(AUDIT_COUNT, params),
    ]);
    return { items: await this.describe(actor.officeId, rows), total: count?.total ?? 0, page, pageSize };
  }

  /** The search's results as a workbook (newest first, at most MAX_EXPORT_ROWS); the export is audited. */
  async exportXlsx(actor: Actor, filter: AuditFilter) {
    const params = await this.params(actor, filter);
    const [rows, count] = await Promise.all([
      this.sql.rows(AUDIT_SEARCH, [...params, MAX_EXPORT_ROWS, 0]),
      this.sql.one(AUDIT_COUNT, params),
    ]);
    const entries = await this.describe(actor.officeId, rows);
    const office = await this.db.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { name: true, utcOffsetMinutes: true } });
    const wb = new ExcelJS.Workbook();
    wb.creator = 'SIPEDAKI';
    const ws = wb.addWorksheet('Jejak audit');
    ws.addRow([`Jejak audit ${office.name}`]).font = { bold: true, size: 13 };
    ws.addRow([`Diekspor ${formatMoment(new Date().toISOString(), office.utcOffsetMinutes, 'id')} oleh ${actor.name}; ${describeFilter(filter)}`]);
    const total = count?.total ?? 0;
    if (total > entries.length) ws.addRow([`Hanya ${entries.length.toLocaleString('id-ID')} catatan terbaru dari ${total.toLocaleString('id-ID')}; persempit saringan untuk sisanya.`]);
    ws.addRow([]);
    const header = ws.addRow(['Waktu', 'Pengguna', 'Tindakan', 'Jenis data', 'Bidang', 'ID data', 'Perubahan (lama → baru)']);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } }));
    for (const e of entries) {
      const row = ws.addRow([
        formatMoment(e.at.toISOString(), office.utcOffsetMinutes, 'id'),
        e.actor ? `${e.actor.name} (${e.actor.username})` : 'Sistem',
        e.label,
        e.entityTypeLabel,
        e.bidangName ?? '',
        e.entityId,
        e.changes.map((c) => `${c.label}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('\n'),
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
    [22, 28, 36, 18, 20, 38, 70].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await this.db.$transaction((tx) => audit(tx, actor, { action: 'audit.exported', entityType: 'Office', entityId: actor.officeId, after: { filter, rows: entries.length, total } }));
    return { bytes, filename: 'jejak-audit.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }

  /** The search's parameters $1–$6; the days are the office's days. */
  private async params(actor: Actor, f: AuditFilter) {
    if (f.entityType && !ENTITY_TYPES[f.entityType]) {
      fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('entityType', { id: `Jenis data tidak dikenal; pilih salah satu: ${Object.keys(ENTITY_TYPES).join(', ')}`, en: `Unknown entity type; use one of: ${Object.keys(ENTITY_TYPES).join(', ')}` })] });
    }
    if (f.from && f.until && f.until < f.from) {
      fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('until', { id: 'Tanggal akhir tidak boleh sebelum tanggal awal', en: 'The end date may not be before the start date' })] });
    }
    const text = f.text?.trim();
    if (text && text.length > 200) fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('text', { id: 'Teks pencarian maksimal 200 karakter', en: 'The search text may have at most 200 characters' })] });
    const office = await this.db.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { utcOffsetMinutes: true } });
    const dayStart = (day: string, plusDays = 0) => {
      const d = new Date(`${day}T00:00:00.000Z`);
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + plusDays) - office.utcOffsetMinutes * 60_000);
    };
    return [
      actor.officeId,
      f.actorId ?? null,
      f.from ? dayStart(f.from) : null,
      f.until ? dayStart(f.until, 1) : null,
      f.entityType || null,
      text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    ] as [string, string | null, Date | null, Date | null, string | null, string | null];
  }

  private async describe(officeId: string, rows: AuditRecordRow[]) {
    const [office, indicators] = await Promise.all([
      this.db.office.findUniqueOrThrow({ where: { id: officeId }, select: { utcOffsetMinutes: true } }),
      this.db.indicator.findMany({ where: { id: { in: indicatorIdsOf(rows) } }, select: { id: true, code: true } }),
    ]);
    const ctx = { indicators: new Map(indicators.map((i) => [i.id, i.code])), offsetMinutes: office.utcOffsetMinutes };
    return rows.map((r) => {
      const d = describeAudit(r, ctx);
      const [typeLabel, typeLabelEn] = ENTITY_TYPES[r.entityType] ?? [r.entityType, r.entityType];
      return {
        id: String(r.id),
        at: r.at,
        actor: r.actor,
        action: r.action,
        label: r.bidangName ? `${d.label} — ${r.bidangName}` : d.label,
        labelEn: r.bidangName ? `${d.labelEn} — ${r.bidangName}` : d.labelEn,
        entityType: r.entityType,
        entityTypeLabel: typeLabel,
        entityTypeLabelEn: typeLabelEn,
        entityId: r.entityId,
        bidangName: r.bidangName,
        changes: d.changes,
      };
    });
  }
}

function describeFilter(f: AuditFilter): string {
  const parts = [
    f.from ? `dari ${f.from}` : null,
    f.until ? `sampai ${f.until}` : null,
    f.entityType ? `jenis ${ENTITY_TYPES[f.entityType]?.[0] ?? f.entityType}` : null,
    f.actorId ? `pengguna ${f.actorId}` : null,
    f.text?.trim() ? `teks "${f.text.trim()}"` : null,
  ].filter(Boolean);
  return parts.length ? `saringan: ${parts.join(', ')}` : 'tanpa saringan';
}
