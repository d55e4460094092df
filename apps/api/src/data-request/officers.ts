/**
 * The officers who may receive a disposition addressed to a role: every active person of the
 * office holding it now, as own role or by a Plt/Plh assignment in force (the same rule the
 * notifications use to find a role's people).
 */
import type { Role } from '@sipedaki/sop';
import type { Db, Tx } from '../db/prisma';

export interface OfficerRow {
  user: { id: string; name: string; nip: string | null; jabatan: string | null; username: string; roles: Role[]; bidangId: string | null; active: boolean };
  /** How the role is held: null = own role (definitive), PLT or PLH = acting. */
  acting: 'PLT' | 'PLH' | null;
}

export async function roleHolders(db: Db | Tx, officeId: string, role: Role, at: Date): Promise<OfficerRow[]> {
  const users = await db.user.findMany({
    where: {
      officeId,
      active: true,
      OR: [{ roles: { has: role } }, { acting: { some: { role, validFrom: { lte: at }, validUntil: { gt: at } } } }],
    },
    include: { acting: { where: { role, validFrom: { lte: at }, validUntil: { gt: at } }, select: { kind: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return users
    .map(({ acting, ...u }) => ({ user: u as OfficerRow['user'], acting: u.roles.includes(role) ? null : (acting[0]?.kind ?? null) }))
    // Definitive holders first: the default receiver of a disposition.
    .sort((a, b) => Number(a.acting !== null) - Number(b.acting !== null));
}

export async function officerHoldsRole(db: Db | Tx, officeId: string, userId: string, role: Role, at: Date): Promise<boolean> {
  return (await roleHolders(db, officeId, role, at)).some((o) => o.user.id === userId);
}
