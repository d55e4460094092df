/**
 * "Every stage in softcopy and hardcopy": the data request format (XLSX to fill offline, and PDF),
 * the import of a filled format as a Bidang's submission, the compiled data set and the recap of
 * capaian (XLSX, PDF with charts), and the disposition sheet (PDF). Each issued PDF is stored as
 * a document with a verification code, so a printed or forwarded copy can be checked by its hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import {
  capLabel,
  categoryColor,
  DOCUMENT_KIND_LABELS,
  isOfficeWideDocument,
  periodLabel,
  periodOf,
  POLARITY_LABELS,
  RECORD_KIND,
  RECORD_MARK_LABELS,
  ROLE_LABELS,
  SUBMISSION_STATUS_LABELS,
  type DocumentKind,
  type DocumentSubject,
  type Role,
  type SubmissionStatus,
} from '@sipedaki/sop';
import QRCode from 'qrcode';
import type { AnalysisService } from '../analysis/analysis.service';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertBidangWriter, assertSameOffice, canReadDocument } from '../common/access';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import { dateOnly } from '../common/format';
import { logger } from '../common/logger';
import type { Db } from '../db/prisma';
import { XLSX_MIME, type DocumentStorage } from '../document/storage';
import type { StoredDocument } from '../generated/prisma/client';
import type { KopContent, LetterheadService } from '../office/letterhead.service';
import type { SubmissionService } from '../submission/submission.service';
import type { DataRequestService } from '../data-request/data-request.service';
import { dateId, dateTimeId, LAYOUT_VERSION, num, PdfWriter, pct, type KopPrint, type Verification } from './pdf';
import { resolveSignatories } from './signatories';
import { indicatorValue } from '../analysis/indicator-value';
import { buildFormatWorkbook, buildWorkbook, parseFormatWorkbook, targetText } from './xlsx';

export interface IssuedFile {
  bytes: Buffer;
  filename: string;
  mimeType: string;
  documentId?: string;
  verificationCode?: string;
  sha256?: string;
}

/** Crockford base32 without I, L, O, U: no letters people misread on paper. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newVerificationCode(): string {
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % 32]).join('');
}
/** Printed as XXXX-XXXX-XXXX; accepted with or without dashes, in any case. */
export const formatCode = (c: string) => (c.match(/.{1,4}/g) ?? []).join('-');
export const normalizeCode = (c: string) => c.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Every export passes the one visibility rule (packages/sop documents.ts) before any work. */
function assertMayRead(actor: Actor, subject: DocumentSubject, message?: Bilingual): void {
  if (!canReadDocument(actor, subject)) fail('FORBIDDEN', message);
}

const safeName = (s: string) => s.replace(/[^\w.-]+/g, '_').replace(/_+/g, '_').slice(0, 80);

const sha256Hex = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** JSON with the keys of every object sorted: the same content always gives the same text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Labels printed for people (never an enum code). */
const ANALYSIS_STATUS_LABELS = { DRAFT: 'draf', SUBMITTED: 'dikirim' } as const;
const submissionLabel = (s: string | null) => (s ? (SUBMISSION_STATUS_LABELS[s as SubmissionStatus]?.id ?? s) : 'Belum ada kiriman');
/** "Laporan Hasil Pemeriksaan (LHP)": the name, and the abbreviation people know it by. */
const documentLabel = (k: DocumentKind) => (k === 'OTHER' ? DOCUMENT_KIND_LABELS[k].id : `${DOCUMENT_KIND_LABELS[k].id} (${k.replace('_', ' ')})`);
/** "80" or "70 – 90" for a range target, Indonesian number format. */
const targetLabel = (i: { polarity: string; target: number | null; targetUpper: number | null }) =>
  i.polarity === 'RANGE' ? `${num(i.target)} – ${num(i.targetUpper)}` : num(i.target);

