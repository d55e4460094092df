import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TL_DEADLINE_DAYS_MAX, TL_DEADLINE_DAYS_MIN } from '@sipedaki/sop';
import { AuditSource, TlStatus } from '../common/enums';
import { DateOnly, UUID } from '../common/scalars';
import { bi, TrimmedLength } from '../common/validation';

const DAYS = bi(`Jumlah hari ${TL_DEADLINE_DAYS_MIN}–${TL_DEADLINE_DAYS_MAX}`, `Days ${TL_DEADLINE_DAYS_MIN}–${TL_DEADLINE_DAYS_MAX}`);
const YEAR = bi('Tahun 2000–2100', 'Year 2000–2100');
const VERSION = bi('Versi tidak valid', 'Invalid version');
const CODE = bi('Kode wajib diisi (1–40 karakter)', 'The code is required (1–40 characters)');
const LONG = (id: string, en: string) => bi(`${id} wajib diisi (2–5000 karakter)`, `${en} is required (2–5000 characters)`);

/** Calendar days to the follow-up deadline, where a report or a source sets them. */
function DeadlineDays(): PropertyDecorator {
  return (target, key) => {
    IsInt(DAYS)(target, key);
    Min(TL_DEADLINE_DAYS_MIN, DAYS)(target, key);
    Max(TL_DEADLINE_DAYS_MAX, DAYS)(target, key);
  };
}

/** The version a change was made on (optimistic locking: another number = CONFLICT). */
function ExpectedVersion(): PropertyDecorator {
  return (target, key) => {
    IsInt(VERSION)(target, key);
    Min(1, VERSION)(target, key);
  };
}

/** A finding's recommendations: one at least, fifty at most, each checked in full. */
function Recommendations(): PropertyDecorator {
  return (target, key) => {
    ArrayNotEmpty(bi('Minimal satu rekomendasi', 'At least one recommendation'))(target, key);
    ArrayMaxSize(50, bi('Paling banyak 50 rekomendasi', 'At most 50 recommendations'))(target, key);
    ValidateNested({ each: true })(target, key);
  };
}

@InputType({ description: 'Batas waktu tindak lanjut (hari kalender sejak LHP diterima) untuk satu sumber laporan' })
export class SetFindingDeadlineInput {
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => Int) @DeadlineDays() days!: number;
}

/**
 * What an LHP/LHE holds when it is recorded and when it is changed, with its checks written once.
 * An input type only so that the two inputs inherit its fields (type-graphql 2.0 copies a parent
 * input type's fields into the child); no argument takes it, so it is not a type of the schema.
 */
@InputType()
class AuditReportFields {
  @Field(() => AuditSource) source!: AuditSource;
  @Field(() => String, { description: 'Nomor LHP/LHE' }) @TrimmedLength(1, 100, bi('Nomor laporan wajib diisi (maksimal 100 karakter)', 'The report number is required (at most 100 characters)')) number!: string;
  @Field(() => String) @TrimmedLength(2, 300, bi('Judul laporan wajib diisi (2–300 karakter)', 'The report title is required (2–300 characters)')) title!: string;
  @Field(() => Int) @IsInt(YEAR) @Min(2000, YEAR) @Max(2100, YEAR) year!: number;
  @Field(() => DateOnly, { description: 'Tanggal LHP diterima Dinas: awal batas waktu tindak lanjut' }) receivedDate!: string;
}

@InputType({ description: 'Laporan hasil pemeriksaan (LHP) atau evaluasi (LHE) yang diterima Dinas' })
export class CreateAuditReportInput extends AuditReportFields {
  @Field(() => Int, { nullable: true, description: 'Kosong = pengaturan Dinas untuk sumber ini (bawaan 60 hari)' })
  @IsOptional() @DeadlineDays() deadlineDays?: number | null;
}

@InputType({ description: 'Perubahan LHP/LHE setelah dicatat: isi lengkap yang baru. Sumber, tanggal diterima dan hari batas waktu hanya berubah selama belum ada rekomendasi yang diverifikasi APIP.' })
export class UpdateAuditReportInput extends AuditReportFields {
  @Field(() => UUID) id!: string;
  @Field(() => Int, { description: 'Versi laporan yang dibaca (AuditReport.version); berbeda = CONFLICT' }) @ExpectedVersion() expectedVersion!: number;
  @Field(() => Int, { description: 'Hari kalender sampai batas waktu' }) @DeadlineDays() deadlineDays!: number;
}

@InputType({ description: 'Satu rekomendasi sebuah temuan' })
export class RecommendationInput {
  @Field(() => String, { description: 'Kode rekomendasi' }) @TrimmedLength(1, 40, CODE) code!: string;
  @Field(() => String) @TrimmedLength(2, 5000, LONG('Isi rekomendasi', 'The recommendation')) text!: string;
}

/**
 * What a finding holds when it is recorded and when it is changed, with its checks written once
 * (an input type only to be inherited, like AuditReportFields). The responsible Bidang is not
 * here: its description differs between the two inputs.
 */
