import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { CategoryScaleInfo, SetScaleCapInput } from './scale.model';

@Resolver()
export class ScaleResolver {
  @Authorized()
  @Query(() => CategoryScaleInfo, { description: 'Skala kategori capaian yang berlaku hari ini bagi kantor pemanggil (nasional, atau versi pemdanya), dengan batasnya (cap)' })
  categoryScale(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.scales.view(actor.officeId);
  }

  /**
   * A cap counts for every office of the pemda (their capaian must compare in the kabupaten's
   * league tables), so it is the pemda administrator's, not one office's administrator's.
   */
  @Authorized('PEMDA_ADMIN')
  @Mutation(() => CategoryScaleInfo, { description: 'Tambah versi skala untuk semua kantor pemda Anda, dengan batas (cap) capaian per indikator; versi lama tetap untuk analisis lama' })
  setScaleCap(@Arg('input', () => SetScaleCapInput) input: SetScaleCapInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.scales.addCapVersion(actor, input.cap ?? null, input.validFrom);
  }
}
