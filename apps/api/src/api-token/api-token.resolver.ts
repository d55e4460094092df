import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.model';
import { UUID } from '../common/scalars';

@Resolver()
export class ApiTokenResolver {
  @Authorized('ADMIN')
  @Query(() => [ApiToken], { description: 'Token layanan Dinas ini (tanpa rahasia)' })
  apiTokens(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.apiTokens.list(actor);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiToken, { description: 'Buat token layanan baca-saja; token lengkap hanya ditampilkan sekali' })
  createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.apiTokens.create(actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiToken, { description: 'Cabut token layanan; permintaan berikutnya dengan token itu ditolak' })
  revokeApiToken(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.apiTokens.revoke(actor, id);
  }
}
