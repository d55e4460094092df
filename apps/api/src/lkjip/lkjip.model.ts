import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Polarity } from '../common/enums';
import { LkjipChange } from '../generated/prisma/enums';
import { CapaianCategory } from '../submission/submission.model';

// The database enum doubles as the GraphQL enum (as in common/enums.ts), so the two cannot drift.
registerEnumType(LkjipChange, {
  name: 'LkjipChange',
  description: 'GENERATED: angka dihitung ulang dari analisis beku; EDITED: narasi/Bab III B disimpan; BUDGET_IMPORTED: Bab III B diimpor dari Excel',
});

@ObjectType({ simpleResolvers: true, description: 'Analisis beku (SUBMITTED) yang menjadi sumber angka satu tahun' })
export class LkjipSource {
  @Field(() => Int) year!: number;
  @Field(() => ID) requestId!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => Int, { nullable: true, description: 'Kosong = permintaan tahunan; 4 = Triwulan IV (bila tidak ada yang tahunan)' }) triwulan!: number | null;
  @Field(() => String, { description: 'mis. "Tahun 2026" atau "Triwulan IV 2026"' }) label!: string;
  @Field(() => ID) analysisId!: string;
  @Field(() => Int) analysisVersion!: number;
  @Field(() => Date) submittedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Target, realisasi dan capaian satu indikator pada satu tahun' })
export class LkjipYearValue {
  @Field(() => Int) year!: number;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'Batas atas (indikator rentang)' }) targetUpper!: number | null;
  @Field(() => Float, { nullable: true }) realisasi!: number | null;
  @Field(() => Float, { nullable: true, description: 'Capaian (%), dihitung dengan rumus capaian dari target dan realisasi' }) capaian!: number | null;
  @Field(() => String, { description: 'OK, CLAMPED, TARGET_ZERO, MISSING_REALISASI, MISSING_TARGET, INVALID_RANGE' }) capaianStatus!: string;
  @Field(() => CapaianCategory, { nullable: true }) category!: CapaianCategory | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu baris tabel Bab III A: indikator dengan tahun laporan, tahun lalu, riwayat Renstra' })
export class LkjipIndicatorRow extends LkjipYearValue {
  @Field(() => String, { description: 'Nomor baris, mis. "1.2"' }) no!: string;
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) satuan!: string;
  @Field(() => Polarity) polarity!: string;
  @Field(() => LkjipYearValue, { nullable: true, description: 'Tahun lalu; kosong bila tidak ada analisis beku tahun lalu' }) lastYear!: LkjipYearValue | null;
  @Field(() => Float, { nullable: true, description: 'Capaian tahun ini − tahun lalu (poin persen)' }) differenceFromLastYear!: number | null;
  @Field(() => String, { nullable: true, description: 'UP, DOWN atau FLAT' }) trend!: string | null;
  @Field(() => [LkjipYearValue], { description: 'Setiap tahun periode Renstra sampai tahun laporan, yang tertua dahulu' }) history!: LkjipYearValue[];
  @Field(() => Float, { nullable: true, description: 'Target akhir periode Renstra' }) renstraTarget!: number | null;
  @Field(() => Int) renstraEndYear!: number;
  @Field(() => Float, { nullable: true, description: 'Realisasi s.d. tahun laporan dibanding target akhir Renstra (%)' }) renstraCapaian!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Narasi satu Sasaran yang diisi Kasubbag' })
