import { ArrayMaxSize, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { UUID } from '../common/scalars';
import { IsIndicatorValue } from '../common/validators';

@InputType({ description: 'Realisasi satu indikator' })
export class SubmissionValueInput {
  @Field(() => UUID) indicatorId!: string;

  @Field(() => Number, { nullable: true, description: 'Kosong = belum ada data (bukan nol)' })
  @IsOptional()
  @IsIndicatorValue('Realisasi')
  realisasi?: number | null;

  @Field(() => String, { nullable: true, description: 'Keterangan, wajib bila realisasi kosong saat dikirim' })
  @IsOptional()
  @MaxLength(2000, { message: 'Keterangan maksimal 2000 karakter' })
  note?: string | null;
}

@InputType({ description: 'Simpan draf isian Bidang' })
export class SaveSubmissionInput {
  @Field(() => UUID) submissionId!: string;

  @Field(() => Int, { description: 'Versi yang sedang diubah (dari BidangSubmission.version)' })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Narasi: capaian, kendala, solusi' })
  @IsOptional()
  @MaxLength(20000, { message: 'Narasi maksimal 20.000 karakter' })
  narrative?: string | null;

  @Field(() => [SubmissionValueInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  values!: SubmissionValueInput[];
}

@InputType()
export class SubmissionActionInput {
  @Field(() => UUID) submissionId!: string;
  @Field(() => Int) @Min(1) expectedVersion!: number;
}

@InputType({ description: 'Kembalikan kiriman Bidang untuk diperbaiki' })
export class ReturnSubmissionInput extends SubmissionActionInput {
  @Field(() => String)
  @Length(5, 2000, { message: 'Alasan pengembalian wajib diisi (5–2000 karakter)' })
  reason!: string;
}
