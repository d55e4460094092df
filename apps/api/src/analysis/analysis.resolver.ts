import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { PerformanceAnalysis } from './analysis.model';
import { UUID } from '../common/scalars';

@InputType({ description: 'Narasi Kasubbag untuk satu Bidang' })
class BidangNarrativeInput {
  @Field(() => UUID) bidangId!: string;

  @Field(() => String, { nullable: true, description: 'Capaian / keberhasilan' })
  @IsOptional()
  @MaxLength(10000, { message: 'Capaian maksimal 10.000 karakter' })
  achievements?: string | null;

  @Field(() => String, { nullable: true, description: 'Kendala' })
  @IsOptional()
  @MaxLength(10000, { message: 'Kendala maksimal 10.000 karakter' })
  obstacles?: string | null;

  @Field(() => String, { nullable: true, description: 'Solusi / tindak lanjut' })
  @IsOptional()
  @MaxLength(10000, { message: 'Solusi maksimal 10.000 karakter' })
  solutions?: string | null;
}

@InputType()
class SaveAnalysisInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { nullable: true, description: 'Analisis dan evaluasi Kasubbag: capaian, kendala, solusi' })
  @IsOptional()
  @MaxLength(50000, { message: 'Narasi maksimal 50.000 karakter' })
  narrative?: string | null;

  @Field(() => [BidangNarrativeInput], { nullable: true, description: 'Narasi per Bidang; Bidang yang tidak disebut tetap memakai narasi sebelumnya' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  bidangNarratives?: BidangNarrativeInput[] | null;
}

@Resolver(() => PerformanceAnalysis)
export class AnalysisResolver {
  @Authorized('KASUBBAG')
  @Mutation(() => PerformanceAnalysis, { description: 'Langkah 6: hitung rekap capaian dan simpan analisis (draf)' })
  saveAnalysis(@Arg('input', () => SaveAnalysisInput) input: SaveAnalysisInput, @Ctx() ctx: GqlContext) {
    return ctx.services.analyses.save(ctx.actor!, input.requestId, input.narrative, new Date(), input.bidangNarratives);
  }

  @Authorized('ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN')
  @Query(() => PerformanceAnalysis)
  performanceAnalysis(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.analyses.get(ctx.actor!, id);
  }
}
