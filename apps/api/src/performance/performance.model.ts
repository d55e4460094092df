import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { bi } from '../common/validation';
import { Polarity } from '../common/enums';
import { IndicatorValueFields } from '../analysis/indicator-value.model';
import { PageInfo } from '../data-request/data-request.model';
import { UUID } from '../common/scalars';

@InputType({ description: 'Saring data kinerja; semua isian opsional' })
export class PerformanceFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(2000, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100')) @Max(2100, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100')) year?: number | null;
  @Field(() => Int, { nullable: true, description: '1–4; data setahun tidak ikut bila diisi' }) @IsOptional() @Min(1, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4')) @Max(4, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4')) triwulan?: number | null;
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
  @Field(() => UUID, { nullable: true }) @IsOptional() indicatorId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu nilai indikator yang telah diterima (kiriman Bidang berstatus ACCEPTED)' })
export class PerformanceValue extends IndicatorValueFields {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) triwulan!: number | null;
  @Field(() => String, { description: 'mis. "Triwulan II 2026"' }) period!: string;
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangCode!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => Boolean, { description: 'Indikator khusus permintaan ini (bukan daftar IKU)' }) adHoc!: boolean;
  @Field(() => Float, { nullable: true, description: 'Persen, dengan rumus sesuai arah indikator' }) capaian!: number | null;
  @Field(() => String, { nullable: true, description: 'Kode kategori skala yang berlaku, mis. SANGAT_BAIK' }) categoryCode!: string | null;
  @Field(() => String, { nullable: true }) categoryLabel!: string | null;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class PerformanceValueEdge {
  @Field(() => String) cursor!: string;
  @Field(() => PerformanceValue) node!: PerformanceValue;
}

@ObjectType({ simpleResolvers: true })
export class PerformanceValueConnection {
  @Field(() => [PerformanceValueEdge]) edges!: PerformanceValueEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Jumlah semua nilai yang cocok dengan saringan (dihitung hanya bila diminta)' }) totalCount!: number;
}
