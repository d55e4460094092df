import { Field, ID, ObjectType } from 'type-graphql';
import { Polarity, ValueKind } from '../common/enums';

/**
 * The indicator value as the API shows it wherever one appears (a submission's values, accepted
 * performance data, an analysis's indicators): the indicator, the period's target and the value.
 * An object type only so that those types inherit its fields (analysis/indicator-value.ts builds
 * the values); no field returns it, so it is not a type of the schema.
 *
 * simpleResolvers as on every other object type: the types that inherit these fields take them
 * with this class's options, and without it each field got type-graphql's basic resolver — on the
 * board's 500 values, four resolver calls per value, each with its resolve info, path and
 * arguments objects (1.2 MB of garbage per board load; bench/dashboard.mjs, issue 15).
 */
@ObjectType({ simpleResolvers: true })
export class IndicatorValueFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) indicatorCode!: string;
  @Field(() => String) indicatorName!: string;
  @Field(() => String) sasaran!: string;
  @Field(() => String) satuan!: string;
  @Field(() => Polarity) polarity!: Polarity;
  @Field(() => ValueKind, { description: 'Jenis nilai (ditetapkan, atau diturunkan dari satuan)' }) valueKind!: ValueKind;
  @Field(() => Boolean, { description: 'Persentase boleh melebihi 100' }) allowAbove100!: boolean;
  @Field(() => Number, { nullable: true }) target!: number | null;
  @Field(() => Number, { nullable: true }) targetUpper!: number | null;
  @Field(() => Boolean, { description: 'true = target dibekukan saat format dikirim (langkah 3); perubahan target sesudahnya tidak berpengaruh' }) targetFrozen!: boolean;
  @Field(() => Number, { nullable: true }) realisasi!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}
