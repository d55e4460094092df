import { ArrayMaxSize, ArrayNotEmpty, IsDateString, IsOptional, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ActingKind, Role } from '../common/enums';

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
  @Field(() => ID, { nullable: true }) @IsOptional() bidangId?: string | null;
}

@InputType({ description: 'Penugasan Plt/Plh untuk jangka waktu tertentu' })
export class AssignActingInput {
  @Field(() => ID) userId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ActingKind) kind!: ActingKind;
  @Field(() => ID, { nullable: true }) @IsOptional() bidangId?: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => String, { nullable: true, description: 'Nomor surat perintah' }) @IsOptional() @MaxLength(200) decreeNo?: string | null;
}

@InputType({ description: 'Hari libur atau cuti bersama khusus Dinas ini' })
export class AddHolidayInput {
  @Field(() => String) @IsDateString({ strict: true }, { message: 'Tanggal harus berformat YYYY-MM-DD' }) date!: string;
  @Field(() => String) @Length(2, 200) name!: string;
}
