import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { InboxItem } from './inbox.model';

@Resolver()
export class InboxResolver {
  @Authorized()
  @Query(() => [InboxItem], { description: 'Apa yang menunggu tindakan saya' })
  myInbox(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.inbox.forActor(actor);
  }
}
