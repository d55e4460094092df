import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../common/enums';
import { UUID } from '../common/scalars';
import { bi } from '../common/validation';

/**
 * Edit a user. A field left out is unchanged; `nip`, `jabatan` and `bidangId` sent as null (or an
 * empty text) are cleared.
 */
@InputType({ description: 'Ubah data pengguna; isian yang tidak dikirim tidak berubah, null mengosongkan NIP/jabatan/Bidang' })
export class UpdateUserInput {
  @Field(() => UUID) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200, bi('Nama wajib diisi (2–200 karakter)', 'The name is required (2–200 characters)')) name?: string | null;
  @Field(() => String, { nullable: true, description: 'NIP 18 digit (spasi boleh); null = dikosongkan' }) @IsOptional() @MaxLength(40, bi('NIP terlalu panjang (maksimal 40 karakter dengan spasi)', 'The NIP is too long (at most 40 characters with spaces)')) nip?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, bi('Jabatan maksimal 200 karakter', 'The position may have at most 200 characters')) jabatan?: string | null;
  @Field(() => [Role], { nullable: true }) @IsOptional() @ArrayNotEmpty(bi('Pilih minimal satu peran', 'Choose at least one role')) @ArrayMaxSize(7, bi('Paling banyak 7 peran', 'At most 7 roles')) roles?: Role[] | null;
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
}