export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly storage: DocumentStorage,
    private readonly submissions: SubmissionService,
    private readonly analyses: AnalysisService,
    private readonly requests: DataRequestService,
    private readonly letterheads: LetterheadService,
  ) {}

  private async request(actor: Actor, requestId: string) {
    const r = await findOr404(this.db.dataRequest.findUnique({ where: { id: requestId }, include: { office: true } }));
    assertSameOffice(actor, r.officeId);
    return r;
  }

  private periodOf(r: { year: number; triwulan: number | null }) {
    return periodLabel(periodOf(r.year, r.triwulan));
  }

  private letterLine(r: { letterNumber: string; letterDate: Date; sender: string; subject: string }) {
    return `Surat ${r.sender} nomor ${r.letterNumber} tanggal ${dateId(r.letterDate)}, perihal ${r.subject}`;
  }

  /** The format of one Bidang: its requested indicators with target, and the current draft values. */
  private async formatData(actor: Actor, requestId: string, bidangId: string | undefined) {
    const r = await this.request(actor, requestId);
    if (!bidangId) {
      fail('VALIDATION_FAILED', { id: 'Sebutkan Bidang (bidangId).', en: 'Name the Bidang (bidangId).' }, { fields: [fieldProblem('bidangId', { id: 'Wajib diisi', en: 'Required' })] });
    }
    const bidang = await findOr404(this.db.bidang.findFirst({ where: { id: bidangId, officeId: r.officeId } }));
    // Only the Bidang the request is asked of have a format (issue 11).
    const asked = await this.db.dataRequestBidang.findUnique({ where: { requestId_bidangId: { requestId: r.id, bidangId: bidang.id } } });
    if (!asked) fail('NOT_FOUND', { id: `Permintaan ini tidak ditujukan kepada ${bidang.name}.`, en: `This request is not addressed to ${bidang.name}.` });
    assertMayRead(actor, { kind: 'FORMAT', bidangId: bidang.id }, { id: 'Anda hanya dapat mengunduh format Bidang Anda sendiri.', en: 'You can only download your own Bidang’s format.' });
    const [rows, sub] = await Promise.all([
      this.db.dataRequestIndicator.findMany({
        where: { requestId: r.id, indicator: { bidangId: bidang.id } },
        include: { indicator: { include: { targets: true, sasaran: true } } },
        orderBy: { indicator: { code: 'asc' } },
      }),
      this.db.bidangSubmission.findUnique({ where: { requestId_bidangId: { requestId: r.id, bidangId: bidang.id } }, include: { values: true } }),
    ]);
    const indicators = rows.map(({ indicator: i, ...frozen }) => indicatorValue(i, r, sub?.values.find((x) => x.indicatorId === i.id), frozen));
    return { r, bidang, sub, indicators };
  }

  async formatXlsx(actor: Actor, requestId: string, bidangId: string | undefined): Promise<IssuedFile> {
    const { r, bidang, sub, indicators } = await this.formatData(actor, requestId, bidangId);
    const bytes = await buildFormatWorkbook(
      {
        requestId: r.id,
        bidangId: bidang.id,
        submissionId: sub?.id ?? null,
        version: sub?.version ?? null,
        title: `Format Permintaan Data Kinerja — ${bidang.name}`,
        lines: [
          `${r.office.name} · ${this.periodOf(r)}`,
          this.letterLine(r),
          'Isi kolom Realisasi (angka) dan Keterangan saja, lalu unggah kembali berkas ini di SIPEDAKI.',
        ],
      },
      indicators,
    );
    return { bytes, filename: `format-${safeName(bidang.code)}-${dateOnly(r.letterDate)}.xlsx`, mimeType: XLSX_MIME };
  }

  /**
   * A filled format becomes the Bidang's draft through SubmissionService.save (one transaction,
   * audit row, version compare-and-set). Any bad row refuses the whole file: nothing is saved.
   */
  async importXlsx(actor: Actor, submissionId: string, bytes: Buffer, expectedVersion: number | null) {
    const s = await findOr404(this.db.bidangSubmission.findUnique({ where: { id: submissionId }, include: { request: true } }));
    assertSameOffice(actor, s.request.officeId);
    assertBidangWriter(actor, s.bidangId);
    const requested = await this.db.dataRequestIndicator.findMany({
      where: { requestId: s.requestId, indicator: { bidangId: s.bidangId } },
      include: { indicator: { select: { id: true, code: true, name: true, satuan: true, valueKind: true, allowAbove100: true } } },
    });
    const parsed = await parseFormatWorkbook(bytes, requested.map((x) => x.indicator));
    if (parsed.requestId !== s.requestId || parsed.bidangId !== s.bidangId) {
      const mismatch = { id: 'Permintaan atau Bidang tidak cocok', en: 'Request or Bidang does not match' };
      fail('VALIDATION_FAILED', { id: 'Berkas ini adalah format untuk permintaan atau Bidang lain.', en: 'This file is the format of another request or Bidang.' }, {
        fields: [fieldProblem('R1.Metadata', mismatch)],
        cells: [{ row: 1, column: 'Metadata', message: mismatch.id, messageEn: mismatch.en }],
      });
    }
    if (parsed.problems.length) {
      const n = parsed.problems.length;
      fail('VALIDATION_FAILED', {
        id: `Berkas tidak dapat diimpor: ${n} isian bermasalah. Tidak ada data yang disimpan.`,
        en: `The file cannot be imported: ${n} ${n === 1 ? 'entry has a problem' : 'entries have problems'}. Nothing was saved.`,
      }, {
        fields: parsed.problems.map((p) => ({ field: `R${p.row}.${p.column}`, message: p.message, messageEn: p.messageEn })),
        cells: parsed.problems,
      });
    }
    // The version the client read; else the one the format was downloaded at (offline editing).
    const version = expectedVersion ?? parsed.version;
    if (version === null || !Number.isInteger(version) || version < 1) {
      fail('VALIDATION_FAILED', { id: 'Versi kiriman (expectedVersion) wajib diisi.', en: 'The submission version (expectedVersion) is required.' }, {
        fields: [fieldProblem('expectedVersion', { id: 'Wajib diisi, bilangan bulat ≥ 1', en: 'Required, a whole number ≥ 1' })],
      });
    }
    const submission = await this.submissions.save(actor, { submissionId: s.id, expectedVersion: version, values: parsed.values });
    return { submission, readings: parsed.readings };
  }

  /** The compiled data set (step 5): every accepted submission's values. Secretariat only. */
  async datasetXlsx(actor: Actor, requestId: string): Promise<IssuedFile> {
    const r = await this.request(actor, requestId);
    assertMayRead(actor, { kind: 'DATASET', bidangId: null }, {
      id: 'Kompilasi data hanya untuk Sekretariat (Sekretaris, Kasubbag, Penyusun).',
      en: 'The compiled data set is for the secretariat only (Sekretaris, Kasubbag, Penyusun).',
    });
    const subs = await this.db.bidangSubmission.findMany({
      where: { requestId: r.id, status: 'ACCEPTED' },
      include: { bidang: true },
      orderBy: [{ bidang: { sortOrder: 'asc' } }, { bidang: { name: 'asc' } }],
    });
    const rows: (string | number | null | Date)[][] = [];
    for (const sub of subs) {
      const v = await this.submissions.view(sub.id);
      for (const x of v.values) {
        rows.push([
          sub.bidang.name, x.indicatorCode, x.sasaran, x.indicatorName, x.satuan, POLARITY_LABELS[x.polarity].id,
          x.target, x.targetUpper, x.realisasi, x.capaian, x.category?.label ?? null, x.note, v.reviewedAt ?? null,
        ]);
      }
    }
    const bytes = await buildWorkbook([
      {
        name: 'Kompilasi',
        title: [`Kompilasi Data Kinerja — ${r.office.name}`, `${this.periodOf(r)} · ${this.letterLine(r)}`, `${subs.length} kiriman Bidang yang diterima`],
        headers: ['Bidang', 'Kode Indikator', 'Sasaran', 'Indikator', 'Satuan', 'Polaritas', 'Target', 'Target Atas', 'Realisasi', 'Capaian (%)', 'Kategori', 'Keterangan', 'Diterima'],
        rows,
        widths: [22, 16, 28, 40, 10, 18, 10, 10, 12, 12, 14, 30, 20],
      },
    ]);
    const filename = `kompilasi-${dateOnly(r.letterDate)}-${r.id.slice(0, 8)}.xlsx`;
    await this.auditExport(actor, r, { export: 'dataset.xlsx', filename, bytes, submissions: subs.length });
    return { bytes, filename, mimeType: XLSX_MIME };
  }

  async recapXlsx(actor: Actor, requestId: string): Promise<IssuedFile> {
    assertMayRead(actor, { kind: 'REPORT', bidangId: null });
    const { request: r, analysis: a } = await this.analyses.latest(actor, requestId);
    const [office, scaleName] = await Promise.all([this.db.office.findUniqueOrThrow({ where: { id: r.officeId } }), this.scaleName(a.scaleCode, a.scaleVersion)]);
    const summaryRow = (kind: string, s: { label: string; average: number | null; averageUncapped: number | null; category: { label: string } | null; indicatorCount: number; missingCount: number; flaggedCount: number }) =>
      [kind, s.label, s.average, s.averageUncapped, s.category?.label ?? null, s.indicatorCount, s.missingCount, s.flaggedCount];
    const bytes = await buildWorkbook([
      {
        name: 'Rekap',
        title: [
          `Rekap Capaian Kinerja — ${office.name}`,
          `${r.period.label} · analisis versi ${a.version} (${ANALYSIS_STATUS_LABELS[a.status as keyof typeof ANALYSIS_STATUS_LABELS] ?? a.status}) · skala kategori: ${scaleName}`,
          `Capaian tiap indikator ${capLabel({ cap: a.cap })} sebelum dirata-rata; kolom "tanpa batas" merata-rata capaian apa adanya.`,
        ],
        headers: ['Tingkat', 'Nama', 'Rata-rata Capaian (%)', 'Rata-rata tanpa batas (%)', 'Kategori', 'Jumlah Indikator', 'Tanpa Capaian', 'Ditandai'],
        rows: [summaryRow('Dinas', a.office), ...a.perBidang.map((s) => summaryRow('Bidang', s)), ...a.perSasaran.map((s) => summaryRow('Sasaran', s))],
        widths: [10, 40, 20, 20, 16, 16, 14, 10],
      },
      {
        name: 'Indikator',
        headers: ['Bidang', 'Kode', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Capaian dibatasi (%)', 'Kategori', 'Capaian periode lalu (%)', 'Capaian tahun lalu (%)', 'Ditandai', 'Alasan'],
        rows: a.indicators.map((i) => [
          i.bidangName, i.indicatorCode, i.sasaran, i.indicatorName, i.satuan, targetText(i), i.realisasi, i.capaian, i.capaianCapped, i.category?.label ?? null,
          i.previous?.capaian ?? null, i.lastYear?.capaian ?? null, i.flagged ? 'Ya' : 'Tidak', i.flagReasons.join(' '),
        ]),
        widths: [22, 16, 28, 40, 10, 12, 12, 12, 12, 14, 14, 14, 10, 60],
      },
      {
        name: 'Bidang',
        headers: ['Bidang', 'Status kiriman', 'Terlambat', 'Dikembalikan (kali)', 'Capaian', 'Kendala', 'Solusi'],
        rows: a.bidang.map((b) => [b.bidangName, submissionLabel(b.submissionStatus), b.late ? 'Ya' : 'Tidak', b.returnCount, b.achievements, b.obstacles, b.solutions]),
        widths: [24, 14, 10, 12, 40, 40, 40],
      },
    ]);
    const filename = `rekap-capaian-${r.letterDate}-v${a.version}.xlsx`;
    await this.auditExport(actor, r, { export: 'recap.xlsx', filename, bytes, analysisId: a.id, analysisVersion: a.version });
    return { bytes, filename, mimeType: XLSX_MIME };
  }

  /**
   * Office-wide exports that are not stored (data set, recap XLSX) leave an audit row: who took
   * which data, when, and the SHA-256 of the bytes handed out. Issued PDFs have theirs
   * (`document.issued`), downloads of stored office-wide documents theirs (`document.downloaded`).
   */
  private async auditExport(actor: Actor, r: { id: string }, e: { export: string; filename: string; bytes: Buffer; [k: string]: unknown }) {
    const { bytes, ...rest } = e;
    await this.db.$transaction((tx) =>
      audit(tx, actor, {
        action: 'report.exported',
        entityType: 'DataRequest',
        entityId: r.id,
        after: { ...rest, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
      }),
    );
  }

  /**
   * One issued copy per content. `content` is everything the document prints (its data, the kop
   * with the logo's hash, the signatories), without the verification code and the issue time;
   * the content key hashes it with the document kind, its Bidang, the verification address and the
   * layout version. The same key again hands out the stored copy (same bytes, same code); a new
   * key renders, stores and registers a new copy. Hashing the inputs rather than the bytes: the
   * bytes hold the code and the issue time, which differ by construction.
   */
  async issuePdf(
    actor: Actor,
    // requestId null: a document of the office, not of one request (the SOP monitoring).
    target: { officeId: string; requestId: string | null; kind: DocumentKind; filename: string; bidangId?: string },
    baseUrl: string,
    content: unknown,
    render: (v: Verification, issuedAt: Date) => Promise<Buffer>,
  ): Promise<IssuedFile> {
    const base = baseUrl.replace(/\/+$/, '');
    const bidangId = target.bidangId ?? null;
    const contentKey = sha256Hex(canonicalJson({ layout: LAYOUT_VERSION, kind: target.kind, bidangId, baseUrl: base, content }));
    const where = { officeId: target.officeId, requestId: target.requestId, kind: target.kind, bidangId, contentKey };
    const stored = await this.db.storedDocument.findFirst({ where, orderBy: { createdAt: 'desc' } });
    const copy = stored && (await this.handOut(actor, stored));
    if (copy) return copy;

    const code = newVerificationCode();
    const url = `${base}/verify/${formatCode(code)}`;
    const qrPng = await QRCode.toBuffer(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
    const issuedAt = new Date();
    const bytes = await render({ code: formatCode(code), url, qrPng }, issuedAt);
    const { doc, raced } = await this.db.$transaction(async (tx) => {
      // Two downloads of the same content at once: the second waits here and takes the first's copy.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`issue:${contentKey}`}, 0))`;
      const other = await tx.storedDocument.findFirst({ where, orderBy: { createdAt: 'desc' } });
      if (other && other.id !== stored?.id) return { doc: other, raced: true };
      const blob = await this.storage.put(Readable.from([bytes]), Number.MAX_SAFE_INTEGER);
      const d = await tx.storedDocument.create({
        data: {
          officeId: target.officeId,
          requestId: target.requestId,
          bidangId,
          kind: target.kind,
          filename: target.filename,
          mimeType: 'application/pdf',
          size: blob.size,
          sha256: blob.sha256,
          storageKey: blob.storageKey,
          uploadedById: actor.userId,
          verificationCode: code,
          contentKey,
          createdAt: issuedAt,
        },
      });
      await audit(tx, actor, { action: 'document.issued', entityType: 'StoredDocument', entityId: d.id, after: d });
      return { doc: d, raced: false };
    });
    if (raced) {
      const theirs = await this.handOut(actor, doc);
      if (theirs) return theirs;
    }
    return { bytes, filename: doc.filename, mimeType: doc.mimeType, documentId: doc.id, verificationCode: formatCode(code), sha256: doc.sha256 };
  }

  /**
   * The stored copy of an issued document, as a download: its bytes from storage (null when the
   * file is gone, so that a new copy is issued instead), with the audit row every download of an
   * office-wide document leaves.
   */
  private async handOut(actor: Actor, d: StoredDocument): Promise<IssuedFile | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(this.storage.pathOf(d.storageKey));
    } catch (err) {
      logger.warn({ err, documentId: d.id }, 'issued document missing from storage; issuing a new copy');
      return null;
    }
    if (isOfficeWideDocument(d)) {
      await this.db.$transaction((tx) =>
        audit(tx, actor, { action: 'document.downloaded', entityType: 'StoredDocument', entityId: d.id, after: { kind: d.kind, requestId: d.requestId, filename: d.filename, sha256: d.sha256, storedCopy: true } }),
      );
    }
    return { bytes, filename: d.filename, mimeType: d.mimeType, documentId: d.id, verificationCode: formatCode(d.verificationCode!), sha256: d.sha256 };
  }

  /** The kop as PdfWriter.kop() prints it: the resolved lines and the logo's bytes. */
  kopPrint(k: { content: KopContent; logo: Buffer | null }): KopPrint {
    return { government: k.content.government, agency: k.content.agency, address: k.content.address, contact: k.content.contact, logo: k.logo };
  }

  async formatPdf(actor: Actor, requestId: string, bidangId: string | undefined, baseUrl: string): Promise<IssuedFile> {
    const { r, bidang, indicators, sub } = await this.formatData(actor, requestId, bidangId);
    const kop = await this.letterheads.forPrint(r.officeId);
    // The Kepala Bidang box names the one who approved the data that stands now (submitted or
    // accepted), with the day he signed — Plt/Plh as of that day; before that (or after a
    // return, when the data is being corrected) whoever holds the post now, the date left open.
    const approved = sub?.headApprovedById && sub.headApprovedAt && (sub.status === 'SUBMITTED' || sub.status === 'ACCEPTED');
    const by = approved ? { userId: sub.headApprovedById!, at: sub.headApprovedAt } : null;
    const [kabid] = await resolveSignatories(this.db, r.officeId, [{ role: 'BIDANG_HEAD', bidangId: bidang.id, post: `Kepala ${bidang.name}`, by }], new Date());
    const content = {
      kop: kop.content,
      bidang: bidang.name,
      period: this.periodOf(r),
      letter: this.letterLine(r),
      rows: indicators.map((i, n) => [String(n + 1), i.code, i.sasaran, i.name, i.satuan, POLARITY_LABELS[i.polarity].id, targetLabel(i)]),
      documents: r.requestedDocuments.map(documentLabel).join(', ') || '–',
      signatory: kabid!,
    };
    const filename = `format-${safeName(bidang.code)}-${dateOnly(r.letterDate)}.pdf`;
    return this.issuePdf(actor, { officeId: r.officeId, requestId: r.id, kind: 'FORMAT', filename, bidangId: bidang.id }, baseUrl, content, async (v, issuedAt) => {
      const pdf = new PdfWriter('Format Permintaan Data Kinerja', v, { landscape: true, issuedAt });
      pdf.kop(this.kopPrint(kop));
      pdf.title('FORMAT PERMINTAAN DATA KINERJA', [`Bidang: ${content.bidang} · Periode: ${content.period}`, content.letter]);
      pdf.table(
        ['No', 'Kode', 'Sasaran', 'Indikator', 'Satuan', 'Polaritas', 'Target', 'Realisasi', 'Keterangan'],
        content.rows.map((row) => [...row, '', '']),
        [0.04, 0.09, 0.16, 0.22, 0.06, 0.11, 0.08, 0.09, 0.15],
        { align: ['right', 'left', 'left', 'left', 'left', 'left', 'right', 'right', 'left'] },
      );
      pdf.paragraph(`Dokumen yang dilampirkan: ${content.documents}`);
      pdf.signatureBlocks([{ mark: RECORD_MARK_LABELS.SIGNATURE.id, place: content.kop.city, signatory: content.signatory }], { columns: 3 });
      return pdf.finish();
    });
  }

  /** The recap of capaian with its charts (per Bidang, per Sasaran). Office-wide roles. */
  async recapPdf(actor: Actor, requestId: string, baseUrl: string): Promise<IssuedFile> {
    assertMayRead(actor, { kind: 'REPORT', bidangId: null });
    const { request: r, analysis: a } = await this.analyses.latest(actor, requestId);
    const full = await this.request(actor, requestId);
    const [kop, scaleName, made, dispositions] = await Promise.all([
      this.letterheads.forPrint(r.officeId),
      this.scaleName(a.scaleCode, a.scaleVersion),
      this.db.performanceAnalysis.findUniqueOrThrow({ where: { id: a.id }, select: { createdById: true, createdAt: true } }),
      this.db.disposition.findMany({ where: { requestId: r.id }, orderBy: { createdAt: 'asc' } }),
    ]);
    // The marks of this version of the report: its hand-over, its raising to the Kepala, the
    // Kepala's acknowledgement, each only when it came after the one before.
    const after = (t: Date | null | undefined, pred: (d: (typeof dispositions)[number]) => boolean) =>
      t ? dispositions.filter((d) => pred(d) && d.createdAt >= t).at(-1) ?? null : null;
    const handover = after(made.createdAt, (d) => d.fromRole === 'KASUBBAG' && d.toRole === 'SEKRETARIS');
    const raised = after(handover?.createdAt, (d) => d.fromRole === 'SEKRETARIS' && d.toRole === 'KEPALA_DINAS');
    const acknowledged = after(raised?.createdAt, (d) => d.fromRole === 'KEPALA_DINAS');
    const signatories = await resolveSignatories(this.db, r.officeId, [
      { role: 'KASUBBAG', by: handover ? { userId: handover.fromUserId, at: handover.createdAt } : { userId: made.createdById, at: null } },
      { role: 'SEKRETARIS', by: raised ? { userId: raised.fromUserId, at: raised.createdAt } : null },
      { role: 'KEPALA_DINAS', by: acknowledged ? { userId: acknowledged.fromUserId, at: acknowledged.createdAt } : null },
    ], new Date());
    const content = {
      kop: kop.content,
      period: r.period.label,
      letter: this.letterLine(full),
      analysis: `Analisis versi ${a.version} (${ANALYSIS_STATUS_LABELS[a.status as keyof typeof ANALYSIS_STATUS_LABELS] ?? a.status}) · skala kategori: ${scaleName}`,
      office: `Capaian Dinas: ${pct(a.office.average)} — ${a.office.category?.label ?? 'belum dapat dinilai'} (${a.office.indicatorCount} indikator, ${a.office.missingCount} tanpa capaian, ${a.office.flaggedCount} ditandai).`,
      cap: `Capaian tiap indikator ${capLabel({ cap: a.cap })} sebelum dirata-rata; rata-rata tanpa batas: ${pct(a.office.averageUncapped)}.`,
      completeness: a.completeness
        ? `Kelengkapan: ${a.completeness.accepted} dari ${a.completeness.bidangTotal} Bidang diterima (${pct(a.completeness.percentAccepted)}); tepat waktu ${a.completeness.onTime}, terlambat ${a.completeness.late}.`
        : null,
      perBidang: a.perBidang.map((b) => ({ label: b.label, value: b.average, color: categoryColor(b.category?.code) })),
      perSasaran: a.perSasaran.map((s) => ({ label: s.label, value: s.average, color: categoryColor(s.category?.code) })),
      bidang: a.bidang.map((b) => [b.bidangName, pct(b.capaian?.average), b.capaian?.category?.label ?? '–', String(b.capaian?.indicatorCount ?? 0), submissionLabel(b.submissionStatus), b.late ? 'Ya' : 'Tidak']),
      indicatorHeaders: ['Kode', 'Indikator', 'Target', 'Realisasi', 'Capaian', 'Kategori', a.previousPeriod ?? 'Periode lalu', a.samePeriodLastYear ?? 'Tahun lalu'],
      indicators: a.indicators.map((i) => [
        i.indicatorCode, `${i.indicatorName}${i.flagged ? ' (!)' : ''}`, targetLabel(i), num(i.realisasi),
        pct(i.capaian), i.category?.label ?? '–', pct(i.previous?.capaian), pct(i.lastYear?.capaian),
      ]),
      flagged: a.indicators.filter((i) => i.flagged).map((i) => `${i.indicatorCode}: ${i.flagReasons.join(' ')}`),
      narratives: a.bidang.map((b) => ({ bidang: b.bidangName, achievements: b.achievements ?? '–', obstacles: b.obstacles ?? '–', solutions: b.solutions ?? '–' })),
      narrative: a.narrative ?? null,
      signatories,
    };
    const filename = `rekap-capaian-${dateOnly(full.letterDate)}-v${a.version}.pdf`;
    return this.issuePdf(actor, { officeId: r.officeId, requestId: r.id, kind: 'REPORT', filename }, baseUrl, content, async (v, issuedAt) => {
      const pdf = new PdfWriter('Rekap Capaian Kinerja', v, { issuedAt });
      pdf.kop(this.kopPrint(kop));
      pdf.title('REKAP CAPAIAN KINERJA', [`Periode: ${content.period}`, content.letter, content.analysis]);
      pdf.paragraph(content.office, { bold: true });
      pdf.paragraph(content.cap);
      if (content.completeness) pdf.paragraph(content.completeness);
      pdf.barChart('Grafik capaian per Bidang', content.perBidang);
      pdf.barChart('Grafik capaian per Sasaran', content.perSasaran);
      pdf.heading('Capaian per Bidang');
      pdf.table(['Bidang', 'Capaian', 'Kategori', 'Indikator', 'Kiriman', 'Terlambat'], content.bidang, [0.3, 0.12, 0.15, 0.11, 0.2, 0.12], {
        align: ['left', 'right', 'left', 'right', 'left', 'left'],
      });
      pdf.heading('Capaian per indikator');
      pdf.table(content.indicatorHeaders, content.indicators, [0.14, 0.24, 0.09, 0.1, 0.1, 0.11, 0.11, 0.11], {
        align: ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'right'],
      });
      if (content.flagged.length) {
        pdf.heading('Catatan penyimpangan (!)');
        for (const line of content.flagged) pdf.paragraph(line);
      }
      pdf.heading('Analisis dan evaluasi per Bidang');
      for (const b of content.narratives) {
        pdf.paragraph(b.bidang, { bold: true });
        pdf.paragraph(`Capaian: ${b.achievements}`);
        pdf.paragraph(`Kendala: ${b.obstacles}`);
        pdf.paragraph(`Solusi: ${b.solutions}`);
      }
      if (content.narrative) {
        pdf.heading('Narasi');
        pdf.paragraph(content.narrative);
      }
      const [kasubbag, sekretaris, kepala] = content.signatories;
      pdf.signatureBlocks([
        { mark: `${RECORD_MARK_LABELS.PARAF.id} (penyusun rekap)`, place: content.kop.city, signatory: kasubbag! },
        { mark: RECORD_MARK_LABELS.PARAF.id, place: content.kop.city, signatory: sekretaris! },
        { mark: RECORD_MARK_LABELS.SIGNATURE.id, place: content.kop.city, signatory: kepala! },
      ]);
      return pdf.finish();
    });
  }

  /** Lembar disposisi: the letter, every disposition row, and the signature / paraf blocks. */
  async dispositionPdf(actor: Actor, requestId: string, baseUrl: string): Promise<IssuedFile> {
    const r = await this.request(actor, requestId);
    assertMayRead(actor, { kind: 'DISPOSITION', bidangId: null });
    const rows = await this.requests.dispositions(r.id);
    const kop = await this.letterheads.forPrint(r.officeId);
    // The SOP's records: the Kepala Dinas signs, the Sekretaris and the Kasubbag initial; each
    // block names the one who gave that role's last disposition, else who holds the post now.
    const blockRoles = ['KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG'] satisfies Role[];
    const lastOf = (role: Role) => rows.filter((d) => d.fromRole === role).at(-1);
    const now = new Date();
    const [from, blocks, recipients] = await Promise.all([
      resolveSignatories(this.db, r.officeId, rows.map((d) => ({ role: d.fromRole, by: { userId: d.fromUserId, at: d.createdAt } })), now),
      resolveSignatories(this.db, r.officeId, blockRoles.map((role) => {
        const last = lastOf(role);
        return { role, by: last ? { userId: last.fromUserId, at: last.createdAt } : null };
      }), now),
      this.db.user.findMany({ where: { id: { in: rows.flatMap((d) => (d.toUserId ? [d.toUserId] : [])) } }, select: { id: true, name: true } }),
    ]);
    const toName = new Map(recipients.map((u) => [u.id, u.name]));
    const content = {
      kop: kop.content,
      received: dateTimeId(r.createdAt),
      period: this.periodOf(r),
      letter: [r.sender, r.letterNumber, dateId(r.letterDate), r.subject],
      rows: rows.map((d, i) => [
        String(d.step), dateTimeId(d.createdAt), `${from[i]!.jabatan}\n${from[i]!.name ?? ''}`,
        [ROLE_LABELS[d.toRole].id, d.toUserId ? toName.get(d.toUserId) : null].filter(Boolean).join('\n'), d.instruction, RECORD_MARK_LABELS[d.mark].id,
      ]),
      blocks: blockRoles.map((role, i) => ({ mark: RECORD_MARK_LABELS[RECORD_KIND[role]].id, signatory: blocks[i]! })),
      // The Kepala's direction with his signature, and a cancellation with its reason (issue 11).
      arahan: r.status === 'DONE' && r.arahan ? r.arahan : null,
      cancelled: r.status === 'CANCELLED' ? { at: r.cancelledAt ? dateTimeId(r.cancelledAt) : '', reason: r.cancelReason ?? '' } : null,
    };
    const filename = `lembar-disposisi-${dateOnly(r.letterDate)}-${r.id.slice(0, 8)}.pdf`;
    return this.issuePdf(actor, { officeId: r.officeId, requestId: r.id, kind: 'DISPOSITION', filename }, baseUrl, content, async (v, issuedAt) => {
      const pdf = new PdfWriter('Lembar Disposisi', v, { issuedAt });
      pdf.kop(this.kopPrint(kop));
      pdf.title('LEMBAR DISPOSISI', [`Diterima: ${content.received} · Periode data: ${content.period}`]);
      pdf.table(['Surat dari', 'Nomor surat', 'Tanggal surat', 'Perihal'], [content.letter], [0.25, 0.25, 0.15, 0.35]);
      pdf.heading('Disposisi');
      pdf.table(['Langkah', 'Tanggal', 'Dari', 'Kepada', 'Isi disposisi', 'Tanda'], content.rows, [0.08, 0.16, 0.22, 0.16, 0.26, 0.12]);
      if (content.arahan) {
        pdf.heading('Arahan Kepala Dinas');
        pdf.paragraph(content.arahan);
      }
      if (content.cancelled) {
        pdf.heading('Permintaan dibatalkan');
        pdf.paragraph(`Dibatalkan oleh Sekretaris Dinas pada ${content.cancelled.at}. Alasan: ${content.cancelled.reason}`, { bold: true });
      }
      pdf.signatureBlocks(content.blocks.map((b) => ({ mark: b.mark, place: content.kop.city, signatory: b.signatory })));
      return pdf.finish();
    });
  }

  /** The name of a versioned category scale, as people know it ("Skala lima kategori LKjIP …"). */
  private async scaleName(code: string, version: number): Promise<string> {
    const s = await this.db.categoryScale.findUnique({ where: { code_version: { code, version } }, select: { name: true } });
    return s?.name ?? `skala kategori versi ${version}`;
  }

  /** Public check of a printed or forwarded copy: by its code and, when given, its sha256. */
  async verify(code: string, sha256?: string | null) {
    const normalized = normalizeCode(code);
    const d = normalized.length === 12
      ? await this.db.storedDocument.findUnique({ where: { verificationCode: normalized }, include: { office: true, request: true } })
      : null;
    const given = sha256?.trim().toLowerCase() || null;
    if (given && !/^[0-9a-f]{64}$/.test(given)) {
      fail('VALIDATION_FAILED', { id: 'SHA-256 harus 64 karakter heksadesimal.', en: 'A SHA-256 is 64 hexadecimal characters.' }, {
        fields: [fieldProblem('sha256', { id: 'Harus 64 karakter heksadesimal', en: 'Must be 64 hexadecimal characters' })],
      });
    }
    if (!d) return { code: formatCode(normalized || '-'), found: false, matches: given ? false : null, kind: null, kindLabel: null, filename: null, officeName: null, period: null, issuedAt: null, sha256: null, size: null };
    return {
      code: formatCode(normalized),
      found: true,
      matches: given ? given === d.sha256 : null,
      kind: d.kind,
      kindLabel: DOCUMENT_KIND_LABELS[d.kind].id,
      filename: d.filename,
      officeName: d.office.name,
      period: d.request ? this.periodOf(d.request) : null,
      issuedAt: d.createdAt,
      sha256: d.sha256,
      size: d.size,
    };
  }
}
