import type { Readable } from 'node:stream';
import { BIDANG_ROLES, capabilityRoles, isDocumentKind, isOfficeWideDocument, isSubmissionEditable, stepOfStatus, type DocumentKind, type RequestStatus } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertBidangWriter, assertSameOffice, canReadDocument } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import { findOr404 } from '../common/found';
import { isUuid } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import { DocumentKind as Kinds } from '../generated/prisma/enums';
import { documentView, lockSubmission } from '../submission/submission.service';
import { VersionService } from '../submission/version.service';
import { ALLOWED_EXTENSIONS, DocumentStorage, fileTypeOf, magicMatches } from './storage';

export interface UploadTarget {
  submissionId?: string;
  requestId?: string;
  /** Evidence of an audit follow-up action (issue 14): kind TL_HP or OTHER, by the action's Bidang. */
  followUpActionId?: string;
  kind: string;
}

const SUBMISSION_KINDS: DocumentKind[] = ['LHP', 'LHE', 'TL_HP', 'OTHER'];

export class DocumentService {
  private readonly versions: VersionService;

  constructor(
    private readonly db: Db,
    readonly storage: DocumentStorage,
    private readonly maxBytes: number,
  ) {
    this.versions = new VersionService(db);
  }

  /**
   * Checks who may attach what, before a byte is stored, and again inside the transaction that
   * records the file (the submission may have been submitted meanwhile).
   * A Bidang attaches LHP/LHE/TL HP to its own editable submission; the secretariat attaches
   * request-level documents (format, report, disposition sheet).
   * Inside a transaction (`lock`), the submission's row is locked first, the same lock that
   * submitting takes: adding or removing an attachment and submitting happen one after the other,
   * so a submission never ends SUBMITTED without a required document (issue 9, item 9).
   */
  private async authorize(db: Db | Tx, actor: Actor, t: UploadTarget, lock: Tx | null = null) {
    if (!isDocumentKind(t.kind)) {
      fail('VALIDATION_FAILED', { id: 'Jenis dokumen tidak dikenal.', en: 'Unknown document kind.' }, {
        fields: [fieldProblem('kind', { id: `Gunakan salah satu: ${Object.values(Kinds).join(', ')}`, en: `Use one of: ${Object.values(Kinds).join(', ')}` })],
      });
    }
    const kind = t.kind;
    if (t.followUpActionId !== undefined) {
      if (t.submissionId || t.requestId) fail('VALIDATION_FAILED', { id: 'Sebutkan tepat satu: submissionId, requestId atau followUpActionId.', en: 'Give exactly one of submissionId, requestId and followUpActionId.' });
      return { ...(await authorizeEvidence(db, actor, t.followUpActionId, kind, lock)), submissionId: null, requestId: null, request: null };
    }
    if (!!t.submissionId === !!t.requestId) fail('VALIDATION_FAILED', { id: 'Sebutkan tepat satu: submissionId atau requestId.', en: 'Give exactly one of submissionId and requestId.' });
    if (t.submissionId) {
      if (!isUuid(t.submissionId)) fail('NOT_FOUND');
      if (lock) await lockSubmission(lock, t.submissionId);
      const s = await findOr404(db.bidangSubmission.findUnique({ where: { id: t.submissionId }, include: { request: true } }));
      assertSameOffice(actor, s.request.officeId);
      assertBidangWriter(actor, s.bidangId);
      if (!SUBMISSION_KINDS.includes(kind)) {
        fail('VALIDATION_FAILED', { id: 'Bidang hanya melampirkan LHP, LHE, TL HP atau dokumen lain.', en: 'A Bidang attaches only LHP, LHE, TL HP or other documents.' });
      }
      if (s.request.status !== 'COLLECTING' || !isSubmissionEditable(s.status)) fail('NOT_EDITABLE');
      return { officeId: s.request.officeId, submissionId: s.id, requestId: s.requestId, bidangId: s.bidangId, kind };
    }
    const requestId = t.requestId ?? '';
    if (!isUuid(requestId)) fail('NOT_FOUND');
    if (lock) await lock.$queryRaw`SELECT id FROM "DataRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
    const r = await findOr404(db.dataRequest.findUnique({ where: { id: requestId } }));
    assertSameOffice(actor, r.officeId);
    if (!actor.roles.some((x) => capabilityRoles('document.ATTACH_TO_REQUEST').includes(x))) fail('FORBIDDEN');
    return { officeId: r.officeId, submissionId: null, requestId: r.id, bidangId: null, request: r, kind };
  }

  async upload(actor: Actor, target: UploadTarget, filename: string, declaredMime: string, body: Readable) {
    await this.authorize(this.db, actor, target);
    const type = fileTypeOf(filename);
    if (!type) {
      body.resume();
      fail('FILE_TYPE_NOT_ALLOWED', {
        id: `Jenis berkas tidak diizinkan. Yang diizinkan: ${ALLOWED_EXTENSIONS.join(', ')}.`,
        en: `File type not allowed. Allowed: ${ALLOWED_EXTENSIONS.join(', ')}.`,
      });
    }
    const blob = await this.storage.put(body, this.maxBytes);
    try {
      if (blob.size === 0) fail('VALIDATION_FAILED', { id: 'Berkas kosong.', en: 'The file is empty.' });
      if (!magicMatches(blob.head, type.magic)) {
        fail('FILE_TYPE_NOT_ALLOWED', { id: `Isi berkas bukan ${type.ext.toUpperCase()} yang sah.`, en: `The content is not a valid ${type.ext.toUpperCase()} file.` });
      }
      const doc = await this.db.$transaction(async (tx) => {
        const where = await this.authorize(tx, actor, target, tx);
        // Same lock as discardIfUnused: a failed upload of the same bytes cannot delete the
        // shared file between our write and our row; if it already did, ask for a retry.
        await lockBlob(tx, blob.storageKey);
        if (!this.storage.exists(blob.storageKey)) {
          fail('CONFLICT', { id: 'Unggahan berkas yang sama sedang berlangsung. Silakan unggah ulang.', en: 'The same file is being uploaded at this moment. Please upload it again.' });
        }
        const d = await tx.storedDocument.create({
          data: {
            officeId: where.officeId,
            submissionId: where.submissionId,
            requestId: where.requestId,
            bidangId: where.bidangId,
            followUpActionId: 'followUpActionId' in where ? where.followUpActionId : null,
            kind: where.kind,
            filename: sanitizeFilename(filename),
            mimeType: type.mime,
            size: blob.size,
            sha256: blob.sha256,
            storageKey: blob.storageKey,
            uploadedById: actor.userId,
          },
        });
        const superseded = where.submissionId ? await supersedeEarlier(tx, d) : [];
        await audit(tx, actor, { action: 'document.uploaded', entityType: 'StoredDocument', entityId: d.id, after: { ...d, declaredMime, ...(superseded.length ? { supersedes: superseded } : {}) } });
        return d;
      });
      return documentView(doc);
    } catch (err) {
      await this.discardIfUnused(blob.storageKey);
      throw err;
    }
  }

  private async discardIfUnused(storageKey: string) {
    // Content-addressed: the same bytes may belong to another document, or to an upload that is
    // being recorded right now (it holds the same advisory lock).
    await this.db.$transaction(async (tx) => {
      await lockBlob(tx, storageKey);
      if ((await tx.storedDocument.count({ where: { storageKey } })) === 0) await this.storage.discard(storageKey);
    });
  }

  /**
   * A stored file for download, when the one visibility rule (packages/sop documents.ts) lets the
   * actor see it. Downloads of office-wide documents (recap, disposition sheet, request-level
   * papers) are written to the audit trail: who took which record, when.
   */
  async forDownload(actor: Actor, id: string) {
    const d = await findOr404(this.db.storedDocument.findUnique({ where: { id } }));
    assertSameOffice(actor, d.officeId);
    if (!canReadDocument(actor, d)) fail('FORBIDDEN', { id: 'Anda tidak berwenang mengunduh dokumen ini.', en: 'You may not download this document.' });
    if (isOfficeWideDocument(d)) {
      await this.db.$transaction((tx) =>
        audit(tx, actor, {
          action: 'document.downloaded',
          entityType: 'StoredDocument',
          entityId: d.id,
          after: { kind: d.kind, requestId: d.requestId, filename: d.filename, sha256: d.sha256 },
        }),
      );
    }
    return { doc: d, stream: this.storage.open(d.storageKey) };
  }

  /**
   * Removes an attachment while it is still part of work in progress (the file stays if shared):
   * a Bidang's attachment while its submission is editable; a request-level document only while
   * the request is still at the step it was attached in. An issued document (a PDF with a
   * verification code) is a record and is never removed (issue 9, item 4); the database refuses
   * it as well (trigger StoredDocument_issued_permanent).
   */
  async remove(actor: Actor, id: string): Promise<boolean> {
    const d = await findOr404(this.db.storedDocument.findUnique({ where: { id } }));
    assertSameOffice(actor, d.officeId);
    if (!canReadDocument(actor, d)) fail('FORBIDDEN');
    if (d.verificationCode) fail('NOT_EDITABLE', ISSUED_IS_PERMANENT);
    if (d.followUpActionId) fail('NOT_EDITABLE', EVIDENCE_IS_PERMANENT);
    let kept = false;
    await this.db.$transaction(async (tx) => {
      const target: UploadTarget = d.submissionId ? { submissionId: d.submissionId, kind: d.kind } : { requestId: d.requestId ?? undefined, kind: d.kind };
      const where = await this.authorize(tx, actor, target, tx);
      if (where.request) await assertAttachedInCurrentStep(tx, where.request, d.createdAt);
      if (d.submissionId && (d.supersededById || d.withdrawnAt)) fail('NOT_FOUND');
      if (d.submissionId && (await this.versions.isInAVersion(tx, d.submissionId, d.id))) {
        // Handed in before: a record of that version. It leaves the current submission only.
        const w = await tx.storedDocument.updateMany({ where: { id, supersededById: null, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
        if (w.count !== 1) fail('NOT_FOUND');
        await audit(tx, actor, { action: 'document.withdrawn', entityType: 'StoredDocument', entityId: id, before: d, after: { withdrawnAt: new Date() } });
        kept = true;
        return;
      }
      // Deleted by id and still without a code: nothing issued can be removed by a race either.
      const gone = await tx.storedDocument.deleteMany({ where: { id, verificationCode: null } });
      if (gone.count !== 1) fail('NOT_FOUND');
      await audit(tx, actor, { action: 'document.removed', entityType: 'StoredDocument', entityId: id, before: d });
    });
    if (!kept) await this.discardIfUnused(d.storageKey);
    return true;
  }

  /** The request's own documents (format, recap, disposition sheet, papers) that the actor may see. */
  async listForRequest(actor: Actor, requestId: string) {
    const docs = await this.db.storedDocument.findMany({ where: { requestId, submissionId: null }, orderBy: { createdAt: 'asc' } });
    return docs.filter((d) => canReadDocument(actor, d)).map(documentView);
  }
}

const EVIDENCE_IS_PERMANENT = {
  id: 'Bukti tindak lanjut yang sudah dikirim adalah arsip dan tidak dapat dihapus.',
  en: 'Evidence of a follow-up that was sent is a record and cannot be removed.',
};

/**
 * Evidence for a follow-up action: by an operator or head of the finding's Bidang, while the
 * action waits for the APIP (SUBMITTED). Another Bidang's action is NOT_FOUND. The action's row is
 * locked, the same lock the APIP's verification takes.
 */
async function authorizeEvidence(db: Db | Tx, actor: Actor, actionId: string, kind: DocumentKind, lock: Tx | null) {
  if (!isUuid(actionId)) fail('NOT_FOUND');
  if (lock) await lock.$queryRaw`SELECT id FROM "FollowUpAction" WHERE id = ${actionId}::uuid FOR UPDATE`;
  const a = await findOr404(db.followUpAction.findUnique({ where: { id: actionId }, include: { recommendation: { include: { finding: true } } } }));
  const f = a.recommendation.finding;
  assertSameOffice(actor, f.officeId);
  if (!actor.bidangIds.includes(f.bidangId) || !actor.roles.some((r) => BIDANG_ROLES.includes(r))) fail('NOT_FOUND');
  if (kind !== 'TL_HP' && kind !== 'OTHER') {
    fail('VALIDATION_FAILED', { id: 'Bukti tindak lanjut berjenis TL_HP atau OTHER.', en: 'Follow-up evidence is of kind TL_HP or OTHER.' }, { fields: [fieldProblem('kind', { id: 'Gunakan TL_HP atau OTHER', en: 'Use TL_HP or OTHER' })] });
  }
  if (a.state !== 'SUBMITTED') {
    fail('NOT_EDITABLE', { id: 'Tindak lanjut ini sudah diperiksa APIP; kirim tindak lanjut baru untuk bukti tambahan.', en: 'The APIP has reviewed this follow-up; send a new follow-up for further evidence.' });
  }
  return { officeId: f.officeId, bidangId: f.bidangId, followUpActionId: a.id, kind };
}

const ISSUED_IS_PERMANENT = {
  id: 'Dokumen terbit (berkode verifikasi dan QR) adalah arsip resmi dan tidak dapat dihapus.',
  en: 'An issued document (with a verification code and QR) is an official record and cannot be removed.',
};

/**
 * A request-level document belongs to the step it was attached in: once that step is completed
 * (or the request is DONE) it is part of the record and stays.
 */
async function assertAttachedInCurrentStep(tx: Tx, r: { id: string; status: string; currentStep: number }, attachedAt: Date) {
  const current = stepOfStatus(r.status as RequestStatus) === null
    ? null
    : await tx.requestStep.findFirst({ where: { requestId: r.id, step: r.currentStep }, orderBy: { round: 'desc' } });
  if (!current || current.completedAt || attachedAt < current.startedAt) {
    fail('NOT_EDITABLE', {
      id: 'Dokumen ini dilampirkan pada langkah yang sudah selesai; dokumen tersebut kini bagian dari arsip dan tidak dapat dihapus.',
      en: 'This document was attached in a step that is completed; it is now part of the record and cannot be removed.',
    });
  }
}

/**
 * A Bidang's re-upload replaces its earlier file of the same kind (LHP, LHE, TL HP; for other
 * documents, the one with the same file name) instead of adding a second one (issue 11). The
 * earlier file is kept, marked as superseded: a submitted version may hold it. Returns the ids.
 */
async function supersedeEarlier(tx: Tx, d: { id: string; submissionId: string | null; kind: DocumentKind; filename: string }): Promise<string[]> {
  const earlier = await tx.storedDocument.findMany({
    where: {
      submissionId: d.submissionId,
      kind: d.kind,
      ...(d.kind === 'OTHER' ? { filename: d.filename } : {}),
      supersededById: null,
      withdrawnAt: null,
      id: { not: d.id },
    },
    select: { id: true },
  });
  if (earlier.length) await tx.storedDocument.updateMany({ where: { id: { in: earlier.map((e) => e.id) } }, data: { supersededById: d.id } });
  return earlier.map((e) => e.id);
}

async function lockBlob(tx: Tx, storageKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${storageKey}, 0))`;
}

function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'berkas';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f"<>|:*?]/g, '_').slice(0, 200) || 'berkas';
}
