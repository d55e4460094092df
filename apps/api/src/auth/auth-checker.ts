import type { AuthChecker } from 'type-graphql';
import type { Role } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import { fail } from '../common/errors';

/**
 * The coarse role gate of every resolver (`@Authorized(...roles)`): signed in, and holding one of
 * the roles now (own or Plt/Plh). Object-level checks (this office, this Bidang, this state) are
 * the services' job.
 */
export const authChecker: AuthChecker<GqlContext, Role> = ({ context }, roles) => {
  if (!context.actor) fail('UNAUTHENTICATED');
  if (roles.length === 0) return true;
  if (!context.actor!.roles.some((r) => roles.includes(r))) fail('FORBIDDEN');
  return true;
};

export function requireActor(ctx: GqlContext) {
  if (!ctx.actor) fail('UNAUTHENTICATED');
  return ctx.actor!;
}