@InputType()
class FindingFields {
  @Field(() => String, { description: 'Kode temuan' }) @TrimmedLength(1, 40, CODE) code!: string;
  @Field(() => String) @TrimmedLength(2, 500, bi('Judul temuan wajib diisi (2–500 karakter)', 'The finding title is required (2–500 characters)')) title!: string;
  @Field(() => String) @TrimmedLength(2, 5000, LONG('Kondisi', 'The condition')) kondisi!: string;
  @Field(() => String) @TrimmedLength(2, 5000, LONG('Kriteria', 'The criteria')) kriteria!: string;
  @Field(() => String) @TrimmedLength(2, 5000, LONG('Sebab', 'The cause')) sebab!: string;
  @Field(() => String) @TrimmedLength(2, 5000, LONG('Akibat', 'The effect')) akibat!: string;
  @Field(() => UUID, { nullable: true, description: 'Indikator yang terkait, bila ada' }) @IsOptional() indicatorId?: string | null;
}

@InputType({ description: 'Temuan (kondisi, kriteria, sebab, akibat) dengan satu rekomendasi atau lebih' })
export class AddFindingInput extends FindingFields {
  @Field(() => UUID) reportId!: string;
  @Field(() => UUID, { description: 'Bidang penanggung jawab' }) bidangId!: string;
  @Field(() => [RecommendationInput]) @Recommendations() recommendations!: RecommendationInput[];
}

@InputType({ description: 'Satu rekomendasi dalam perubahan temuan: dengan id = yang sudah ada (diubah atau tetap), tanpa id = baru' })
export class RecommendationEditInput extends RecommendationInput {
  @Field(() => UUID, { nullable: true, description: 'Rekomendasi yang sudah ada; kosong = rekomendasi baru' }) @IsOptional() id?: string | null;
}

@InputType({ description: 'Perubahan temuan setelah dicatat: isi lengkap yang baru. Rekomendasi yang tidak disebut dihapus (hanya bila belum ada tindak lanjut).' })
export class UpdateFindingInput extends FindingFields {
  @Field(() => UUID) id!: string;
  @Field(() => Int, { description: 'Versi temuan yang dibaca (Finding.version); berbeda = CONFLICT' }) @ExpectedVersion() expectedVersion!: number;
  @Field(() => UUID, { description: 'Bidang penanggung jawab (tetap setelah Bidang mengirim tindak lanjut)' }) bidangId!: string;
  @Field(() => [RecommendationEditInput]) @Recommendations() recommendations!: RecommendationEditInput[];
}

@InputType({ description: 'Tindak lanjut Bidang atas satu rekomendasi; bukti diunggah ke /api/documents?followUpActionId=…' })
export class SubmitFollowUpInput {
  @Field(() => UUID) recommendationId!: string;
  @Field(() => String) @TrimmedLength(5, 5000, bi('Uraian tindak lanjut wajib diisi (5–5000 karakter)', 'The follow-up is required (5–5000 characters)')) text!: string;
}

@InputType({ description: 'Verifikasi APIP: status skala BPK (4 wajib dengan alasan)' })
export class VerifyFollowUpInput {
  @Field(() => UUID) actionId!: string;
  @Field(() => TlStatus) @IsIn(['SESUAI', 'BELUM_SESUAI', 'TIDAK_DAPAT_DITINDAKLANJUTI'], bi('Status hasil verifikasi: SESUAI, BELUM_SESUAI atau TIDAK_DAPAT_DITINDAKLANJUTI', 'Verified status: SESUAI, BELUM_SESUAI or TIDAK_DAPAT_DITINDAKLANJUTI')) status!: TlStatus;
  @Field(() => String, { nullable: true, description: 'Wajib untuk status 4 (mis. keadaan kahar, proses peradilan)' }) @IsOptional() @Length(0, 2000, bi('Alasan maksimal 2000 karakter', 'The reason is at most 2000 characters')) reason?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 2000, bi('Catatan maksimal 2000 karakter', 'The note is at most 2000 characters')) note?: string | null;
}

@InputType({ description: 'Kembalikan tindak lanjut kepada Bidang dengan catatan' })
export class ReturnFollowUpInput {
  @Field(() => UUID) actionId!: string;
  @Field(() => String) @TrimmedLength(5, 2000, bi('Catatan pengembalian wajib diisi (5–2000 karakter)', 'The note is required (5–2000 characters)')) note!: string;
}

@InputType({ description: 'Saring register temuan' })
export class FindingFilter {
  @Field(() => UUID, { nullable: true }) @IsOptional() bidangId?: string | null;
  @Field(() => AuditSource, { nullable: true }) @IsOptional() source?: AuditSource | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt(YEAR) @Min(2000, YEAR) @Max(2100, YEAR) year?: number | null;
  @Field(() => TlStatus, { nullable: true }) @IsOptional() status?: TlStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Hanya yang belum selesai (status 2 atau 3)' }) @IsOptional() open?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Hanya yang melewati batas waktu tanpa verifikasi' }) @IsOptional() overdue?: boolean | null;
  @Field(() => UUID, { nullable: true, description: 'Hanya satu laporan' }) @IsOptional() reportId?: string | null;
}
