import type { Readable } from 'node:stream';
import { isDocumentKind, OFFICE_WIDE_ROLES, type DocumentKind } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertBidangWriter, assertSameOffice, canReadBidang } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import type { Db, Tx } from '../db/prisma';
import { DocumentKind as Kinds } from '../generated/prisma/enums';
import { documentView } from '../submission/submission.service';
import { ALLOWED_EXTENSIONS, DocumentStorage, fileTypeOf, magicMatches } from './storage';

export interface UploadTarget {
  submissionId?: string;
  requestId?: string;
  kind: string;
}

const SUBMISSION_KINDS: DocumentKind[] = ['LHP', 'LHE', 'TL_HP', 'OTHER'];

export class DocumentService {
  constructor(
    private readonly db: Db,
    readonly storage: DocumentStorage,
    private readonly maxBytes: number,
  ) {}

  /**
   * Checks who may attach what, before a byte is stored, and again inside the transaction that
   * records the file (the submission may have been submitted meanwhile).
   * A Bidang attaches LHP/LHE/TL HP to its own editable submission; the secretariat attaches
   * request-level documents (format, report, disposition sheet).
   */
  private async authorize(db: Db | Tx, actor: Actor, t: UploadTarget) {
    if (!isDocumentKind(t.kind)) {
      fail('VALIDATION_FAILED', { id: 'Jenis dokumen tidak dikenal.', en: 'Unknown document kind.' }, {
        fields: [fieldProblem('kind', { id: `Gunakan salah satu: ${Object.values(Kinds).join(', ')}`, en: `Use one of: ${Object.values(Kinds).join(', ')}` })],
      });
    }
    const kind = t.kind;
    if (!!t.submissionId === !!t.requestId) fail('VALIDATION_FAILED', { id: 'Sebutkan tepat satu: submissionId atau requestId.', en: 'Give exactly one of submissionId and requestId.' });
    if (t.submissionId) {
      const s = await db.bidangSubmission.findUnique({ where: { id: t.submissionId }, include: { request: true } }).catch(() => null);
      if (!s) fail('NOT_FOUND');
      assertSameOffice(actor, s!.request.officeId);
      assertBidangWriter(actor, s!.bidangId);
      if (!SUBMISSION_KINDS.includes(kind)) {
        fail('VALIDATION_FAILED', { id: 'Bidang hanya melampirkan LHP, LHE, TL HP atau dokumen lain.', en: 'A Bidang attaches only LHP, LHE, TL HP or other documents.' });
      }
      if (s!.request.status !== 'COLLECTING' || !(s!.status === 'DRAFT' || s!.status === 'RETURNED')) fail('NOT_EDITABLE');
      return { officeId: s!.request.officeId, submissionId: s!.id, requestId: s!.requestId, kind };
    }
    const r = await db.dataRequest.findUnique({ where: { id: t.requestId! } }).catch(() => null);
    if (!r) fail('NOT_FOUND');
    assertSameOffice(actor, r!.officeId);
    if (!actor.roles.some((x) => OFFICE_WIDE_ROLES.includes(x) && x !== 'ADMIN')) fail('FORBIDDEN');
    return { officeId: r!.officeId, submissionId: null, requestId: r!.id, kind };
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
      if (!magicMatches(blob.head, type!.magic)) {
        fail('FILE_TYPE_NOT_ALLOWED', { id: `Isi berkas bukan ${type!.ext.toUpperCase()} yang sah.`, en: `The content is not a valid ${type!.ext.toUpperCase()} file.` });
      }
      const doc = await this.db.$transaction(async (tx) => {
        const where = await this.authorize(tx, actor, target);
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
            kind: where.kind,
            filename: sanitizeFilename(filename),
            mimeType: type!.mime,
            size: blob.size,
            sha256: blob.sha256,
            storageKey: blob.storageKey,
            uploadedById: actor.userId,
          },
        });
        await audit(tx, actor, { action: 'document.uploaded', entityType: 'StoredDocument', entityId: d.id, after: { ...d, declaredMime } });
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

  async forDownload(actor: Actor, id: string) {
    const d = await this.db.storedDocument.findUnique({ where: { id }, include: { submission: true } }).catch(() => null);
    if (!d) fail('NOT_FOUND');
    assertSameOffice(actor, d!.officeId);
    if (d!.submission && !canReadBidang(actor, d!.submission.bidangId)) fail('FORBIDDEN');
    return { doc: d!, stream: this.storage.open(d!.storageKey) };
  }

  /** Removes an attachment from a submission that is still editable (the file stays if shared). */
  async remove(actor: Actor, id: string): Promise<boolean> {
    const d = await this.db.storedDocument.findUnique({ where: { id } }).catch(() => null);
    if (!d) fail('NOT_FOUND');
    assertSameOffice(actor, d!.officeId);
    await this.db.$transaction(async (tx) => {
      await this.authorize(tx, actor, d!.submissionId ? { submissionId: d!.submissionId, kind: d!.kind } : { requestId: d!.requestId!, kind: d!.kind });
      await tx.storedDocument.delete({ where: { id } });
      await audit(tx, actor, { action: 'document.removed', entityType: 'StoredDocument', entityId: id, before: d });
    });
    await this.discardIfUnused(d!.storageKey);
    return true;
  }

  async listForRequest(requestId: string) {
    const docs = await this.db.storedDocument.findMany({ where: { requestId, submissionId: null }, orderBy: { createdAt: 'asc' } });
    return docs.map(documentView);
  }
}

async function lockBlob(tx: Tx, storageKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${storageKey}, 0))`;
}

function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'berkas';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f"<>|:*?]/g, '_').slice(0, 200) || 'berkas';
}
