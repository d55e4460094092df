import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../common/enums';

@ObjectType({ simpleResolvers: true, description: 'Perangkat daerah dalam pemda, seperti dilihat pengguna Pemda' })
export class PemdaOffice {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) regency!: string;
  @Field(() => Int, { description: 'Pengguna aktif' }) activeUserCount!: number;
  @Field(() => [String], { description: 'Nama pengguna administrator aktif Dinas itu' }) adminUsernames!: string[];
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Pemegang peran Pemda' })
export class PemdaRoleHolder {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) name!: string;
  @Field(() => String) officeName!: string;
  @Field(() => [Role], { description: 'Peran Pemda saja' }) pemdaRoles!: string[];
  @Field(() => Boolean) active!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Pemerintah daerah (kabupaten/kota) di atas perangkat daerahnya' })
export class Pemda {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [PemdaOffice]) offices!: PemdaOffice[];
  @Field(() => [PemdaRoleHolder]) roleHolders!: PemdaRoleHolder[];
}
