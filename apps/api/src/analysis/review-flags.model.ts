import { Field, ID, ObjectType } from 'type-graphql';
import { CapaianComparison } from './analysis.model';

@ObjectType({
  simpleResolvers: true,
  description: 'Tanda penyimpangan satu nilai untuk pemeriksa di langkah 4 (sama dengan yang dihitung analisis langkah 6): lonjakan dibanding Triwulan sebelumnya dan tahun lalu, atau jauh di atas target',
})
export class ReviewFlag {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) indicatorCode!: string;
  @Field(() => String) indicatorName!: string;
  @Field(() => Number, { nullable: true }) capaian!: number | null;
  @Field(() => CapaianComparison, { nullable: true }) previous!: CapaianComparison | null;
  @Field(() => CapaianComparison, { nullable: true }) lastYear!: CapaianComparison | null;
  @Field(() => Boolean) farAboveTarget!: boolean;
  @Field(() => Boolean) flagged!: boolean;
  @Field(() => [String], { description: 'Alasan, dalam bahasa Indonesia' }) reasons!: string[];
}
