import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { bi, TrimmedLength } from '../common/validation';
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
  @TrimmedLength(3, 100, bi('Nama token wajib diisi (3–100 karakter)', 'The token name is required (3–100 characters)'))
  name!: string;

  @Field(() => [ApiScope])
  @ArrayMinSize(1, bi('Pilih minimal satu cakupan', 'Choose at least one scope'))
  @ArrayMaxSize(10, bi('Paling banyak 10 cakupan', 'At most 10 scopes'))
  scopes!: ApiScope[];

  @Field(() => Date, { description: 'Wajib; paling lama API_TOKEN_MAX_DAYS (bawaan 365) hari dari sekarang' })
  expiresAt!: Date;
}
