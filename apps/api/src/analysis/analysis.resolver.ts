import { MaxLength, IsOptional } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { PerformanceAnalysis } from './analysis.model';

@InputType()
class SaveAnalysisInput {
  @Field(() => ID) requestId!: string;

  @Field(() => String, { nullable: true, description: 'Analisis dan evaluasi Kasubbag: capaian, kendala, solusi' })
  @IsOptional()
  @MaxLength(50000, { message: 'Narasi maksimal 50.000 karakter' })
  narrative?: string | null;
}

@Resolver(() => PerformanceAnalysis)
export class AnalysisResolver {
  @Authorized('KASUBBAG')
  @Mutation(() => PerformanceAnalysis, { description: 'Langkah 6: hitung rekap capaian dan simpan analisis (draf)' })
  saveAnalysis(@Arg('input', () => SaveAnalysisInput) input: SaveAnalysisInput, @Ctx() ctx: GqlContext) {
    return ctx.services.analyses.save(ctx.actor!, input.requestId, input.narrative);
  }

  @Authorized('ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN')
  @Query(() => PerformanceAnalysis)
  performanceAnalysis(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.analyses.get(ctx.actor!, id);
  }
}
