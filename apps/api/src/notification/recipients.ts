import type { Role } from '@sipedaki/sop';
import type { Db, Tx } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';

/**
 * Who an event is for: a named person (a disposition addressed to one officer, one's own account)
 * or every holder of a role — own role or a Plt/Plh assignment in force at that moment —,
 * optionally only within one Bidang.
 */
export type Target = { userId: string } | { role: Role; bidangId?: string | null };

export interface Recipient {
  id: string;
  officeId: string;
  language: string;
  email: string | null;
  phone: string | null;
  phoneVerifiedAt: Date | null;
  notificationChannels: unknown;
}

/**
 * The one recipient resolution: active people of the office matching any target at `at`.
 * Machine clients are API tokens, not users, so they never receive anything.
 */
export async function resolveRecipients(db: Db | Tx, officeId: string, targets: readonly Target[], at: Date, exclude: readonly string[] = []): Promise<Recipient[]> {
  if (!targets.length) return [];
  const or: Prisma.UserWhereInput[] = [];
  for (const t of targets) {
    if ('userId' in t) {
      or.push({ id: t.userId });
      continue;
    }
    const bidang = t.bidangId ? { bidangId: t.bidangId } : {};
    or.push({ roles: { has: t.role }, ...bidang });
    or.push({ acting: { some: { role: t.role, validFrom: { lte: at }, validUntil: { gt: at }, ...(t.bidangId ? { OR: [{ bidangId: t.bidangId }, { bidangId: null }] } : {}) } } });
  }
  return db.user.findMany({
    where: { officeId, active: true, OR: or, ...(exclude.length ? { id: { notIn: [...exclude] } } : {}) },
    select: { id: true, officeId: true, language: true, email: true, phone: true, phoneVerifiedAt: true, notificationChannels: true },
    orderBy: { id: 'asc' },
  });
}
