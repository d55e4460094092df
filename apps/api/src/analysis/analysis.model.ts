import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AnalysisStatus, SubmissionStatus } from '../common/enums';
import { CapaianCategory, SubmissionValue } from '../submission/submission.model';

@ObjectType({ simpleResolvers: true, description: 'Perbandingan capaian dengan periode sebelumnya (dari kiriman yang diterima)' })
export class CapaianComparison {
  @Field(() => ID, { description: 'Permintaan data asal nilai pembanding' }) requestId!: string;
  @Field(() => String, { description: 'Mis. "Triwulan II 2026"' }) label!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) triwulan!: number | null;
  @Field(() => Number, { nullable: true }) realisasi!: number | null;
  @Field(() => Number, { nullable: true, description: 'Capaian (%) periode itu, dengan targetnya sendiri' }) capaian!: number | null;
  @Field(() => Number, { nullable: true, description: 'Capaian sekarang − capaian periode itu (poin persen)' }) difference!: number | null;
  @Field(() => String, { nullable: true, description: 'UP, DOWN atau FLAT' }) trend!: string | null;
  @Field(() => Boolean, { description: 'Selisih melebihi ambang ANALYSIS_DEVIATION_PCT' }) flagged!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Capaian satu indikator dalam analisis' })
export class IndicatorCapaian extends SubmissionValue {
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => CapaianComparison, { nullable: true, description: 'Triwulan (atau tahun) sebelumnya; null bila tidak ada data' }) previous!: CapaianComparison | null;
  @Field(() => CapaianComparison, { nullable: true, description: 'Periode yang sama tahun lalu; null bila tidak ada data' }) lastYear!: CapaianComparison | null;
  @Field(() => Number, { nullable: true, description: 'Capaian sebagaimana dihitung dalam rata-rata: paling tinggi batas (cap) skala' }) capaianCapped!: number | null;
  @Field(() => Boolean, { description: 'Capaian di atas 150%: lebih sering salah ketik daripada prestasi' }) farAboveTarget!: boolean;
  @Field(() => Boolean, { description: 'Capaian jauh dari riwayatnya atau jauh di atas target' }) flagged!: boolean;
  @Field(() => [String], { description: 'Alasan penandaan, dalam bahasa Indonesia' }) flagReasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'Rata-rata capaian sebuah kelompok (Bidang, Sasaran, atau Dinas)' })
export class CapaianSummary {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Number, { nullable: true, description: 'Rata-rata capaian (%) dari indikator yang bernilai, tiap capaian dibatasi cap skala (tanpa cap: sama dengan averageUncapped)' }) average!: number | null;
  @Field(() => Number, { nullable: true, description: 'Rata-rata capaian (%) tanpa batas (cap)' }) averageUncapped!: number | null;
  @Field(() => CapaianCategory, { nullable: true }) category!: CapaianCategory | null;
  @Field(() => Int) indicatorCount!: number;
  @Field(() => Int, { description: 'Indikator tanpa capaian (realisasi/target kosong)' }) missingCount!: number;
  @Field(() => Int, { description: 'Indikator yang ditandai karena jauh dari riwayatnya' }) flaggedCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Kelengkapan dan ketepatan waktu kiriman Bidang' })
export class AnalysisCompleteness {
  @Field(() => Int) bidangTotal!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int, { description: 'Bidang yang pertama kali mengirim sebelum batas waktu langkah 4' }) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Number) percentAccepted!: number;
  @Field(() => Number, { description: 'Tepat waktu dari yang sudah mengirim (%)' }) percentOnTime!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Analisis satu Bidang: capaian, kelengkapan, ketepatan waktu, dan narasi Kasubbag' })
export class BidangAnalysis {
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => CapaianSummary, { nullable: true, description: 'Null bila Bidang tidak punya indikator pada permintaan ini' }) capaian!: CapaianSummary | null;
  @Field(() => SubmissionStatus, { nullable: true }) submissionStatus!: SubmissionStatus | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Boolean, { description: 'Pertama kali dikirim setelah batas waktu langkah 4' }) late!: boolean;
  @Field(() => Int) returnCount!: number;
  @Field(() => String, { nullable: true, description: 'Capaian / keberhasilan' }) achievements!: string | null;
  @Field(() => String, { nullable: true, description: 'Kendala' }) obstacles!: string | null;
  @Field(() => String, { nullable: true, description: 'Solusi / tindak lanjut' }) solutions!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Analisis dan rekap capaian kinerja (langkah 6). Versi yang sudah dikirim dibekukan.' })
export class PerformanceAnalysis {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => Int) version!: number;
  @Field(() => AnalysisStatus) status!: AnalysisStatus;
  @Field(() => String) scaleCode!: string;
  @Field(() => Int) scaleVersion!: number;
  @Field(() => Number, { nullable: true, description: 'Batas (cap) capaian per indikator pada skala yang dipakai; null = tanpa batas' }) cap!: number | null;
  @Field(() => CapaianSummary) office!: CapaianSummary;
  @Field(() => [CapaianSummary]) perBidang!: CapaianSummary[];
  @Field(() => [CapaianSummary]) perSasaran!: CapaianSummary[];
  @Field(() => [IndicatorCapaian]) indicators!: IndicatorCapaian[];
  @Field(() => [BidangAnalysis], { description: 'Per Bidang: capaian, kelengkapan, ketepatan waktu, narasi' }) bidang!: BidangAnalysis[];
  @Field(() => AnalysisCompleteness, { nullable: true }) completeness!: AnalysisCompleteness | null;
  @Field(() => Number, { nullable: true, description: 'Ambang penandaan (poin persen) yang dipakai' }) deviationThreshold!: number | null;
  @Field(() => String, { nullable: true }) previousPeriod!: string | null;
  @Field(() => String, { nullable: true }) samePeriodLastYear!: string | null;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
}
