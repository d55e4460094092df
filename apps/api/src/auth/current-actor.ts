import { createParameterDecorator } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { AppError } from '../common/errors';
import type { Actor } from './actor';

/**
 * The signed-in actor (a person or a service token), or UNAUTHENTICATED — with the words of the
 * bearer token's refusal when one was sent (a machine client's revoked token is told so).
 */
export function actorOf(ctx: Pick<GqlContext, 'actor' | 'authRefusal'>): Actor {
  if (!ctx.actor) throw ctx.authRefusal ?? new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/**
 * A resolver's parameter for the signed-in actor: `@CurrentActor() actor: Actor`. The role gate
 * (`@Authorized`) runs first; on a field without one, an anonymous caller is UNAUTHENTICATED.
 */
export const CurrentActor = () => createParameterDecorator<GqlContext>(({ context }) => actorOf(context));
