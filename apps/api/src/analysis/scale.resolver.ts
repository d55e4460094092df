import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { CategoryScaleInfo, SetScaleCapInput } from './scale.model';

@Resolver()
export class ScaleResolver {
  @Authorized()
  @Query(() => CategoryScaleInfo, { description: 'Skala kategori capaian yang berlaku hari ini, dengan batasnya (cap)' })
  categoryScale(@Ctx() ctx: GqlContext) {
    return ctx.services.scales.view();
  }

  /** The scale rows are shared by every office of the installation: the administrator's. */
  @Authorized('ADMIN')
  @Mutation(() => CategoryScaleInfo, { description: 'Tambah versi skala dengan batas (cap) capaian per indikator; versi lama tetap untuk analisis lama' })
  setScaleCap(@Arg('input', () => SetScaleCapInput) input: SetScaleCapInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.scales.addCapVersion(actor, input.cap ?? null, input.validFrom);
  }
}
