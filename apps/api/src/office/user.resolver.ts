import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { User } from './office.model';

/**
 * Wherever a person appears (`dispositions.from`, `timeline.completedBy`, `reviews.actor`, …), a
 * machine client gets the name, position and roles, never the NIP: a NIP encodes the birth date
 * and sex of the civil servant, and other offices' systems have no need for it (issue 9).
 */
@Resolver(() => User)
export class UserNipResolver {
  @FieldResolver(() => String, { nullable: true })
  nip(@Root() user: Pick<User, 'nip'>, @Ctx() ctx: GqlContext): string | null {
    return ctx.actor?.kind === 'service' ? null : (user.nip ?? null);
  }
}
