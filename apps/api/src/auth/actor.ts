import type { Role } from '@sipedaki/sop';
import type { ApiScope } from '../generated/prisma/enums';

/**
 * Who is acting. A `user` is a signed-in person with the roles in force now (own roles + valid
 * Plt/Plh). A `service` is a machine client holding an ApiToken (`spdk_…`): no roles, read-only,
 * limited to the queries its scopes allow (auth-checker.ts), office-wide reads of its own office.
 */
export interface Actor {
  kind: 'user' | 'service';
  /** The User id; for a service actor the ApiToken id (it never writes, so it is never audited). */
  userId: string;
  officeId: string;
  name: string;
  roles: Role[];
  /** Bidang the actor may read and write as an operator or head (own Bidang + acting ones). */
  bidangIds: string[];
  /** Session id (user) or ApiToken id (service). */
  sessionId: string;
  /** A service actor's scopes; empty for users. */
  scopes: ApiScope[];
  /**
   * The user signed in with a temporary password (an administrator's reset, a new account): until
   * it is changed, only PASSWORD_CHANGE_ALLOWED operations run (auth-checker.ts).
   */
  mustChangePassword?: boolean;
}

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));
