import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { pemdaRoles } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { CreatePemdaOfficeInput, SetPemdaRolesInput } from './pemda.input';
import { Pemda, PemdaOffice, PemdaRoleHolder } from './pemda.model';

@Resolver(() => Pemda)
export class PemdaResolver {
  @Authorized(...pemdaRoles('READ'))
  @Query(() => Pemda, { description: 'Pemda saya: perangkat daerahnya dan pemegang peran Pemda (hanya pengguna Pemda)' })
  myPemda(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemda.mine(actor);
  }

  @Authorized(...pemdaRoles('MANAGE_OFFICES'))
  @Mutation(() => PemdaOffice, { description: 'Administrator Pemda membuat perangkat daerah baru beserta administrator pertamanya' })
  createPemdaOffice(@Arg('input', () => CreatePemdaOfficeInput) input: CreatePemdaOfficeInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemda.createOffice(actor, input);
  }

  @Authorized(...pemdaRoles('MANAGE_OFFICES'))
  @Mutation(() => PemdaRoleHolder, { description: 'Administrator Pemda mengatur peran Pemda seorang pengguna perangkat daerah dalam pemda ini' })
  setPemdaRoles(@Arg('input', () => SetPemdaRolesInput) input: SetPemdaRolesInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemda.setRoles(actor, input);
  }
}
