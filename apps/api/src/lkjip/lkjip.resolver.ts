import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { budgetTable, LKJIP_EDITORS, LKJIP_READERS } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { LkjipDraftView } from './lkjip.service';
import { GenerateLkjipDraftInput, SaveLkjipDraftInput } from './lkjip.input';
import { LkjipDraft, LkjipPreview } from './lkjip.model';

/** A source analysis as GraphQL shows it: the stored JSON keeps its time as text. */
const sourceOf = <S extends { submittedAt: string }>(s: S) => ({ ...s, submittedAt: new Date(s.submittedAt) });

/** The GraphQL shape of a version: the frozen tables with the entered narratives beside them. */
export function toLkjipDraft(v: LkjipDraftView): LkjipDraft {
  const c = v.computed;
  const empty = { causes: null, obstacles: null, solutions: null, efficiency: null, programmes: null };
  return {
    id: v.id,
    year: v.year,
    version: v.version,
    latest: v.latest,
    change: v.change,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    generatedAt: v.generatedAt,
    renstraName: c.renstra.name,
    renstraStartYear: c.renstra.startYear,
    renstraEndYear: c.renstra.endYear,
    scale: `${c.scale.code} v${c.scale.version}`,
    sources: c.sources.map(sourceOf),
    yearsWithoutSource: c.yearsWithoutSource,
    sasaran: c.sasaran.map((s) => {
      const { sasaranId: _, ...narrative } = v.narratives.find((n) => n.sasaranId === s.sasaranId) ?? { sasaranId: s.sasaranId, ...empty };
      return { ...s, narrative };
    }),
    budget: budgetTable(v.budgetRows),
    editable: v.editable,
    versions: v.versions,
  };
}

@Resolver()
export class LkjipResolver {
  @Authorized(...LKJIP_READERS)
  @Query(() => LkjipDraft, { nullable: true, description: 'Draf LKjIP Bab III satu tahun: versi terbaru, atau versi yang disebut; kosong bila belum pernah dibuat' })
  async lkjipDraft(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('year', () => Int) year: number,
    @Arg('version', () => Int, { nullable: true }) version?: number | null,
  ) {
    const v = await ctx.services.lkjip.view(actor, year, version ?? null);
    return v ? toLkjipDraft(v) : null;
  }

  @Authorized(...LKJIP_READERS)
  @Query(() => LkjipPreview, { description: 'Pratinjau: analisis beku mana yang akan dipakai draf tahun itu (per tahun periode Renstra) dan mana yang tidak dihitung' })
  async lkjipPreview(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('year', () => Int) year: number) {
    const p = await ctx.services.lkjip.preview(actor, year);
    return { ...p, years: p.years.map((y) => ({ ...y, source: y.source && sourceOf(y.source) })) };
  }

  @Authorized(...LKJIP_EDITORS)
  @Mutation(() => LkjipDraft, { description: 'Susun (ulang) draf dari analisis beku tahun itu: versi baru; narasi dan Bab III B dibawa' })
  async generateLkjipDraft(@Arg('input', () => GenerateLkjipDraftInput) input: GenerateLkjipDraftInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return toLkjipDraft(await ctx.services.lkjip.generate(actor, { year: input.year, expectedVersion: input.expectedVersion }));
  }

  @Authorized(...LKJIP_EDITORS)
  @Mutation(() => LkjipDraft, { description: 'Simpan narasi dan/atau Bab III B sebagai versi baru (angka tabel tidak dapat diubah)' })
  async saveLkjipDraft(@Arg('input', () => SaveLkjipDraftInput) input: SaveLkjipDraftInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return toLkjipDraft(await ctx.services.lkjip.save(actor, {
      year: input.year,
      expectedVersion: input.expectedVersion,
      narratives: input.narratives ?? null,
      budget: input.budget ?? null,
    }));
  }
}
