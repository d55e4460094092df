import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ROLLUP_READERS, type RollupMeasure } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { UUID } from '../common/scalars';
import { KabupatenAnalysis, KabupatenRollup, RollupMeasureEnum } from './rollup.model';
import { checkMeasure, checkRollupPeriod, type RollupView } from './rollup.service';

const toModel = (v: RollupView): KabupatenRollup => ({ ...v, summary: { ...v.summary, year: v.year, triwulan: v.triwulan, label: v.periodLabel } });

@Resolver()
export class RollupResolver {
  @Authorized(...ROLLUP_READERS)
  @Query(() => KabupatenRollup, { description: 'Dasbor kabupaten (peran Pemda): peringkat Dinas menurut capaian, ketepatan waktu dan kelengkapan, dan tren' })
  async kabupatenRollup(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('year', () => Int) year: number,
    @Arg('triwulan', () => Int, { nullable: true, description: '1–4; kosong = setahun' }) triwulan?: number | null,
    @Arg('sortBy', () => RollupMeasureEnum, { nullable: true, defaultValue: 'CAPAIAN' }) sortBy?: RollupMeasure | null,
  ) {
    return toModel(await ctx.services.rollup.rollup(actor, checkRollupPeriod(year, triwulan ?? null), checkMeasure(sortBy)));
  }

  @Authorized(...ROLLUP_READERS)
  @Query(() => KabupatenAnalysis, { description: 'Rincian analisis final satu Dinas dari pemda sendiri (hanya baca)' })
  kabupatenAnalysis(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('analysisId', () => UUID) analysisId: string) {
    return ctx.services.rollup.officeAnalysis(actor, analysisId);
  }
}
