import type { Role } from '@sipedaki/sop';
import type { Sql } from '../db/sql';
import { RECIPIENTS, type RecipientRow } from './notification.sql';

/**
 * Who an event is for: a named person (a disposition addressed to one officer, one's own account)
 * or every holder of a role — own role or a Plt/Plh assignment in force at that moment —,
 * optionally only within one Bidang.
 */
export type Target = { userId: string } | { role: Role; bidangId?: string | null };

export type Recipient = RecipientRow;

/**
 * The one recipient resolution (the rule is the statement RECIPIENTS): active people of the
 * office matching any target at `at`. Machine clients are API tokens, not users, so they never
 * receive anything.
 */
export async function resolveRecipients(q: Sql, officeId: string, targets: readonly Target[], at: Date, exclude: readonly string[] = []): Promise<Recipient[]> {
  if (!targets.length) return [];
  const rows = targets.map((t) => ('userId' in t ? { userId: t.userId } : { role: t.role, bidangId: t.bidangId ?? null }));
  return q.rows(RECIPIENTS, [officeId, JSON.stringify(rows), at, [...exclude]]);
}
