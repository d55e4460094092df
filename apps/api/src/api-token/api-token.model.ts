import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiScope } from '../common/enums';

@ObjectType({ simpleResolvers: true, description: 'Token layanan (akun mesin) Dinas ini; rahasianya tidak pernah ditampilkan lagi' })
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Awal token (mis. spdk_AbCd1234) untuk membedakan token' }) prefix!: string;
  @Field(() => [ApiScope]) scopes!: ApiScope[];
  @Field(() => ID) createdById!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Boolean, { description: 'Belum kedaluwarsa dan belum dicabut' }) active!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class CreatedApiToken {
  @Field(() => ApiToken) apiToken!: ApiToken;
  @Field(() => String, { description: 'Token lengkap, hanya ditampilkan sekali ini; simpan di sistem pemakai' }) token!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'Nama sistem pemakai, mis. "Dashboard Bappeda"' })
  @Length(3, 100, { message: 'Nama token wajib diisi (3–100 karakter)' })
  name!: string;

  @Field(() => [ApiScope])
  @ArrayMinSize(1, { message: 'Pilih minimal satu cakupan' })
  @ArrayMaxSize(10)
  scopes!: ApiScope[];

  @Field(() => Date, { description: 'Wajib; paling lama API_TOKEN_MAX_DAYS (bawaan 365) hari dari sekarang' })
  expiresAt!: Date;
}
