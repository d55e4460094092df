import { Field, ID, ObjectType } from 'type-graphql';
import { ActingKind, Role } from '../common/enums';
import { DateOnly } from '../common/scalars';

@ObjectType({ simpleResolvers: true, description: 'Penugasan Plt/Plh' })
export class ActingAssignment {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ActingKind) kind!: ActingKind;
  @Field(() => ID, { nullable: true }) bidangId!: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => String, { nullable: true }) decreeNo!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Hari libur nasional, cuti bersama, atau libur khusus Dinas' })
export class Holiday {
  @Field(() => DateOnly) date!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => Boolean, { description: 'true = berlaku nasional' }) national!: boolean;
}
