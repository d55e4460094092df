import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditSource, FollowUpState, TlStatus } from '../common/enums';
import { DateOnly } from '../common/scalars';
import { StoredDocument } from '../submission/submission.model';

@ObjectType({ simpleResolvers: true, description: 'Batas waktu tindak lanjut yang berlaku bagi satu sumber laporan' })
export class FindingDeadlineSetting {
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => Int, { description: 'Hari kalender sejak LHP diterima' }) days!: number;
  @Field(() => Boolean, { description: 'true = bawaan (60 hari, Peraturan BPK 2/2017 Pasal 3)' }) isDefault!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'LHP (BPK, Inspektorat, APIP lain) atau LHE (evaluasi AKIP)' })
export class AuditReport {
  @Field(() => ID) id!: string;
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => String, { description: 'LHP atau LHE' }) kind!: string;
  @Field(() => String) number!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateOnly) receivedDate!: string;
  @Field(() => Int) deadlineDays!: number;
  @Field(() => DateOnly, { description: 'Tanggal diterima + hari batas waktu (hari kalender)' }) deadline!: string;
  @Field(() => Int) findingCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Tindak lanjut yang dikirim Bidang dan pemeriksaan APIP atasnya' })
export class FollowUpAction {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => FollowUpState) state!: FollowUpState;
  @Field(() => String) createdByName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewedByName!: string | null;
  @Field(() => TlStatus, { nullable: true, description: 'Status yang ditetapkan APIP saat verifikasi' }) verdict!: TlStatus | null;
  @Field(() => String, { nullable: true, description: 'Catatan APIP (wajib saat dikembalikan)' }) note!: string | null;
  @Field(() => [StoredDocument], { description: 'Bukti tindak lanjut' }) documents!: StoredDocument[];
}

@ObjectType({ simpleResolvers: true, description: 'Rekomendasi dengan status tindak lanjutnya' })
export class Recommendation {
  @Field(() => ID) id!: string;
  @Field(() => ID) findingId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) text!: string;
  @Field(() => TlStatus) status!: TlStatus;
  @Field(() => Int, { description: 'Status sebagai angka skala BPK (1–4)' }) statusNumber!: number;
  @Field(() => String) statusLabel!: string;
  @Field(() => String) statusLabelEn!: string;
  @Field(() => String, { nullable: true, description: 'Alasan status 4' }) statusReason!: string | null;
  @Field(() => DateOnly) deadline!: string;
  @Field(() => Boolean, { description: 'Lewat batas waktu tanpa tindak lanjut terverifikasi' }) overdue!: boolean;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => Boolean, { description: 'Ada tindak lanjut yang menunggu verifikasi APIP' }) awaitingVerification!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => [FollowUpAction]) actions!: FollowUpAction[];
}

@ObjectType({ simpleResolvers: true, description: 'Temuan (kondisi, kriteria, sebab, akibat)' })
export class Finding {
  @Field(() => ID) id!: string;
  @Field(() => AuditReport) report!: AuditReport;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) kondisi!: string;
  @Field(() => String) kriteria!: string;
  @Field(() => String) sebab!: string;
  @Field(() => String) akibat!: string;
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => ID, { nullable: true }) indicatorId!: string | null;
  @Field(() => String, { nullable: true }) indicatorName!: string | null;
  @Field(() => [Recommendation]) recommendations!: Recommendation[];
  @Field(() => Int, { description: 'Kirim sebagai expectedVersion saat mengubah temuan' }) version!: number;
  @Field(() => Boolean, { description: 'Keadaan tindak lanjutnya masih mengizinkan perubahan (peran: Kasubbag, Penyusun, administrator)' }) editable!: boolean;
  @Field(() => String, { nullable: true, description: 'Mengapa temuan tidak dapat diubah lagi' }) editBlockedReason!: string | null;
  @Field(() => String, { nullable: true }) editBlockedReasonEn!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu baris register: rekomendasi dengan temuan dan laporannya' })
export class FindingRegisterRow {
  @Field(() => ID) reportId!: string;
  @Field(() => String) reportNumber!: string;
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => Int) year!: number;
  @Field(() => ID) findingId!: string;
  @Field(() => String) findingCode!: string;
  @Field(() => String) findingTitle!: string;
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => Recommendation) recommendation!: Recommendation;
}

@ObjectType({ simpleResolvers: true })
export class StatusCount {
  @Field(() => TlStatus) status!: TlStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true })
export class SourceYearCount {
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => Int) year!: number;
  @Field(() => Int) count!: number;
  @Field(() => Int) open!: number;
}

@ObjectType({ simpleResolvers: true })
export class BidangCount {
  @Field(() => ID) bidangId!: string;
  @Field(() => String) bidangName!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) overdue!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Jumlah rekomendasi dalam register yang disaring' })
export class FindingCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Belum selesai: status 2 atau 3' }) open!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int, { description: 'Menunggu verifikasi APIP' }) awaitingVerification!: number;
  @Field(() => [StatusCount]) byStatus!: StatusCount[];
  @Field(() => [SourceYearCount]) bySourceYear!: SourceYearCount[];
  @Field(() => [BidangCount]) byBidang!: BidangCount[];
}

@ObjectType({ simpleResolvers: true, description: 'Register tindak lanjut hasil pemeriksaan (TL HP)' })
export class FindingRegister {
  @Field(() => [FindingRegisterRow]) rows!: FindingRegisterRow[];
  @Field(() => FindingCounts) counts!: FindingCounts;
  @Field(() => DateOnly, { description: 'Tanggal (waktu Dinas) yang dipakai menilai keterlambatan' }) today!: string;
}
