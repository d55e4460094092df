import { BIDANG_ROLES, mayReadDocument, seesWholeOffice as rolesSeeWholeOffice, type DocumentSubject } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { fail } from './errors';

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
    fail('FORBIDDEN', { id: 'Anda hanya dapat mengisi data Bidang Anda sendiri.', en: 'You can only fill in your own Bidang’s data.' });
  }
}
