import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ROLLUP_MEASURES, type RollupMeasure } from '@sipedaki/sop';
import { PerformanceAnalysis } from '../analysis/analysis.model';

/** The league table's measures as a GraphQL enum, from packages/sop's list (one source). */
export const RollupMeasureEnum = Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, m])) as { [K in RollupMeasure]: K };
registerEnumType(RollupMeasureEnum, {
  name: 'RollupMeasure',
  description: 'Ukuran tabel peringkat: CAPAIAN (analisis final), TIMELINESS (ketepatan waktu langkah SOP), COMPLETENESS (kelengkapan kiriman Bidang)',
});

@ObjectType({ simpleResolvers: true, description: 'Kategori capaian sebagaimana disimpan analisis final (skala dan versinya)' })
export class RollupCategory {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Satu Dinas dalam tabel peringkat kabupaten untuk satu periode' })
export class RollupOffice {
  @Field(() => ID) officeId!: string;
  @Field(() => String) officeCode!: string;
  @Field(() => String) officeName!: string;
  @Field(() => Int, { description: 'Permintaan data periode ini (yang dibatalkan tidak dihitung)' }) requests!: number;
  @Field(() => Int, { description: 'Permintaan yang sudah ditandatangani Kepala Dinas (DONE)' }) requestsDone!: number;
  @Field(() => Number, { nullable: true, description: 'Capaian Dinas (%) dari analisis final terakhir periode ini, dengan skala dan cap yang dipakai analisis itu; null = belum ada analisis final' }) capaian!: number | null;
  @Field(() => RollupCategory, { nullable: true }) category!: RollupCategory | null;
  @Field(() => String, { nullable: true }) scaleCode!: string | null;
  @Field(() => Int, { nullable: true }) scaleVersion!: number | null;
  @Field(() => Number, { nullable: true, description: 'Batas (cap) capaian per indikator pada skala analisis itu; null = tanpa batas' }) cap!: number | null;
  @Field(() => ID, { nullable: true, description: 'Analisis final yang dihitung (untuk rincian: kabupatenAnalysis)' }) analysisId!: string | null;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field(() => Int, { description: 'Langkah SOP selesai dalam batas waktunya' }) stepsOnTime!: number;
  @Field(() => Int, { description: 'Langkah selesai melewati batas waktu, atau masih terbuka dan sudah lewat batas' }) stepsLate!: number;
  @Field(() => Int, { description: 'Langkah masih terbuka dan belum jatuh tempo' }) stepsOpen!: number;
  @Field(() => Number, { nullable: true, description: 'Tepat waktu / (tepat waktu + terlambat) × 100; null = belum ada langkah yang dapat dinilai' }) timeliness!: number | null;
  @Field(() => Int) bidangAsked!: number;
  @Field(() => Int, { description: 'Bidang yang sudah menyerahkan (yang dibebaskan/WAIVED tidak dihitung)' }) bidangHandedIn!: number;
  @Field(() => Int) bidangWaived!: number;
  @Field(() => Number, { nullable: true, description: 'Diserahkan / diminta × 100; null = tidak ada yang diminta' }) completeness!: number | null;
  @Field(() => Int, { nullable: true, description: 'Peringkat capaian (nilai sama = peringkat sama); null = tanpa nilai' }) rankCapaian!: number | null;
  @Field(() => Int, { nullable: true }) rankTimeliness!: number | null;
  @Field(() => Int, { nullable: true }) rankCompleteness!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Angka kabupaten untuk satu periode' })
export class RollupPoint {
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: '1–4; null = setahun' }) triwulan!: number | null;
  @Field(() => String, { description: 'Mis. "Triwulan II 2026" atau "Tahun 2026"' }) label!: string;
  @Field(() => Number, { nullable: true, description: 'Rata-rata capaian Dinas yang punya analisis final (tiap Dinas berbobot satu)' }) averageCapaian!: number | null;
  @Field(() => Int) officesWithCapaian!: number;
  @Field(() => Int, { description: 'Dinas yang menerima permintaan pada periode ini' }) officesAsked!: number;
  @Field(() => Number, { nullable: true }) timeliness!: number | null;
  @Field(() => Number, { nullable: true }) completeness!: number | null;
  @Field(() => Int) stepsOnTime!: number;
  @Field(() => Int) stepsLate!: number;
  @Field(() => Int) bidangAsked!: number;
  @Field(() => Int) bidangHandedIn!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Dasbor kabupaten: tabel peringkat Dinas satu periode dan tren lima tahun (hanya analisis final)' })
export class KabupatenRollup {
  @Field(() => ID) pemdaId!: string;
  @Field(() => String) pemdaName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) triwulan!: number | null;
  @Field(() => String) periodLabel!: string;
  @Field(() => RollupMeasureEnum) sortBy!: RollupMeasure;
  @Field(() => Date) computedAt!: Date;
  @Field(() => [RollupOffice], { description: 'Semua Dinas pemda, urut menurut sortBy; tanpa nilai di akhir' }) offices!: RollupOffice[];
  @Field(() => RollupPoint, { description: 'Angka kabupaten periode ini' }) summary!: RollupPoint;
  @Field(() => [RollupPoint], { description: 'Triwulan I–IV dan setahun, lima tahun sampai tahun yang dipilih' }) trend!: RollupPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'Rincian: analisis final satu Dinas (hanya baca)' })
export class KabupatenAnalysis {
  @Field(() => ID) officeId!: string;
  @Field(() => String) officeName!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) sender!: string;
  @Field(() => String) periodLabel!: string;
  @Field(() => PerformanceAnalysis) analysis!: PerformanceAnalysis;
}