export class LkjipNarrative {
  @Field(() => String, { nullable: true, description: 'Penyebab keberhasilan/kegagalan' }) causes!: string | null;
  @Field(() => String, { nullable: true, description: 'Kendala' }) obstacles!: string | null;
  @Field(() => String, { nullable: true, description: 'Solusi yang telah dilakukan' }) solutions!: string | null;
  @Field(() => String, { nullable: true, description: 'Efisiensi penggunaan sumber daya' }) efficiency!: string | null;
  @Field(() => String, { nullable: true, description: 'Program/kegiatan yang menunjang' }) programmes!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Teks awal dari narasi analisis Kasubbag per Bidang (langkah 6), untuk disalin ke narasi' })
export class LkjipGatheredNarrative {
  @Field(() => String, { nullable: true }) causes!: string | null;
  @Field(() => String, { nullable: true }) obstacles!: string | null;
  @Field(() => String, { nullable: true }) solutions!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu Sasaran strategis pada Bab III A' })
export class LkjipSasaran {
  @Field(() => Int) no!: number;
  @Field(() => ID) sasaranId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [LkjipIndicatorRow]) indicators!: LkjipIndicatorRow[];
  @Field(() => Float, { nullable: true, description: 'Rata-rata capaian indikator Sasaran tahun ini (dengan cap skala)' }) average!: number | null;
  @Field(() => CapaianCategory, { nullable: true }) category!: CapaianCategory | null;
  @Field(() => LkjipNarrative) narrative!: LkjipNarrative;
  @Field(() => LkjipGatheredNarrative) gathered!: LkjipGatheredNarrative;
}

@ObjectType({ simpleResolvers: true, description: 'Satu program pada Bab III B' })
export class LkjipBudgetRow {
  @Field(() => Int) no!: number;
  @Field(() => String) programme!: string;
  @Field(() => Float, { description: 'Pagu (Rp)' }) pagu!: number;
  @Field(() => Float, { description: 'Realisasi (Rp)' }) realisasi!: number;
  @Field(() => Float, { nullable: true, description: 'Realisasi / pagu × 100; kosong bila pagu 0' }) percent!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Bab III B: realisasi anggaran per program, dengan jumlah' })
export class LkjipBudget {
  @Field(() => [LkjipBudgetRow]) rows!: LkjipBudgetRow[];
  @Field(() => Float) totalPagu!: number;
  @Field(() => Float) totalRealisasi!: number;
  @Field(() => Float, { nullable: true }) totalPercent!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu versi draf' })
export class LkjipVersionInfo {
  @Field(() => Int) version!: number;
  @Field(() => LkjipChange) change!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Draf LKjIP Bab III "Akuntabilitas Kinerja" satu tahun, satu versi' })
export class LkjipDraft {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) version!: number;
  @Field(() => Boolean, { description: 'Versi terbaru (hanya versi terbaru yang dapat diubah)' }) latest!: boolean;
  @Field(() => LkjipChange) change!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
  @Field(() => Date, { description: 'Saat angka dihitung dari analisis beku' }) generatedAt!: Date;
  @Field(() => String) renstraName!: string;
  @Field(() => Int) renstraStartYear!: number;
  @Field(() => Int) renstraEndYear!: number;
  @Field(() => String, { description: 'Skala kategori yang dipakai (dari analisis tahun laporan), mis. "LKJIP_5 v1"' }) scale!: string;
  @Field(() => [LkjipSource], { description: 'Analisis beku sumber angka, per tahun' }) sources!: LkjipSource[];
  @Field(() => [Int], { description: 'Tahun periode Renstra tanpa analisis beku (kolomnya kosong)' }) yearsWithoutSource!: number[];
  @Field(() => [LkjipSasaran]) sasaran!: LkjipSasaran[];
  @Field(() => LkjipBudget) budget!: LkjipBudget;
  @Field(() => Boolean, { description: 'Pemanggil dapat menyimpan versi baru' }) editable!: boolean;
  @Field(() => [LkjipVersionInfo], { description: 'Semua versi tahun ini, yang terbaru dahulu' }) versions!: LkjipVersionInfo[];
}

@ObjectType({ simpleResolvers: true, description: 'Analisis tahunan/Triwulan IV yang TIDAK akan dihitung draf, dengan alasannya' })
export class LkjipNotCounted {
  @Field(() => Int) year!: number;
  @Field(() => ID) requestId!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => Int, { nullable: true }) triwulan!: number | null;
  @Field(() => String) label!: string;
  @Field(() => ID) analysisId!: string;
  @Field(() => Int) analysisVersion!: number;
  @Field(() => String, { description: 'DRAFT atau SUBMITTED' }) status!: string;
  @Field(() => String, { description: 'Alasan tidak dihitung (bahasa Indonesia)' }) reason!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Satu tahun periode Renstra: analisis yang akan dipakai dan yang tidak' })
export class LkjipPreviewYear {
  @Field(() => Int) year!: number;
  @Field(() => LkjipSource, { nullable: true, description: 'Kosong = belum ada analisis beku tahun itu (tahunan atau Triwulan IV)' }) source!: LkjipSource | null;
  @Field(() => [LkjipNotCounted]) notCounted!: LkjipNotCounted[];
}

@ObjectType({ simpleResolvers: true, description: 'Pratinjau sumber draf LKjIP sebelum disusun: tidak menulis apa pun' })
export class LkjipPreview {
  @Field(() => Int) year!: number;
  @Field(() => String) renstraName!: string;
  @Field(() => Boolean, { description: 'Tahun laporan punya analisis beku: penyusunan draf tidak akan ditolak' }) ready!: boolean;
  @Field(() => [LkjipPreviewYear], { description: 'Setiap tahun periode Renstra sampai tahun laporan, yang tertua dahulu' }) years!: LkjipPreviewYear[];
}
