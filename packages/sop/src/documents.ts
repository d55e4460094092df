/**
 * Who may see which document. One rule for every way a document leaves the server: the list of a
 * request's documents, the download of a stored file, and the exports made on the fly (data set,
 * recap, disposition sheet, format). The API asks it; nothing else decides.
 */
import { BIDANG_ROLES, VERIFIER_ROLES, type Role } from './roles';
import type { DocumentKind } from './steps';

/**
 * What is being shown: a stored document's kind, or the compiled data set (step 5's output, an
 * export that is never stored). `bidangId` is the Bidang the document belongs to: the Bidang of
 * the submission it is attached to, or the Bidang a format was issued for; null for a document
 * of the whole request (recap, disposition sheet, a format meant for every Bidang, a letter).
 */
export type DocumentSubjectKind = DocumentKind | 'DATASET';

export interface DocumentSubject {
  kind: DocumentSubjectKind;
  bidangId: string | null;
  /** Evidence of an audit follow-up (issue 14): the APIP verifier reads it too. */
  followUpActionId?: string | null;
}

/** Everyone who sees a document, besides nobody else of the office. */
export type DocumentAudience =
  /** The office-wide roles and the Bidang it belongs to (its attachments, its own format). */
  | 'OWN_BIDANG'
  /** The office-wide roles and every Bidang: a request's format meant for all of them. */
  | 'EVERY_BIDANG'
  /** The office-wide roles only: the recap (REPORT), the disposition sheet, request-level papers. */
  | 'OFFICE'
  /** The secretariat that compiles it (Sekretaris, Kasubbag, Penyusun): the data set of step 5. */
  | 'SECRETARIAT';

/** The secretariat that handles a request from the letter to the report (steps 1–7). */
export const SECRETARIAT_ROLES: readonly Role[] = ['SEKRETARIS', 'KASUBBAG', 'PENYUSUN'];

/** Roles that see every document of their office except the secretariat's working data set. */
export const OFFICE_READERS: readonly Role[] = ['ADMIN', 'KEPALA_DINAS', ...SECRETARIAT_ROLES];

export function documentAudience(doc: DocumentSubject): DocumentAudience {
  if (doc.kind === 'DATASET') return 'SECRETARIAT';
  if (doc.bidangId) return 'OWN_BIDANG';
  // The format is what step 3 sends to every Bidang: a request-level one is for all of them.
  if (doc.kind === 'FORMAT') return 'EVERY_BIDANG';
  return 'OFFICE';
}

/**
 * Whether someone holding `roles` (own + Plt/Plh) for the Bidang `bidangIds` may see the document.
 * Office-wide roles see every document of their office (the data set only the secretariat); a
 * Bidang operator or head sees its own submission's attachments and its own data request format,
 * never another Bidang's, the recap, the disposition sheet or the data set.
 */
export function mayReadDocument(reader: { roles: readonly string[]; bidangIds: readonly string[] }, doc: DocumentSubject): boolean {
  const has = (list: readonly Role[]) => reader.roles.some((r) => (list as readonly string[]).includes(r));
  const audience = documentAudience(doc);
  if (audience === 'SECRETARIAT') return has(SECRETARIAT_ROLES);
  if (has(OFFICE_READERS)) return true;
  if (doc.followUpActionId && has(VERIFIER_ROLES)) return true;
  if (!has(BIDANG_ROLES)) return false;
  if (audience === 'EVERY_BIDANG') return true;
  if (audience === 'OWN_BIDANG') return reader.bidangIds.includes(doc.bidangId!);
  return false;
}

/** Documents whose every download or export is written to the audit trail: the office-wide ones. */
export const isOfficeWideDocument = (doc: DocumentSubject): boolean => {
  const audience = documentAudience(doc);
  return audience === 'OFFICE' || audience === 'SECRETARIAT';
};
