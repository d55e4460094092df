/**
 * The office's kop surat: read (with its defaults), set by an administrator (validated, audited,
 * one transaction), and handed to the printed documents with the logo's bytes.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { fail, fieldProblem } from '../common/errors';
import type { Db, Tx } from '../db/prisma';
import type { DocumentStorage } from '../document/storage';
import type { SetLetterheadInput } from './letterhead.input';
import { contactLine, decodeLogo, inspectLogo, letterheadOf, type Letterhead, type OfficeKopColumns } from './letterhead';

/** The kop as it enters a printed document's content: the printed lines and the logo's hash. */
export interface KopContent {
  government: string;
  agency: string;
  address: string | null;
  contact: string | null;
  city: string;
  logoSha256: string | null;
}

const KOP_COLUMNS = ['kopGovernment', 'kopAgency', 'kopAddress', 'kopPhone', 'kopEmail', 'kopWebsite', 'kopCity', 'logoDocumentId'] as const;
const pick = (o: Record<(typeof KOP_COLUMNS)[number], unknown>) => Object.fromEntries(KOP_COLUMNS.map((k) => [k, o[k]]));
/** Optional texts: trimmed, empty = not printed. */
const optional = (s: string | null | undefined) => s?.trim() || null;

export class LetterheadService {
  constructor(
    private readonly db: Db,
    private readonly storage: DocumentStorage,
  ) {}

  /** The resolved kop of an office row (defaults filled in), for the GraphQL `Office.letterhead`. */
  view(office: OfficeKopColumns): Letterhead {
    return letterheadOf(office);
  }

  async logoOf(office: { logoDocumentId: string | null }) {
    if (!office.logoDocumentId) return null;
    return this.db.storedDocument.findUnique({ where: { id: office.logoDocumentId } });
  }

  /** The logo as a data: URL (the administrator's preview; small by construction). */
  async logoDataUrl(logo: { storageKey: string; mimeType: string }): Promise<string | null> {
    const bytes = await this.readBlob(logo.storageKey);
    return bytes ? `data:${logo.mimeType};base64,${bytes.toString('base64')}` : null;
  }

  /** What a printed document needs: the resolved lines and the logo's bytes (null when missing on disk). */
  async forPrint(officeId: string): Promise<{ content: KopContent; logo: Buffer | null }> {
    const office = await this.db.office.findUniqueOrThrow({ where: { id: officeId }, include: { logo: true } });
    const k = letterheadOf(office);
    const logo = office.logo ? await this.readBlob(office.logo.storageKey) : null;
    return {
      content: {
        government: k.government,
        agency: k.agency,
        address: k.address,
        contact: contactLine(k),
        city: k.city,
        logoSha256: logo ? office.logo!.sha256 : null,
      },
      logo,
    };
  }

  private async readBlob(storageKey: string): Promise<Buffer | null> {
    try {
      return await fs.promises.readFile(this.storage.pathOf(storageKey));
    } catch {
      return null;
    }
  }

  /**
   * Sets the kop (every text as given; the logo replaced, removed or kept). A new logo is checked
   * (PNG/JPEG by content, size, pixels, readable data) before a byte is stored, then stored as a
   * document of the office (kind OTHER, no request); the earlier logo stays stored as a record.
   */
  async set(actor: Actor, input: SetLetterheadInput) {
    if (input.logo && input.removeLogo) {
      fail('VALIDATION_FAILED', { id: 'Pilih salah satu: unggah logo baru atau hapus logo.', en: 'Either upload a new logo or remove the logo, not both.' }, {
        fields: [fieldProblem('removeLogo', { id: 'Tidak bersama logo baru', en: 'Not together with a new logo' })],
      });
    }
    const logoBytes = input.logo ? decodeLogo(input.logo.contentBase64) : null;
    const logoInfo = logoBytes ? inspectLogo(logoBytes) : null;
    const blob = logoBytes ? await this.storage.put(Readable.from([logoBytes]), Number.MAX_SAFE_INTEGER) : null;
    try {
      return await this.db.$transaction(async (tx) => {
        const before = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId } });
        let logoDocumentId = input.removeLogo ? null : before.logoDocumentId;
        if (blob && logoInfo) {
          // The same lock as a document upload: a failed upload of the same bytes cannot delete
          // the shared file between our write and our row.
          await lockBlob(tx, blob.storageKey);
          if (!this.storage.exists(blob.storageKey)) {
            fail('CONFLICT', { id: 'Berkas yang sama sedang diunggah. Silakan simpan ulang.', en: 'The same file is being uploaded at this moment. Please save again.' });
          }
          const d = await tx.storedDocument.create({
            data: {
              officeId: actor.officeId,
              kind: 'OTHER',
              filename: `logo-kop.${logoInfo.ext}`,
              mimeType: logoInfo.mimeType,
              size: blob.size,
              sha256: blob.sha256,
              storageKey: blob.storageKey,
              uploadedById: actor.userId,
            },
          });
          await audit(tx, actor, { action: 'document.uploaded', entityType: 'StoredDocument', entityId: d.id, after: { ...d, purpose: 'office.logo', width: logoInfo.width, height: logoInfo.height } });
          logoDocumentId = d.id;
        }
        const office = await tx.office.update({
          where: { id: actor.officeId },
          data: {
            kopGovernment: input.government.trim(),
            kopAgency: input.agency.trim(),
            kopAddress: optional(input.address),
            kopPhone: optional(input.phone),
            kopEmail: optional(input.email),
            kopWebsite: optional(input.website),
            kopCity: input.city.trim(),
            logoDocumentId,
          },
        });
        await audit(tx, actor, { action: 'office.letterhead_set', entityType: 'Office', entityId: office.id, before: pick(before), after: pick(office) });
        return office;
      });
    } catch (err) {
      if (blob) await this.discardIfUnused(blob.storageKey);
      throw err;
    }
  }

  private async discardIfUnused(storageKey: string) {
    await this.db.$transaction(async (tx) => {
      await lockBlob(tx, storageKey);
      if ((await tx.storedDocument.count({ where: { storageKey } })) === 0) await this.storage.discard(storageKey);
    });
  }
}

async function lockBlob(tx: Tx, storageKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${storageKey}, 0))`;
}
