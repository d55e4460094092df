import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DocumentKind, RequestStatus } from '../common/enums';
import { DateOnly } from '../common/scalars';
import { Period } from '../data-request/data-request.model';

@ObjectType({ simpleResolvers: true, description: 'Perangkat daerah (Dinas/Badan) dalam satu pemda' })
export class PemdaOfficeRef {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Langkah SOP yang terlambat di suatu Dinas (dari lini waktu yang tercatat dan waktu baku SOP)' })
export class PemdaLateStep {
  @Field(() => Int) step!: number;
  @Field(() => String) activity!: string;
  @Field(() => String) activityEn!: string;
  @Field(() => Boolean, { description: 'false = langkah ini masih berjalan dan sudah lewat batas waktunya' }) completed!: boolean;
  @Field(() => Int, { description: 'Keterlambatan dalam menit kerja' }) overdueWorkingMinutes!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Capaian satu indikator dalam analisis final (dibekukan) suatu Dinas' })
export class PemdaIndicatorFigure {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) satuan!: string | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float, { nullable: true }) targetUpper!: number | null;
  @Field(() => Float, { nullable: true }) realisasi!: number | null;
  @Field(() => Float, { nullable: true }) capaian!: number | null;
  @Field(() => String, { nullable: true }) category!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Angka laporan final suatu Dinas: analisis capaian yang sudah disampaikan (dibekukan)' })
export class PemdaOfficeFigures {
  @Field(() => Int) analysisVersion!: number;
  @Field(() => Float, { nullable: true, description: 'Capaian Dinas (rata-rata, dengan batas skala yang berlaku)' }) officeCapaian!: number | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { description: 'Skala kategori yang dipakai: kode dan versi' }) scale!: string;
  @Field(() => Int) indicatorCount!: number;
  @Field(() => Int) missingCount!: number;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => [PemdaIndicatorFigure]) indicators!: PemdaIndicatorFigure[];
}

@ObjectType({ simpleResolvers: true, description: 'Laporan final yang diterbitkan Dinas (rekap capaian PDF)' })
export class PemdaReportDocument {
  @Field(() => ID) id!: string;
  @Field(() => String) filename!: string;
  @Field(() => String, { nullable: true }) verificationCode!: string | null;
  @Field(() => String, { description: 'Alamat unduhan untuk pembaca pemda: /api/pemda/reports/<id>' }) downloadPath!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Kemajuan permintaan pemda di satu Dinas' })
export class PemdaRequestOffice {
  @Field(() => PemdaOfficeRef) office!: PemdaOfficeRef;
  @Field(() => ID, { description: 'Permintaan data di Dinas tersebut (terdaftar pada langkah 1)' }) requestId!: string;
  @Field(() => RequestStatus) status!: string;
  @Field(() => String) statusLabel!: string;
  @Field(() => String) statusLabelEn!: string;
  @Field(() => Int) currentStep!: number;
  @Field(() => String) currentActivity!: string;
  @Field(() => Boolean, { description: 'Dinas belum memulai: langkah 1 (disposisi Sekretaris) belum selesai' }) notStarted!: boolean;
  @Field(() => Date, { nullable: true, description: 'Batas waktu langkah berjalan' }) dueAt!: Date | null;
  @Field(() => Boolean, { description: 'Langkah berjalan sudah lewat batas waktu' }) overdue!: boolean;
  @Field(() => [PemdaLateStep]) lateSteps!: PemdaLateStep[];
  @Field(() => Boolean, { description: 'Selesai setelah batas waktu dari pengirim, atau belum selesai dan batas itu sudah lewat' }) pastDeadline!: boolean;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => PemdaReportDocument, { nullable: true, description: 'Hanya bila selesai (DONE) dan rekap telah diterbitkan' }) report!: PemdaReportDocument | null;
  @Field(() => PemdaOfficeFigures, { nullable: true, description: 'Hanya bila selesai (DONE): analisis final yang dibekukan' }) figures!: PemdaOfficeFigures | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu surat permintaan data Pemda kepada beberapa perangkat daerah' })
export class PemdaRequest {
  @Field(() => ID) id!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => DateOnly) letterDate!: string;
  @Field(() => String) subject!: string;
  @Field(() => Period) period!: Period;
  @Field(() => [String]) items!: string[];
  @Field(() => [DocumentKind]) requestedDocuments!: string[];
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date) deadline!: Date;
  @Field(() => PemdaOfficeRef, { description: 'Perangkat daerah pengirim (Bappeda/Inspektorat)' }) issuingOffice!: PemdaOfficeRef;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) officeCount!: number;
  @Field(() => Int) doneCount!: number;
}
