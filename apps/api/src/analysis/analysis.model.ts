import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AnalysisStatus } from '../common/enums';
import { CapaianCategory, SubmissionValue } from '../submission/submission.model';

@ObjectType({ description: 'Capaian satu indikator dalam analisis' })
export class IndicatorCapaian extends SubmissionValue {
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
}

@ObjectType({ description: 'Rata-rata capaian sebuah kelompok (Bidang, Sasaran, atau Dinas)' })
export class CapaianSummary {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Number, { nullable: true, description: 'Rata-rata capaian (%) dari indikator yang bernilai' }) average!: number | null;
  @Field(() => CapaianCategory, { nullable: true }) category!: CapaianCategory | null;
  @Field(() => Int) indicatorCount!: number;
  @Field(() => Int, { description: 'Indikator tanpa capaian (realisasi/target kosong)' }) missingCount!: number;
}

@ObjectType({ description: 'Analisis dan rekap capaian kinerja (langkah 6). Versi yang sudah dikirim dibekukan.' })
export class PerformanceAnalysis {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => Int) version!: number;
  @Field(() => AnalysisStatus) status!: AnalysisStatus;
  @Field(() => String) scaleCode!: string;
  @Field(() => Int) scaleVersion!: number;
  @Field(() => CapaianSummary) office!: CapaianSummary;
  @Field(() => [CapaianSummary]) perBidang!: CapaianSummary[];
  @Field(() => [CapaianSummary]) perSasaran!: CapaianSummary[];
  @Field(() => [IndicatorCapaian]) indicators!: IndicatorCapaian[];
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
}
