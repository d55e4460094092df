import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { capabilityRoles } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { RenstraPeriod, Sasaran } from './indicator.model';
import { UpsertRenstraPeriodInput, UpsertSasaranInput } from './indicator.input';

@Resolver()
export class IndicatorResolver {
  @Authorized()
  @Query(() => [RenstraPeriod], { description: 'Periode Renstra Dinas ini dengan Sasaran-nya, terbaru dahulu' })
  renstraPeriods(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.indicators.renstraPeriods(actor);
  }

  @Authorized(...capabilityRoles('office.INDICATORS'))
  @Mutation(() => RenstraPeriod, { description: 'Buat atau ubah periode Renstra (Kasubbag, Penyusun, administrator)' })
  upsertRenstraPeriod(@Arg('input', () => UpsertRenstraPeriodInput) input: UpsertRenstraPeriodInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.indicators.upsertRenstraPeriod(actor, input);
  }

  @Authorized(...capabilityRoles('office.INDICATORS'))
  @Mutation(() => Sasaran, { description: 'Buat atau ubah Sasaran (Kasubbag, Penyusun, administrator)' })
  upsertSasaran(@Arg('input', () => UpsertSasaranInput) input: UpsertSasaranInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.indicators.upsertSasaran(actor, input);
  }
}
