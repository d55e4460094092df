import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { bi, TrimmedLength } from '../common/validation';
import { DocumentKind } from '../common/enums';
import { DateOnly, UUID } from '../common/scalars';

@InputType({ description: 'Satu surat permintaan data dari Pemda (Bappeda/Inspektorat) kepada perangkat daerah yang dipilih' })
export class IssuePemdaRequestInput {
  @Field(() => String)
  @TrimmedLength(1, 100, bi('Nomor surat wajib diisi (maksimal 100 karakter)', 'The letter number is required (at most 100 characters)'))
  letterNumber!: string;

  @Field(() => DateOnly, { description: 'Tanggal surat' })
  letterDate!: string;

  @Field(() => String)
  @TrimmedLength(1, 500, bi('Perihal wajib diisi (maksimal 500 karakter)', 'The subject is required (at most 500 characters)'))
  subject!: string;

  @Field(() => Int)
  @Min(2000, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100'))
  @Max(2100, bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100'))
  year!: number;

  @Field(() => Int, { nullable: true, description: '1–4; kosong = data setahun' })
  @IsOptional()
  @Min(1, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4'))
  @Max(4, bi('Triwulan harus 1 sampai 4', 'The triwulan (quarter) must be 1 to 4'))
  triwulan?: number | null;

  @Field(() => [UUID], { description: 'Perangkat daerah yang dimintai data (dari pemda yang sama)' })
  @ArrayMinSize(1, bi('Pilih sedikitnya satu perangkat daerah (paling banyak 500)', 'Choose at least one office (at most 500)'))
  @ArrayMaxSize(500, bi('Pilih sedikitnya satu perangkat daerah (paling banyak 500)', 'Choose at least one office (at most 500)'))
  officeIds!: string[];

  @Field(() => [String], { description: 'Daftar data yang diminta di luar IKU (boleh kosong); tiap Dinas dapat menjadikannya indikator khusus' })
  @ArrayMaxSize(50, bi('Paling banyak 50 butir data', 'At most 50 items'))
  @MaxLength(300, bi('Tiap butir data maksimal 300 karakter', 'Each item may have at most 300 characters', { each: true }))
  items!: string[];

  @Field(() => [DocumentKind], { description: 'Dokumen yang wajib dilampirkan tiap Bidang' })
  @ArrayMaxSize(7, bi('Paling banyak 7 jenis dokumen', 'At most 7 document kinds'))
  requestedDocuments!: DocumentKind[];

  @Field(() => Date, { description: 'Batas waktu dari pengirim' })
  deadline!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, bi('Catatan maksimal 2000 karakter', 'The note may have at most 2000 characters'))
  notes?: string | null;
}
