import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DateOnly } from '../common/scalars';
import { bi } from '../common/validation';

@ObjectType({ simpleResolvers: true, description: 'Satu kategori skala: capaian ≥ min' })
export class CategoryBandInfo {
  @Field(() => Float) min!: number;
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Skala kategori capaian (berversi), dengan batas (cap) capaian per indikator' })
export class CategoryScaleInfo {
  @Field(() => String) code!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) name!: string;
  @Field(() => DateOnly) validFrom!: string;
  @Field(() => Float, { nullable: true, description: 'Capaian tiap indikator dibatasi nilai ini sebelum dirata-rata; null = tanpa batas' }) cap!: number | null;
  @Field(() => [CategoryBandInfo]) bands!: CategoryBandInfo[];
}

@InputType({ description: 'Versi baru skala yang berlaku dengan batas (cap) capaian per indikator; kategori tetap' })
export class SetScaleCapInput {
  @Field(() => Float, { nullable: true, description: 'null = tanpa batas; lazimnya 100 atau 120' })
  @IsOptional()
  @Min(100, bi('Batas capaian 100–1000 atau kosong', 'The cap is 100–1000 or none'))
  @Max(1000, bi('Batas capaian 100–1000 atau kosong', 'The cap is 100–1000 or none'))
  cap?: number | null;
  @Field(() => DateOnly, { description: 'Berlaku mulai tanggal ini (analisis yang disimpan sejak itu)' }) validFrom!: string;
}
