import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentKind, Polarity, SubmissionStatus } from '../common/enums';
import { IndicatorValueFields } from '../analysis/indicator-value.model';
import { Bidang, User } from '../office/office.model';

@ObjectType({ simpleResolvers: true, description: 'Kategori capaian menurut skala yang berlaku' })
export class CapaianCategory {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Nilai realisasi satu indikator, dengan target dan capaiannya' })
export class SubmissionValue extends IndicatorValueFields {
  @Field(() => Number, { nullable: true, description: 'Capaian (%)' }) capaian!: number | null;
  @Field(() => String, { description: 'OK, CLAMPED, TARGET_ZERO, MISSING_REALISASI, MISSING_TARGET, INVALID_RANGE' }) capaianStatus!: string;
  @Field(() => CapaianCategory, { nullable: true }) category!: CapaianCategory | null;
}

@ObjectType({ simpleResolvers: true, description: 'Riwayat kirim / kembalikan / terima' })
export class SubmissionReview {
  @Field(() => String) action!: string;
  @Field(() => SubmissionStatus) fromStatus!: SubmissionStatus;
  @Field(() => SubmissionStatus) toStatus!: SubmissionStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => User) actor!: User;
  @Field(() => Int) version!: number;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Dokumen tersimpan (isi di disk, metadata di basis data)' })
export class StoredDocument {
  @Field(() => ID) id!: string;
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => String) filename!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => Int) size!: number;
  @Field(() => String) sha256!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'GET dengan header Authorization untuk mengunduh' }) downloadUrl!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Kiriman data kinerja satu Bidang untuk satu permintaan (langkah 4)' })
export class BidangSubmission {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => Bidang) bidang!: Bidang;
  @Field(() => SubmissionStatus) status!: SubmissionStatus;
  @Field(() => String, { description: 'Status dalam bahasa Indonesia' }) statusLabel!: string;
  @Field(() => String, { description: 'Status in English' }) statusLabelEn!: string;
  @Field(() => Int, { description: 'Versi untuk penguncian optimistis: kirim kembali sebagai expectedVersion' }) version!: number;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => Date, { nullable: true }) firstSubmittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Alasan pengembalian terakhir' }) returnReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'Kapan pengumpulan ditutup tanpa kiriman ini (status WAIVED, "tidak menyerahkan")' }) waivedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Catatan Kasubbag saat menutup pengumpulan tanpa Bidang ini' }) waiverNote!: string | null;
  @Field(() => Date, { nullable: true, description: 'Kapan Kepala Bidang menyetujui (menandatangani) kiriman terakhir' }) headApprovedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Catatan Kepala Bidang saat mengembalikan draf kepada operator (selama masih draf)' }) headNote!: string | null;
  @Field(() => Boolean, { description: 'Masih dapat diubah (draf atau dikembalikan)' }) editable!: boolean;
  @Field(() => [DocumentKind], { description: 'Jenis dokumen yang diminta tetapi belum dilampirkan' }) missingDocuments!: DocumentKind[];
  @Field(() => [SubmissionValue]) values!: SubmissionValue[];
  @Field(() => [StoredDocument]) documents!: StoredDocument[];
  @Field(() => [SubmissionReview]) reviews!: SubmissionReview[];
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Realisasi satu indikator dalam satu versi kiriman' })
export class VersionValue {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Number, { nullable: true }) realisasi!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Dokumen sebagaimana dikirim dalam satu versi' })
export class VersionDocument {
  @Field(() => ID) id!: string;
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => String) filename!: string;
  @Field(() => String) sha256!: string;
  @Field(() => Int) size!: number;
  @Field(() => String, { description: 'GET dengan header Authorization untuk mengunduh' }) downloadUrl!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Satu versi kiriman: isi saat diserahkan kepada sekretariat (tidak pernah berubah)' })
export class SubmissionVersion {
  @Field(() => Int, { description: '1, 2, …: urutan penyerahan' }) number!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => User, { nullable: true }) submittedBy!: User | null;
  @Field(() => User, { nullable: true, description: 'Kepala Bidang yang menyetujui (null bila persetujuan tidak diwajibkan)' }) headApprovedBy!: User | null;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => [VersionValue]) values!: VersionValue[];
  @Field(() => [VersionDocument]) documents!: VersionDocument[];
}

@ObjectType({ simpleResolvers: true, description: 'Perubahan realisasi atau keterangan satu indikator' })
export class ValueChange {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Number, { nullable: true }) before!: number | null;
  @Field(() => Number, { nullable: true }) after!: number | null;
  @Field(() => String, { nullable: true }) noteBefore!: string | null;
  @Field(() => String, { nullable: true }) noteAfter!: string | null;
}

export enum DocumentChangeKind { ADDED = 'ADDED', REMOVED = 'REMOVED', REPLACED = 'REPLACED' }
registerEnumType(DocumentChangeKind, { name: 'DocumentChangeKind' });

@ObjectType({ simpleResolvers: true, description: 'Dokumen yang ditambah, dihapus atau diganti' })
export class DocumentChange {
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => DocumentChangeKind) change!: DocumentChangeKind;
  @Field(() => VersionDocument, { nullable: true }) before!: VersionDocument | null;
  @Field(() => VersionDocument, { nullable: true }) after!: VersionDocument | null;
  @Field(() => Boolean, { description: 'Diganti dengan berkas yang isinya sama persis (SHA-256 sama)' }) sameContent!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Apa yang berubah dari satu versi ke versi lain' })
export class SubmissionComparison {
  @Field(() => SubmissionVersion) from!: SubmissionVersion;
  @Field(() => SubmissionVersion) to!: SubmissionVersion;
  @Field(() => [ValueChange]) values!: ValueChange[];
  @Field(() => [DocumentChange]) documents!: DocumentChange[];
  @Field(() => Boolean) narrativeChanged!: boolean;
  @Field(() => String, { nullable: true }) narrativeBefore!: string | null;
  @Field(() => String, { nullable: true }) narrativeAfter!: string | null;
}
