import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ActingKind, Polarity, Role } from '../common/enums';
import { UUID } from '../common/scalars';
import { IsIndicatorValue } from '../common/validators';

@InputType({ description: 'Pengguna baru' })
export class CreateUserInput {
  @Field(() => String)
  @Matches(/^[a-z0-9._-]{3,40}$/, { message: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'NIP 18 digit (spasi boleh)' })
  @IsOptional()
  nip?: string | null;

  @Field(() => String) @Length(2, 200, { message: 'Nama wajib diisi (2–200 karakter)' }) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) jabatan?: string | null;

  @Field(() => String)
  @MinLength(10, { message: 'Kata sandi minimal 10 karakter' })
  @MaxLength(200)
  password!: string;

  @Field(() => [Role]) @ArrayNotEmpty({ message: 'Pilih minimal satu peran' }) @ArrayMaxSize(7) roles!: Role[];
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
}

@InputType({ description: 'Penugasan Plt/Plh untuk jangka waktu tertentu' })
export class AssignActingInput {
  @Field(() => UUID) userId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ActingKind) kind!: ActingKind;
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => String, { nullable: true, description: 'Nomor surat perintah' }) @IsOptional() @MaxLength(200) decreeNo?: string | null;
}

@InputType({ description: 'Bidang baru' })
export class CreateBidangInput {
  @Field(() => String) @Matches(/^[A-Z0-9_-]{2,30}$/, { message: 'Kode Bidang 2–30 karakter: huruf besar, angka, garis bawah atau tanda hubung' }) code!: string;
  @Field(() => String) @Length(3, 200, { message: 'Nama Bidang wajib diisi (3–200 karakter)' }) name!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(1000) sortOrder?: number | null;
}

@InputType({ description: 'Ubah Bidang (nama, urutan, aktif)' })
export class UpdateBidangInput {
  @Field(() => UUID) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(3, 200, { message: 'Nama Bidang 3–200 karakter' }) name?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(1000) sortOrder?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType({ description: 'Target satu Triwulan' })
export class TargetInput {
  @Field(() => Int) @Min(2000, { message: 'Tahun 2000–2100' }) @Max(2100, { message: 'Tahun 2000–2100' }) year!: number;
  @Field(() => Int) @Min(1, { message: 'Triwulan 1–4' }) @Max(4, { message: 'Triwulan 1–4' }) triwulan!: number;
  @Field(() => Number) @IsIndicatorValue('Target') target!: number;
  @Field(() => Number, { nullable: true, description: 'Batas atas, hanya untuk indikator RANGE' }) @IsOptional() @IsIndicatorValue('Batas atas target') targetUpper?: number | null;
}

@InputType({ description: 'Buat atau ubah indikator beserta targetnya (target yang dikirim menimpa target tahun-Triwulan yang sama)' })
export class UpsertIndicatorInput {
  @Field(() => UUID, { nullable: true, description: 'Kosong = indikator baru' }) @IsOptional() id?: string | null;
  @Field(() => String) @Matches(/^[A-Za-z0-9._-]{1,30}$/, { message: 'Kode indikator 1–30 karakter tanpa spasi' }) code!: string;
  @Field(() => UUID) bidangId!: string;
  @Field(() => String) @Length(3, 500, { message: 'Sasaran wajib diisi (3–500 karakter)' }) sasaran!: string;
  @Field(() => String) @Length(3, 500, { message: 'Nama indikator wajib diisi (3–500 karakter)' }) name!: string;
  @Field(() => String) @Length(1, 50, { message: 'Satuan wajib diisi (maks. 50 karakter)' }) satuan!: string;
  @Field(() => Polarity) polarity!: Polarity;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => [TargetInput]) @ArrayMaxSize(40) @ValidateNested({ each: true }) targets!: TargetInput[];
}

