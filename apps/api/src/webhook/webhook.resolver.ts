import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { RegisteredWebhookEndpoint, RegisterWebhookInput, WebhookEndpoint } from './webhook.model';
import { UUID } from '../common/scalars';

@Resolver()
export class WebhookResolver {
  @Authorized('ADMIN')
  @Query(() => [WebhookEndpoint], { description: 'Penerima webhook Dinas ini dengan percobaan pengiriman terakhir' })
  webhookEndpoints(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.webhooks.list(actor);
  }

  @Authorized('ADMIN')
  @Mutation(() => RegisteredWebhookEndpoint, { description: 'Daftarkan penerima webhook (report.final); kunci HMAC hanya ditampilkan sekali' })
  registerWebhookEndpoint(@Arg('input', () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.webhooks.register(actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookEndpoint, { description: 'Hapus (nonaktifkan) penerima webhook; pengiriman yang tertunda dibatalkan' })
  removeWebhookEndpoint(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.webhooks.remove(actor, id);
  }
}
