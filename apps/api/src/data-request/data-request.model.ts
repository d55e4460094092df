import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { REQUEST_TRANSITIONS, type RequestAction as SopRequestAction } from '@sipedaki/sop';
import { DocumentKind, RecordMark, RequestStatus, Role, SubmissionStatus } from '../common/enums';
import { Bidang, User } from '../office/office.model';
import { DateOnly } from '../common/scalars';

export const RequestAction = Object.fromEntries(REQUEST_TRANSITIONS.map((t) => [t.action, t.action])) as {
  [K in SopRequestAction]: K;
};
export type RequestAction = SopRequestAction;
registerEnumType(RequestAction, { name: 'RequestAction', description: 'Tindakan yang memajukan permintaan ke langkah SOP berikutnya' });

export enum StepState {
  DONE = 'DONE',
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
}
registerEnumType(StepState, { name: 'StepState' });

@ObjectType({ simpleResolvers: true, description: 'Periode: tahun dan Triwulan (kosong = setahun)' })
export class Period {
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) triwulan!: number | null;
  @Field(() => String, { description: 'Mis. "Triwulan I 2026"' }) label!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Satu langkah SOP pada linimasa sebuah permintaan, diukur dalam jam kerja' })
export class TimelineStep {
  @Field(() => Int) step!: number;
  @Field(() => String) code!: string;
  @Field(() => String) activity!: string;
  @Field(() => [Role]) actors!: Role[];
  @Field(() => String, { description: 'Waktu baku, mis. "5 menit", "2 hari kerja"' }) standardTime!: string;
  @Field(() => Int, { description: 'Waktu baku dalam menit kerja: sejak mulai sampai batas waktu; untuk langkah yang belum mulai, waktu baku × jam kerja sehari' })
  standardWorkingMinutes!: number;
  @Field(() => String) output!: string;
  @Field(() => StepState) state!: StepState;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => User, { nullable: true }) completedBy!: User | null;
  @Field(() => String, { nullable: true, description: 'Catatan saat langkah diselesaikan: AdvanceInput.note, atau isi disposisi' }) note!: string | null;
  @Field(() => Int, { description: 'Menit kerja berlalu sejak langkah dimulai' }) elapsedWorkingMinutes!: number;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => Int) overdueWorkingMinutes!: number;
  @Field(() => Role, { nullable: true, description: 'Atasan yang menerima eskalasi bila terlambat' }) escalatesTo!: Role | null;
}

@ObjectType({ simpleResolvers: true, description: 'Lembar disposisi: perintah dari satu pejabat ke pejabat berikutnya' })
export class Disposition {
  @Field(() => ID) id!: string;
  @Field(() => Int) step!: number;
  @Field(() => User) from!: User;
  @Field(() => Role) fromRole!: Role;
  @Field(() => Role) toRole!: Role;
  @Field(() => String) instruction!: string;
  @Field(() => RecordMark, { description: 'Paraf atau tanda tangan pemberi disposisi' }) mark!: RecordMark;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Kemajuan satu Bidang pada langkah 4' })
export class BidangProgress {
  @Field(() => Bidang) bidang!: Bidang;
  @Field(() => ID, { nullable: true }) submissionId!: string | null;
  @Field(() => SubmissionStatus, { nullable: true }) status!: SubmissionStatus | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Boolean, { description: 'Pertama kali dikirim setelah batas waktu langkah 4' }) late!: boolean;
  @Field(() => Boolean, { description: 'Belum dikirim dan batas waktu sudah lewat' }) overdue!: boolean;
  @Field(() => Int) returnCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Kelengkapan dan ketepatan waktu pengumpulan data' })
export class Completeness {
  @Field(() => Int) bidangTotal!: number;
  @Field(() => Int) draft!: number;
  @Field(() => Int, { description: 'Menunggu persetujuan Kepala Bidang' }) awaitingHead!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int, { description: 'Dikirim tepat waktu' }) onTime!: number;
  @Field(() => Int, { description: 'Dikirim terlambat' }) late!: number;
  @Field(() => Number, { description: 'Persen Bidang yang datanya diterima' }) percentAccepted!: number;
  @Field(() => [BidangProgress]) perBidang!: BidangProgress[];
}

@ObjectType({ description: 'Permintaan data dan informasi kinerja (surat masuk) yang berjalan melalui 7 langkah SOP' })
export class DataRequest {
  @Field(() => ID) id!: string;
  @Field(() => Period) period!: Period;
  @Field(() => String, { description: 'Nomor surat masuk' }) letterNumber!: string;
  @Field(() => DateOnly, { description: 'Tanggal surat' }) letterDate!: string;
  @Field(() => String, { description: 'Pengirim surat' }) sender!: string;
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => [DocumentKind]) requestedDocuments!: DocumentKind[];
  @Field(() => RequestStatus) status!: RequestStatus;
  @Field(() => String, { description: 'Status dalam bahasa Indonesia' }) statusLabel!: string;
  @Field(() => String, { description: 'Status in English' }) statusLabelEn!: string;
  @Field(() => Int, { description: 'Langkah SOP yang sedang berjalan (1–7); 7 tetap setelah selesai' }) currentStep!: number;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Int, { description: 'Versi untuk penguncian optimistis' }) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Kapan Kepala Dinas menandatangani penerimaan laporan' }) acknowledgedAt!: Date | null;

  // Resolved by DataRequestFieldResolver
  officeId!: string;
}

@ObjectType({ simpleResolvers: true })
export class DataRequestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => DataRequest) node!: DataRequest;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class DataRequestConnection {
  @Field(() => [DataRequestEdge]) edges!: DataRequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Langkah SOP sebagai data' })
export class SopStep {
  @Field(() => Int) no!: number;
  @Field(() => String) code!: string;
  @Field(() => [Role]) actors!: Role[];
  @Field(() => String) activity!: string;
  @Field(() => String) activityEn!: string;
  @Field(() => String) input!: string;
  @Field(() => String) standardTime!: string;
  @Field(() => String) output!: string;
  @Field(() => String) outputEn!: string;
}
