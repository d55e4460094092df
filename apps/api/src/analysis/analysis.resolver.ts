import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { bi } from '../common/validation';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { PerformanceAnalysis } from './analysis.model';
import { UUID } from '../common/scalars';

@InputType({ description: 'Narasi Kasubbag untuk satu Bidang' })
class BidangNarrativeInput {
  @Field(() => UUID) bidangId!: string;

  @Field(() => String, { nullable: true, description: 'Capaian / keberhasilan' })
  @IsOptional()
  @MaxLength(10000, bi('Capaian maksimal 10.000 karakter', 'The achievements text may have at most 10,000 characters'))
  achievements?: string | null;

  @Field(() => String, { nullable: true, description: 'Kendala' })
  @IsOptional()
  @MaxLength(10000, bi('Kendala maksimal 10.000 karakter', 'The obstacles text may have at most 10,000 characters'))
  obstacles?: string | null;

  @Field(() => String, { nullable: true, description: 'Solusi / tindak lanjut' })
  @IsOptional()
  @MaxLength(10000, bi('Solusi maksimal 10.000 karakter', 'The solutions text may have at most 10,000 characters'))
  solutions?: string | null;
}

@InputType()
class SaveAnalysisInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { nullable: true, description: 'Analisis dan evaluasi Kasubbag: capaian, kendala, solusi' })
  @IsOptional()
  @MaxLength(50000, bi('Narasi maksimal 50.000 karakter', 'The narrative may have at most 50,000 characters'))
  narrative?: string | null;

  @Field(() => [BidangNarrativeInput], { nullable: true, description: 'Narasi per Bidang; Bidang yang tidak disebut tetap memakai narasi sebelumnya' })
  @IsOptional()
  @ArrayMaxSize(200, bi('Paling banyak 200 narasi Bidang', 'At most 200 Bidang narratives'))
  @ValidateNested({ each: true })
  bidangNarratives?: BidangNarrativeInput[] | null;
}

@Resolver(() => PerformanceAnalysis)
export class AnalysisResolver {
  @Authorized('KASUBBAG')
  @Mutation(() => PerformanceAnalysis, { description: 'Langkah 6: hitung rekap capaian dan simpan analisis (draf)' })
  saveAnalysis(@Arg('input', () => SaveAnalysisInput) input: SaveAnalysisInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.analyses.save(actor, input.requestId, input.narrative, new Date(), input.bidangNarratives);
  }

  @Authorized('ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN')
  @Query(() => PerformanceAnalysis)
  performanceAnalysis(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.analyses.get(actor, id);
  }
}
