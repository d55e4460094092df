import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { bi } from '../common/validation';
import { UUID } from '../common/scalars';

@InputType({ description: 'Buat atau ubah periode Renstra (lima tahun: tahun akhir = tahun awal + 4)' })
export class UpsertRenstraPeriodInput {
  @Field(() => UUID, { nullable: true, description: 'Kosong = periode baru' }) @IsOptional() id?: string | null;
  @Field(() => String) @Length(3, 200, bi('Nama periode Renstra 3–200 karakter', 'The Renstra period’s name has 3–200 characters')) name!: string;
  @Field(() => Int) @Min(2000, bi('Tahun awal 2000–2096', 'The start year must be between 2000 and 2096')) @Max(2096, bi('Tahun awal 2000–2096', 'The start year must be between 2000 and 2096')) startYear!: number;
}

@InputType({ description: 'Buat atau ubah Sasaran pada satu periode Renstra' })
export class UpsertSasaranInput {
  @Field(() => UUID, { nullable: true, description: 'Kosong = Sasaran baru' }) @IsOptional() id?: string | null;
  @Field(() => UUID) renstraPeriodId!: string;
  @Field(() => String) @Matches(/^[A-Za-z0-9._-]{1,20}$/, bi('Kode Sasaran 1–20 karakter tanpa spasi', 'A Sasaran code has 1–20 characters without spaces')) code!: string;
  @Field(() => String) @Length(3, 500, bi('Nama Sasaran wajib diisi (3–500 karakter)', 'The Sasaran’s name is required (3–500 characters)')) name!: string;
}
