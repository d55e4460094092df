import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { bi } from '../common/validation';
import { Role } from '../common/enums';

@InputType({ description: 'Administrator pertama perangkat daerah baru' })
export class FirstAdminInput {
  @Field(() => String)
  @Matches(/^[a-z0-9._-]{3,40}$/, bi('Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung', 'A username has 3–40 characters: lowercase letters, digits, dot, underscore or hyphen'))
  username!: string;

  @Field(() => String) @Length(2, 200, bi('Nama wajib diisi (2–200 karakter)', 'The name is required (2–200 characters)')) name!: string;

  @Field(() => String, { nullable: true, description: 'NIP 18 digit (spasi boleh)' }) @IsOptional() nip?: string | null;

  @Field(() => String, { description: 'Kata sandi sementara: wajib diganti saat pertama masuk' })
  @MinLength(10, bi('Kata sandi minimal 10 karakter', 'The password needs at least 10 characters'))
  @MaxLength(200, bi('Kata sandi maksimal 200 karakter', 'The password may have at most 200 characters'))
  password!: string;
}

@InputType({ description: 'Perangkat daerah baru dalam pemda ini, dengan administrator pertamanya' })
export class CreatePemdaOfficeInput {
  @Field(() => String)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, bi('Kode 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung', 'A code has 2–40 characters: letters, digits, dot, underscore or hyphen'))
  code!: string;

  @Field(() => String) @Length(3, 200, bi('Nama perangkat daerah wajib diisi (3–200 karakter)', 'The office name is required (3–200 characters)')) name!: string;

  @Field(() => FirstAdminInput) @ValidateNested() admin!: FirstAdminInput;
}

@InputType({ description: 'Peran Pemda seorang pengguna (dari perangkat daerah mana pun dalam pemda ini)' })
export class SetPemdaRolesInput {
  @Field(() => String, { description: 'Nama pengguna' }) @Length(1, 100, bi('Nama pengguna wajib diisi', 'The username is required')) username!: string;

  @Field(() => [Role], { description: 'PEMDA_ADMIN, PEMDA_ANALYST, PEMDA_VIEWER; kosong = cabut semua peran Pemda' })
  @ArrayMaxSize(3, bi('Paling banyak 3 peran', 'At most 3 roles'))
  roles!: Role[];
}
