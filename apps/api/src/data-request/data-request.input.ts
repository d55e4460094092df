import { ArrayMaxSize, IsOptional, Length, Max, Min, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DocumentKind, RequestStatus } from '../common/enums';
import { DateOnly, UUID } from '../common/scalars';

@InputType({ description: 'Surat masuk permintaan data kinerja yang didaftarkan Sekretaris' })
export class RegisterDataRequestInput {
  @Field(() => Int)
  @Min(2000, { message: 'Tahun harus antara 2000 dan 2100' })
  @Max(2100, { message: 'Tahun harus antara 2000 dan 2100' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '1–4; kosong = data setahun' })
  @IsOptional()
  @Min(1, { message: 'Triwulan harus 1 sampai 4' })
  @Max(4, { message: 'Triwulan harus 1 sampai 4' })
  triwulan?: number | null;

  @Field(() => String)
  @Length(1, 100, { message: 'Nomor surat wajib diisi (maksimal 100 karakter)' })
  letterNumber!: string;

  @Field(() => DateOnly, { description: 'Tanggal surat' })
  letterDate!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'Pengirim surat wajib diisi (maksimal 200 karakter)' })
  sender!: string;

  @Field(() => String)
  @Length(1, 500, { message: 'Perihal wajib diisi (maksimal 500 karakter)' })
  subject!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Catatan maksimal 2000 karakter' })
  notes?: string | null;

  @Field(() => [UUID], { description: 'Indikator yang diminta; kosong = semua indikator aktif' })
  @ArrayMaxSize(1000, { message: 'Terlalu banyak indikator (maksimal 1000)' })
  indicatorIds!: string[];

  @Field(() => [DocumentKind], { description: 'Dokumen yang wajib dilampirkan tiap Bidang' })
  @ArrayMaxSize(7)
  requestedDocuments!: DocumentKind[];
}

@InputType({ description: 'Disposisi: perintah kepada pejabat berikutnya' })
export class DisposeInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { description: 'Isi disposisi / arahan' })
  @Length(3, 2000, { message: 'Isi disposisi wajib diisi (3–2000 karakter)' })
  instruction!: string;

  @Field(() => Int, { nullable: true, description: 'Versi yang terakhir dilihat; bila berbeda, CONFLICT' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType({ description: 'Memajukan permintaan satu langkah' })
export class AdvanceInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Catatan maksimal 2000 karakter' })
  note?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType()
export class DataRequestFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() year?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(4) triwulan?: number | null;
  @Field(() => [RequestStatus], { nullable: true }) @IsOptional() status?: RequestStatus[] | null;
}

export const MAX_PAGE_SIZE = 100;
