import type { Tx } from '../db/prisma';
import type { DomainEvent } from './notification.service';

/**
 * What a service is handed to tell what happened, inside its own transaction (one line at the
 * place of the change). Optional everywhere: a service built without it (some tests) tells nobody.
 */
export interface EventSink {
  emit(tx: Tx, event: DomainEvent): Promise<void>;
  /** After the commit: wake the job runner now (the embedded database has no NOTIFY across connections). */
  afterCommit(): void;
}
export type { DomainEvent };
