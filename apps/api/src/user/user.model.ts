import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../common/enums';

/**
 * A user account as the office's administrator manages it. Separate from `User` (which appears on
 * timelines, dispositions and reviews, for everyone who reads them): lock and password state are
 * for the administrator only.
 */
@ObjectType({ simpleResolvers: true, description: 'Akun pengguna (tampilan administrator)' })
export class UserAccount {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String, { nullable: true }) nip!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) jabatan!: string | null;
  @Field(() => [Role], { description: 'Peran tetap (tanpa Plt/Plh)' }) roles!: Role[];
  @Field(() => ID, { nullable: true }) bidangId!: string | null;
  @Field(() => Boolean, { description: 'false = dinonaktifkan: tidak dapat masuk; riwayatnya tetap tercatat' }) active!: boolean;
  @Field(() => Date, { nullable: true, description: 'Terakhir dinonaktifkan' }) deactivatedAt!: Date | null;
  @Field(() => Boolean, { description: 'Harus mengganti kata sandi saat masuk berikutnya' }) mustChangePassword!: boolean;
  @Field(() => Date, { nullable: true, description: 'Terkunci karena salah kata sandi sampai waktu ini (kosong = tidak terkunci)' }) lockedUntil!: Date | null;
  @Field(() => Date, { nullable: true }) passwordChangedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Hasil atur ulang kata sandi: kata sandi sementara ditampilkan sekali ini saja' })
export class PasswordResetPayload {
  @Field(() => String, { description: 'Kata sandi sementara; server tidak menyimpannya dan tidak dapat menampilkannya lagi' }) temporaryPassword!: string;
  @Field(() => UserAccount) user!: UserAccount;
}
