import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { REQUEST_TRANSITIONS, type RequestAction as SopRequestAction } from '@sipedaki/sop';
import { ActingKind, DocumentKind, RecordMark, RequestStatus, Role, SubmissionStatus } from '../common/enums';
import { Bidang, User } from '../office/office.model';
import { DateOnly } from '../common/scalars';

export const RequestAction = Object.fromEntries(REQUEST_TRANSITIONS.map((t) => [t.action, t.action])) as {
  [K in SopRequestAction]: K;
};
export type RequestAction = SopRequestAction;
registerEnumType(RequestAction, { name: 'RequestAction', description: 'Tindakan atas permintaan: langkah SOP, penutupan pengumpulan, tanda tangan atau pengembalian Kepala Dinas, pembatalan' });

export enum TextKind {
  INSTRUCTION = 'INSTRUCTION',
  NOTE = 'NOTE',
  REASON = 'REASON',
  ARAHAN = 'ARAHAN',
}
registerEnumType(TextKind, { name: 'TextKind', description: 'Teks yang menyertai tindakan: isi disposisi, catatan, alasan, atau arahan Kepala Dinas' });

export enum BlockedReason {
  SUBMISSIONS_INCOMPLETE = 'SUBMISSIONS_INCOMPLETE',
  ANALYSIS_MISSING = 'ANALYSIS_MISSING',
  NOTHING_TO_WAIVE = 'NOTHING_TO_WAIVE',
  WAIVER_NOT_ALLOWED = 'WAIVER_NOT_ALLOWED',
  NOTHING_ACCEPTED = 'NOTHING_ACCEPTED',
  TEXT_REQUIRED = 'TEXT_REQUIRED',
  TEXT_TOO_LONG = 'TEXT_TOO_LONG',
  UNKNOWN_ACTION = 'UNKNOWN_ACTION',
  WRONG_STATE = 'WRONG_STATE',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
}
registerEnumType(BlockedReason, { name: 'BlockedReason', description: 'Mengapa server akan menolak tindakan ini sekarang (data belum memenuhi)' });

@ObjectType({ simpleResolvers: true, description: 'Tindakan yang boleh saya lakukan atas permintaan ini sekarang (dari tabel kewenangan packages/sop)' })
export class AvailableAction {
  @Field(() => RequestAction) action!: RequestAction;
  @Field(() => String, { description: 'Label tombol, bahasa Indonesia' }) label!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => BlockedReason, { nullable: true, description: 'null = server akan menerimanya sekarang; selain itu alasan penolakan' }) blockedReason!: BlockedReason | null;
  @Field(() => String, { nullable: true }) blockedMessage!: string | null;
  @Field(() => String, { nullable: true }) blockedMessageEn!: string | null;
  @Field(() => TextKind) textKind!: TextKind;
  @Field(() => Boolean) textRequired!: boolean;
  @Field(() => Int) textMin!: number;
  @Field(() => Int) textMax!: number;
  @Field(() => Role, { nullable: true, description: 'Penerima disposisi tindakan ini' }) receiverRole!: Role | null;
  @Field(() => Boolean, { description: 'Pengirim boleh memilih pejabat penerima (toUserId)' }) namedReceiver!: boolean;
  @Field(() => [RequestStatus], { description: 'Status tujuan; KEPALA_RETURN punya dua (ke Sekretaris atau ke Kasubbag)' }) targets!: RequestStatus[];
}

@ObjectType({ simpleResolvers: true, description: 'Pejabat yang dapat menerima disposisi untuk suatu peran: pemegang jabatan atau Plt/Plh' })
export class Officer {
  @Field(() => User) user!: User;
  @Field(() => ActingKind, { nullable: true, description: 'null = pemegang jabatan definitif; PLT/PLH = pelaksana' }) acting!: ActingKind | null;
}

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

@ObjectType({ simpleResolvers: true, description: 'Satu putaran sebelumnya dari sebuah langkah (langkah yang dibuka lagi setelah pengembalian)' })
export class StepRound {
  @Field(() => Int) round!: number;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => User, { nullable: true }) completedBy!: User | null;
  @Field(() => RequestAction, { nullable: true, description: 'Tindakan yang menutup putaran ini' }) action!: RequestAction | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int) elapsedWorkingMinutes!: number;
  @Field(() => Boolean) overdue!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Satu langkah SOP pada linimasa sebuah permintaan, diukur dalam jam kerja' })
export class TimelineStep {
  @Field(() => Int) step!: number;
  @Field(() => Int, { description: 'Putaran yang ditampilkan (terbaru); putaran sebelumnya di `earlierRounds`' }) round!: number;
  @Field(() => [StepRound], { description: 'Putaran sebelumnya dari langkah ini (setelah pengembalian), tertua dahulu; waktunya tidak pernah ditimpa' })
  earlierRounds!: StepRound[];
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
  @Field(() => User, { nullable: true, description: 'Pejabat penerima yang dipilih pengirim; null = setiap pemegang peran' }) to!: User | null;
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
  @Field(() => Boolean, { description: 'Pengumpulan ditutup tanpa Bidang ini: "tidak menyerahkan" (status WAIVED), dihitung terlambat' }) waived!: boolean;
  @Field(() => String, { nullable: true, description: 'Catatan Kasubbag saat menutup pengumpulan tanpa Bidang ini' }) waiverNote!: string | null;
  @Field(() => Boolean, { description: 'Dapat disebut pada penutupan pengumpulan (closeCollection): belum menyerahkan, tidak sedang menunggu pemeriksaan' }) waivable!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Kelengkapan dan ketepatan waktu pengumpulan data' })
export class Completeness {
  @Field(() => Int) bidangTotal!: number;
  @Field(() => Int) draft!: number;
  @Field(() => Int, { description: 'Menunggu persetujuan Kepala Bidang' }) awaitingHead!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int, { description: 'Tidak menyerahkan (pengumpulan ditutup tanpa Bidang ini)' }) waived!: number;
  @Field(() => Int, { description: 'Dikirim tepat waktu' }) onTime!: number;
  @Field(() => Int, { description: 'Dikirim terlambat, atau tidak menyerahkan' }) late!: number;
  @Field(() => Number, { description: 'Persen Bidang yang datanya diterima' }) percentAccepted!: number;
  @Field(() => [BidangProgress]) perBidang!: BidangProgress[];
}

@ObjectType({ simpleResolvers: true, description: 'Permintaan data dan informasi kinerja (surat masuk) yang berjalan melalui 7 langkah SOP' })
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
  @Field(() => String, { nullable: true, description: 'Arahan Kepala Dinas saat menerima laporan' }) arahan!: string | null;
  // A page of 100 with every field must stay under the query cost limit (examples.test.ts):
  // cancelledBy (a User, resolved per page in one read) adds 9 to a node.
  @Field(() => String, { nullable: true, description: 'Alasan pembatalan (status CANCELLED)' }) cancelReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'Kapan Sekretaris membatalkan permintaan (status CANCELLED); pembatalnya: cancelledBy' }) cancelledAt!: Date | null;

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
