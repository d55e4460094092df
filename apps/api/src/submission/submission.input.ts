import { ArrayMaxSize, IsOptional, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { UUID } from '../common/scalars';
import { bi, TrimmedLength } from '../common/validation';
import { IsIndicatorValue } from '../common/validators';

/** A return needs a reason the Bidang can act on (after trimming; MIN_RETURN_REASON_LENGTH in packages/sop). */
export const RETURN_REASON = { id: 'Alasan pengembalian wajib diisi (5–2000 karakter)', en: 'A reason for returning is required (5–2000 characters)' };
/** The Kepala Bidang's note when he sends the draft back to the operator (same length rule). */
export const HEAD_RETURN_NOTE = { id: 'Catatan pengembalian wajib diisi (5–2000 karakter)', en: 'A note for the operator is required (5–2000 characters)' };
/** An indicator value for an indicator the request did not ask of this Bidang (form or import). */
export const NOT_REQUESTED = { id: 'Indikator tidak diminta dari Bidang ini', en: 'Indicator not requested from this Bidang' };

@InputType({ description: 'Realisasi satu indikator' })
export class SubmissionValueInput {
  @Field(() => UUID) indicatorId!: string;

  @Field(() => Number, { nullable: true, description: 'Kosong = belum ada data (bukan nol)' })
  @IsOptional()
  @IsIndicatorValue('Realisasi')
  realisasi?: number | null;

  @Field(() => String, { nullable: true, description: 'Keterangan, wajib bila realisasi kosong saat dikirim' })
  @IsOptional()
  @MaxLength(2000, bi('Keterangan maksimal 2000 karakter', 'The note may have at most 2000 characters'))
  note?: string | null;
}

@InputType({ description: 'Simpan draf isian Bidang' })
export class SaveSubmissionInput {
  @Field(() => UUID) submissionId!: string;

  @Field(() => Int, { description: 'Versi yang sedang diubah (dari BidangSubmission.version)' })
  @Min(1, bi('Versi adalah bilangan bulat ≥ 1', 'The version is a whole number ≥ 1'))
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Narasi: capaian, kendala, solusi' })
  @IsOptional()
  @MaxLength(20000, bi('Narasi maksimal 20.000 karakter', 'The narrative may have at most 20,000 characters'))
  narrative?: string | null;

  @Field(() => [SubmissionValueInput])
  @ArrayMaxSize(1000, bi('Paling banyak 1000 nilai', 'At most 1000 values'))
  @ValidateNested({ each: true })
  values!: SubmissionValueInput[];
}

@InputType()
export class SubmissionActionInput {
  @Field(() => UUID) submissionId!: string;
  @Field(() => Int) @Min(1, bi('Versi adalah bilangan bulat ≥ 1', 'The version is a whole number ≥ 1')) expectedVersion!: number;
}

@InputType({ description: 'Kembalikan kiriman Bidang untuk diperbaiki' })
export class ReturnSubmissionInput extends SubmissionActionInput {
  @Field(() => String)
  @TrimmedLength(5, 2000, bi(RETURN_REASON.id, RETURN_REASON.en))
  reason!: string;
}

@InputType({ description: 'Kepala Bidang mengembalikan draf kepada operator dengan catatan' })
export class HeadReturnSubmissionInput extends SubmissionActionInput {
  @Field(() => String)
  @TrimmedLength(5, 2000, bi(HEAD_RETURN_NOTE.id, HEAD_RETURN_NOTE.en))
  note!: string;
}
