import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../common/enums';
import { UUID } from '../common/scalars';

/**
 * Edit a user. A field left out is unchanged; `nip`, `jabatan` and `bidangId` sent as null (or an
 * empty text) are cleared.
 */
@InputType({ description: 'Ubah data pengguna; isian yang tidak dikirim tidak berubah, null mengosongkan NIP/jabatan/Bidang' })
export class UpdateUserInput {
  @Field(() => UUID) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200, { message: 'Nama wajib diisi (2–200 karakter)' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'NIP 18 digit (spasi boleh); null = dikosongkan' }) @IsOptional() @MaxLength(40) nip?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) jabatan?: string | null;
  @Field(() => [Role], { nullable: true }) @IsOptional() @ArrayNotEmpty({ message: 'Pilih minimal satu peran' }) @ArrayMaxSize(7) roles?: Role[] | null;
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
}
