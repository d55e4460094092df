import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Sasaran (tujuan strategis) satu periode Renstra' })
export class Sasaran {
  @Field(() => ID) id!: string;
  @Field(() => ID) renstraPeriodId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Periode Renstra (Rencana Strategis) lima tahun' })
export class RenstraPeriod {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) startYear!: number;
  @Field(() => Int, { description: 'Tahun awal + 4' }) endYear!: number;
  @Field(() => [Sasaran]) sasaran!: Sasaran[];
}
