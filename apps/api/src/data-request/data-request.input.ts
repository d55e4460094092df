import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, MaxLength } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { bi, TrimmedLength } from '../common/validation';
import { DocumentKind, RequestStatus } from '../common/enums';
import { DateOnly, UUID } from '../common/scalars';

@InputType({ description: 'Surat masuk permintaan data kinerja yang didaftarkan Sekretaris' })
export class RegisterDataRequestInput {
  @Field(() => Int)
  @Min(2000, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100'))
  @Max(2100, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100'))
  year!: number;

  @Field(() => Int, { nullable: true, description: '1–4; kosong = data setahun' })
  @IsOptional()
  @Min(1, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4'))
  @Max(4, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4'))
  triwulan?: number | null;

  @Field(() => String)
  @TrimmedLength(1, 100, bi('Nomor surat wajib diisi (maksimal 100 karakter)', 'The letter number is required (at most 100 characters)'))
  letterNumber!: string;

  @Field(() => DateOnly, { description: 'Tanggal surat' })
  letterDate!: string;

  @Field(() => String)
  @TrimmedLength(1, 200, bi('Pengirim surat wajib diisi (maksimal 200 karakter)', 'The sender is required (at most 200 characters)'))
  sender!: string;

  @Field(() => String)
  @TrimmedLength(1, 500, bi('Perihal wajib diisi (maksimal 500 karakter)', 'The subject is required (at most 500 characters)'))
  subject!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, bi('Catatan maksimal 2000 karakter', 'The note may have at most 2000 characters'))
  notes?: string | null;

  @Field(() => [UUID], { description: 'Indikator IKU yang diminta (hanya yang milik Bidang yang dipilih ditanyakan); kosong = semua indikator aktif' })
  @ArrayMaxSize(1000, bi('Terlalu banyak indikator (maksimal 1000)', 'Too many indicators (at most 1000)'))
  indicatorIds!: string[];

  @Field(() => [DocumentKind], { description: 'Dokumen yang wajib dilampirkan tiap Bidang' })
  @ArrayMaxSize(7, bi('Paling banyak 7 jenis dokumen', 'At most 7 document kinds'))
  requestedDocuments!: DocumentKind[];

  @Field(() => [UUID], { nullable: true, description: 'Bidang yang dimintai data; kosong (null) = semua Bidang aktif' })
  @IsOptional()
  @ArrayMinSize(1, bi('Pilih sedikitnya satu Bidang (paling banyak 100)', 'Choose at least one Bidang (at most 100)'))
  @ArrayMaxSize(100, bi('Pilih sedikitnya satu Bidang (paling banyak 100)', 'Choose at least one Bidang (at most 100)'))
  bidangIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Batas waktu dari pengirim (bila surat menyebutkannya)' })
  @IsOptional()
  requesterDeadline?: Date | null;
}

@InputType({ description: 'Disposisi: perintah kepada pejabat berikutnya' })
export class DisposeInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { description: 'Isi disposisi / arahan' })
  @TrimmedLength(3, 2000, bi('Isi disposisi wajib diisi (3–2000 karakter)', 'The instruction is required (3–2000 characters)'))
  instruction!: string;

  @Field(() => UUID, {
    nullable: true,
    description: 'Pejabat penerima yang dipilih: pemegang peran penerima, termasuk Plt/Plh (lihat officersForRole); kosong = setiap pemegang peran. Selain itu OFFICER_NOT_IN_ROLE',
  })
  @IsOptional()
  toUserId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Versi yang terakhir dilihat; bila berbeda, CONFLICT' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType({ description: 'Kasubbag menutup pengumpulan data (langkah 4) tanpa Bidang yang tidak menyerahkan' })
export class CloseCollectionInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => [UUID], { description: 'Bidang yang tidak menyerahkan: kirimannya menjadi WAIVED ("tidak menyerahkan"); Bidang lain harus sudah diterima' })
  @ArrayMinSize(1, bi('Pilih minimal satu Bidang yang tidak menyerahkan', 'Choose at least one Bidang that did not submit'))
  @ArrayMaxSize(200, bi('Terlalu banyak Bidang (maksimal 200)', 'Too many Bidang (at most 200)'))
  waivedBidangIds!: string[];

  @Field(() => String, { description: 'Catatan wajib: mengapa pengumpulan ditutup tanpa Bidang tersebut (5–2000 karakter)' })
  @TrimmedLength(5, 2000, bi('Catatan wajib diisi (5–2000 karakter)', 'The note is required (5–2000 characters)'))
  note!: string;

  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}

export enum ReturnTarget {
  SEKRETARIS = 'SEKRETARIS',
  KASUBBAG = 'KASUBBAG',
}
registerEnumType(ReturnTarget, { name: 'ReturnTarget', description: 'Kepada siapa Kepala Dinas mengembalikan laporan: Sekretaris (langkah 7 lagi) atau Kasubbag (langkah 6 lagi)' });

@InputType({ description: 'Kepala Dinas mengembalikan laporan dengan alasan' })
export class KepalaReturnInput {
  @Field(() => UUID) requestId!: string;
  @Field(() => ReturnTarget) to!: ReturnTarget;

  @Field(() => String, { description: 'Alasan pengembalian (5–2000 karakter)' })
  @TrimmedLength(5, 2000, bi('Alasan wajib diisi (5–2000 karakter)', 'The reason is required (5–2000 characters)'))
  reason!: string;

  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}

@InputType({ description: 'Sekretaris membatalkan permintaan (sebelum selesai) dengan alasan' })
export class CancelRequestInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { description: 'Alasan pembatalan (5–2000 karakter)' })
  @TrimmedLength(5, 2000, bi('Alasan pembatalan wajib diisi (5–2000 karakter)', 'The reason for cancelling is required (5–2000 characters)'))
  reason!: string;

  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}

@InputType({ description: 'Memajukan permintaan satu langkah' })
export class AdvanceInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, bi('Catatan maksimal 2000 karakter', 'The note may have at most 2000 characters'))
  note?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType()
export class DataRequestFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() year?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4')) @Max(4, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4')) triwulan?: number | null;
  @Field(() => [RequestStatus], { nullable: true }) @IsOptional() status?: RequestStatus[] | null;
}

export const MAX_PAGE_SIZE = 100;
