import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { bi } from '../common/validation';
import { ActingKind, Polarity, Role, TargetMode, ValueKind } from '../common/enums';
import { UUID } from '../common/scalars';
import { IsIndicatorValue } from '../common/validators';

@InputType({ description: 'Pengguna baru' })
export class CreateUserInput {
  @Field(() => String)
  @Matches(/^[a-z0-9._-]{3,40}$/, bi('Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung', 'A username has 3–40 characters: lowercase letters, digits, dot, underscore or hyphen'))
  username!: string;

  @Field(() => String, { nullable: true, description: 'NIP 18 digit (spasi boleh)' })
  @IsOptional()
  nip?: string | null;

  @Field(() => String) @Length(2, 200, bi('Nama wajib diisi (2–200 karakter)', 'The name is required (2–200 characters)')) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, bi('Jabatan maksimal 200 karakter', 'The position may have at most 200 characters')) jabatan?: string | null;

  @Field(() => String)
  @MinLength(10, bi('Kata sandi minimal 10 karakter', 'The password needs at least 10 characters'))
  @MaxLength(200, bi('Kata sandi maksimal 200 karakter', 'The password may have at most 200 characters'))
  password!: string;

  @Field(() => [Role]) @ArrayNotEmpty(bi('Pilih minimal satu peran', 'Choose at least one role')) @ArrayMaxSize(7, bi('Paling banyak 7 peran', 'At most 7 roles')) roles!: Role[];
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
  @Field(() => String, { nullable: true, description: 'Nomor surat perintah' }) @IsOptional() @MaxLength(200, bi('Nomor surat perintah maksimal 200 karakter', 'The decree number may have at most 200 characters')) decreeNo?: string | null;
}

@InputType({ description: 'Bidang baru' })
export class CreateBidangInput {
  @Field(() => String) @Matches(/^[A-Z0-9_-]{2,30}$/, bi('Kode Bidang 2–30 karakter: huruf besar, angka, garis bawah atau tanda hubung', 'A Bidang code has 2–30 characters: capital letters, digits, underscore or hyphen')) code!: string;
  @Field(() => String) @Length(3, 200, bi('Nama Bidang wajib diisi (3–200 karakter)', 'The Bidang name is required (3–200 characters)')) name!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0, bi('Urutan 0–1000', 'The sort order is 0–1000')) @Max(1000, bi('Urutan 0–1000', 'The sort order is 0–1000')) sortOrder?: number | null;
}

@InputType({ description: 'Ubah Bidang (nama, urutan, aktif)' })
export class UpdateBidangInput {
  @Field(() => UUID) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(3, 200, bi('Nama Bidang 3–200 karakter', 'The Bidang name has 3–200 characters')) name?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0, bi('Urutan 0–1000', 'The sort order is 0–1000')) @Max(1000, bi('Urutan 0–1000', 'The sort order is 0–1000')) sortOrder?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType({ description: 'Target satu Triwulan (1–4) atau setahun (0: target Perjanjian Kinerja)' })
export class TargetInput {
  @Field(() => Int) @Min(2000, bi('Tahun 2000–2100', 'The year must be between 2000 and 2100')) @Max(2100, bi('Tahun 2000–2100', 'The year must be between 2000 and 2100')) year!: number;
  @Field(() => Int, { description: '1–4 = Triwulan; 0 = tahunan (Perjanjian Kinerja)' }) @Min(0, bi('Triwulan 0 (tahunan) sampai 4', 'The triwulan must be 0 (the year) to 4')) @Max(4, bi('Triwulan 0 (tahunan) sampai 4', 'The triwulan must be 0 (the year) to 4')) triwulan!: number;
  @Field(() => Number) @IsIndicatorValue('Target') target!: number;
  @Field(() => Number, { nullable: true, description: 'Batas atas, hanya untuk indikator RANGE' }) @IsOptional() @IsIndicatorValue('Batas atas target') targetUpper?: number | null;
}

@InputType({ description: 'Buat atau ubah indikator beserta targetnya (target yang dikirim menimpa target tahun-Triwulan yang sama)' })
export class UpsertIndicatorInput {
  @Field(() => UUID, { nullable: true, description: 'Kosong = indikator baru' }) @IsOptional() id?: string | null;
  @Field(() => String) @Matches(/^[A-Za-z0-9._-]{1,30}$/, bi('Kode indikator 1–30 karakter tanpa spasi', 'An indicator code has 1–30 characters without spaces')) code!: string;
  @Field(() => UUID) bidangId!: string;
  @Field(() => UUID, { nullable: true, description: 'Sasaran (dari periode Renstra); atau beri nama Sasaran di `sasaran`' }) @IsOptional() sasaranId?: string | null;
  @Field(() => String, { nullable: true, description: 'Nama Sasaran: dipakai bila sasaranId kosong; Sasaran dengan nama ini pada periode Renstra terbaru dipakai, atau dibuat' })
  @IsOptional()
  @Length(3, 500, bi('Sasaran wajib diisi (3–500 karakter)', 'The sasaran (strategic goal) is required (3–500 characters)'))
  sasaran?: string | null;
  @Field(() => String) @Length(3, 500, bi('Nama indikator wajib diisi (3–500 karakter)', 'The indicator name is required (3–500 characters)')) name!: string;
  @Field(() => String) @Length(1, 50, bi('Satuan wajib diisi (maks. 50 karakter)', 'The unit (satuan) is required (at most 50 characters)')) satuan!: string;
  @Field(() => Polarity) polarity!: Polarity;
  @Field(() => ValueKind, { nullable: true, description: 'Kosong = diturunkan dari satuan' }) @IsOptional() valueKind?: ValueKind | null;
  @Field(() => Boolean, { nullable: true, description: 'Persentase boleh melebihi 100' }) @IsOptional() allowAbove100?: boolean | null;
  @Field(() => TargetMode, { nullable: true, description: 'Kosong = tetap (baru: CUMULATIVE)' }) @IsOptional() targetMode?: TargetMode | null;
  @Field(() => Number, { nullable: true, description: 'Target akhir periode Renstra' }) @IsOptional() @IsIndicatorValue('Target Renstra') renstraTarget?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => [TargetInput]) @ArrayMaxSize(40, bi('Paling banyak 40 target', 'At most 40 targets')) @ValidateNested({ each: true }) targets!: TargetInput[];
}

