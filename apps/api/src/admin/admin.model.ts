import { Field, ID, ObjectType } from 'type-graphql';
import { ActingKind, Role } from '../common/enums';

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

