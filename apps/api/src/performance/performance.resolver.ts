import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { PerformanceFilter, PerformanceValueConnection } from './performance.model';

@Resolver()
export class PerformanceResolver {
  @Authorized()
  @Query(() => PerformanceValueConnection, { description: 'Nilai indikator yang telah diterima, dengan target, capaian dan kategori; halaman berkursor' })
  performanceData(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('filter', () => PerformanceFilter, { nullable: true }) filter?: PerformanceFilter,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Maksimal 100' }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.performance.list(actor, filter, first, after);
  }
}
