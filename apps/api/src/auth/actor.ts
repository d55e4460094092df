import type { Role } from '@sipedaki/sop';

/** Who is acting: the signed-in user with the roles in force now (own roles + valid Plt/Plh). */
export interface Actor {
  userId: string;
  officeId: string;
  name: string;
  roles: Role[];
  /** Bidang the actor may read and write as an operator or head (own Bidang + acting ones). */
  bidangIds: string[];
  sessionId: string;
}

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));
