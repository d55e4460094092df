import { BIDANG_ROLES, mayReadDocument, seesWholeOffice as rolesSeeWholeOffice, type DocumentSubject, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { fail } from './errors';

/** Roles of the secretariat that handle requests and review submissions. */
export const REVIEWER_ROLES: readonly Role[] = ['KASUBBAG', 'PENYUSUN'];

/** Office-wide readers: those roles, and service actors (machine clients read their whole office, read-only). */
export const seesWholeOffice = (actor: Actor) => actor.kind === 'service' || rolesSeeWholeOffice(actor.roles);

export function canReadBidang(actor: Actor, bidangId: string): boolean {
  return seesWholeOffice(actor) || actor.bidangIds.includes(bidangId);
}

/**
 * Whether the actor may see this document (list, download, export): the one rule in packages/sop.
 * A machine client reads its whole office's document metadata (READ_REQUESTS); the file routes
 * refuse it anyway (requireUserActor).
 */
export function canReadDocument(actor: Actor, doc: DocumentSubject): boolean {
  return actor.kind === 'service' || mayReadDocument(actor, doc);
}

/** Object-level read check. Another office's record is reported as not found, not forbidden. */
export function assertSameOffice(actor: Actor, officeId: string | undefined | null): void {
  if (!officeId || officeId !== actor.officeId) fail('NOT_FOUND');
}

export function assertBidangWriter(actor: Actor, bidangId: string): void {
  const isBidangRole = actor.roles.some((r) => BIDANG_ROLES.includes(r));
  if (!isBidangRole || !actor.bidangIds.includes(bidangId)) {
    fail('FORBIDDEN', 'Anda hanya dapat mengisi data Bidang Anda sendiri.');
  }
}
