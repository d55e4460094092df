import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { PerformanceFilter, PerformanceValueConnection } from './performance.model';

/** A page as the service answers it: totalCount is counted only when a client selects it. */
interface PerformancePage {
  count: () => Promise<number>;
}

@Resolver(() => PerformanceValueConnection)
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

  @FieldResolver(() => Int)
  totalCount(@Root() page: PerformancePage): Promise<number> {
    return page.count();
  }
}
