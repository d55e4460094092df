import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_MONITORING_TEXT } from '@sipedaki/sop';
import { Role } from '../common/enums';
import { bi } from '../common/validation';

/** Penilaian terhadap penerapan (packages/sop SopAssessment). */
export const SopAssessment = { RUNS_WELL: 'RUNS_WELL', NOT_RUNNING_WELL: 'NOT_RUNNING_WELL' } as const;
registerEnumType(SopAssessment, { name: 'SopAssessment', description: 'Berjalan dengan baik / tidak berjalan dengan baik' });

@ObjectType({ simpleResolvers: true })
export class SopLateByRole {
  @Field(() => Role) role!: string;
  @Field(() => String, { description: 'Nama peran, mis. "Sekretaris Dinas"' }) label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Satu bulan pada grafik waktu nyata vs standar' })
export class SopMonthPoint {
  @Field(() => String, { description: 'YYYY-MM (waktu setempat)' }) month!: string;
  @Field(() => Int) runs!: number;
  @Field(() => Float, { nullable: true, description: 'Median menit kerja pelaksanaan yang dimulai bulan ini' }) medianMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Fakta satu langkah SOP dalam periode: semua dalam menit kerja' })
export class SopStepMonitoring {
  @Field(() => Int) step!: number;
  @Field(() => String) activity!: string;
  @Field(() => Float) standardMinutes!: number;
  @Field(() => String, { description: 'mis. "5 menit", "2 hari"' }) standardLabel!: string;
  @Field(() => Int, { description: 'Pelaksanaan yang selesai' }) runs!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) openOverdue!: number;
  @Field(() => Float, { nullable: true }) medianMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Persentil 90 (seperti PERCENTILE.INC di Excel)' }) p90Minutes!: number | null;
  @Field(() => Int) late!: number;
  @Field(() => Float, { nullable: true }) lateSharePercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median menit kerja lewat batas dari yang terlambat' }) lateMedianMinutes!: number | null;
  @Field(() => Float, { nullable: true }) lateMaxMinutes!: number | null;
  @Field(() => [SopLateByRole]) lateByRole!: SopLateByRole[];
  @Field(() => String, { description: 'Fakta dalam kalimat, tanpa penilaian' }) facts!: string;
  @Field(() => [SopMonthPoint]) monthly!: SopMonthPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'Penyerahan dan pengembalian data satu Bidang dalam periode' })
export class SopBidangMonitoring {
  @Field(() => ID) bidangId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Format yang diterima' }) requests!: number;
  @Field(() => Int) handedIn!: number;
  @Field(() => Int, { description: 'Penyerahan pertama melewati batas langkah 4' }) late!: number;
  @Field(() => Int) returns!: number;
}

@ObjectType({ simpleResolvers: true })
export class SopMonitoringRow {
  @Field(() => Int) step!: number;
  @Field(() => SopAssessment, { nullable: true }) assessment!: string | null;
  @Field(() => String, { nullable: true, description: 'Catatan hasil penilaian' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Tindakan yang harus diambil' }) action!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class SopEvaluationAnswer {
  @Field(() => Int) no!: number;
  @Field(() => String) question!: string;
  @Field(() => Boolean, { nullable: true, description: 'Ya (true) / Tidak (false); kosong = belum dijawab' }) answer!: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class SopMonitoringProblem {
  @Field(() => String) field!: string;
  @Field(() => String) message!: string;
  @Field(() => String) messageEn!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Monitoring Pelaksanaan SOP AP satu periode: fakta tercatat dan penilaian' })
export class SopMonitoring {
  @Field(() => ID, { nullable: true, description: 'Kosong sebelum disimpan pertama kali' }) id!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: '1 atau 2; kosong = setahun' }) semester!: number | null;
  @Field(() => String, { description: 'mis. "Semester I 2026"' }) label!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date, { description: 'Akhir periode (tidak termasuk)' }) to!: Date;
  @Field(() => [String]) months!: string[];
  @Field(() => Int, { description: 'Permintaan yang langkah 1-nya dimulai dalam periode' }) requestCount!: number;
  @Field(() => Int, { description: 'Laporan yang dikembalikan' }) reportReturns!: number;
  @Field(() => [SopStepMonitoring]) steps!: SopStepMonitoring[];
  @Field(() => [SopBidangMonitoring]) bidang!: SopBidangMonitoring[];
  @Field(() => Boolean, { description: 'Fakta dibekukan saat paraf' }) frozen!: boolean;
  @Field(() => Date) computedAt!: Date;
  @Field(() => Int, { description: '0 sebelum disimpan; kirim sebagai expectedVersion' }) version!: number;
  @Field(() => [SopMonitoringRow]) rows!: SopMonitoringRow[];
  @Field(() => [SopEvaluationAnswer]) answers!: SopEvaluationAnswer[];
  @Field(() => Date, { nullable: true }) signedAt!: Date | null;
  @Field(() => String, { nullable: true }) evaluatorName!: string | null;
  @Field(() => Boolean, { description: 'Pemanggil dapat mengubah dan memaraf' }) editable!: boolean;
  @Field(() => [SopMonitoringProblem], { description: 'Yang masih kurang untuk paraf' }) missing!: SopMonitoringProblem[];
}

const YEAR_MSG = bi('Tahun harus antara 2000 dan 2100', 'The year must be between 2000 and 2100');
const SEM_MSG = bi('Semester harus 1 atau 2 (kosong = setahun)', 'The semester must be 1 or 2 (empty = the whole year)');

@InputType()
export class SopMonitoringRowInput {
  @Field(() => Int) @IsInt(bi('Langkah harus bilangan bulat', 'The step must be a whole number')) @Min(1, bi('Langkah 1–7', 'Step 1–7')) @Max(7, bi('Langkah 1–7', 'Step 1–7')) step!: number;
  @Field(() => SopAssessment, { nullable: true }) @IsOptional() @IsIn(Object.values(SopAssessment), bi('Penilaian tidak dikenal', 'Unknown assessment')) assessment?: 'RUNS_WELL' | 'NOT_RUNNING_WELL' | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_MONITORING_TEXT, bi(`Catatan paling banyak ${MAX_MONITORING_TEXT} karakter`, `The note has at most ${MAX_MONITORING_TEXT} characters`)) note?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_MONITORING_TEXT, bi(`Tindakan paling banyak ${MAX_MONITORING_TEXT} karakter`, `The action has at most ${MAX_MONITORING_TEXT} characters`)) action?: string | null;
}

@InputType()
export class SopEvaluationAnswerInput {
  @Field(() => Int) @IsInt(bi('Nomor pertanyaan harus bilangan bulat', 'The question number must be a whole number')) @Min(1, bi('Pertanyaan 1–7', 'Question 1–7')) @Max(7, bi('Pertanyaan 1–7', 'Question 1–7')) no!: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean(bi('Jawaban Ya atau Tidak', 'Answer Yes or No')) answer?: boolean | null;
}

@InputType({ description: 'Penilaian monitoring SOP satu periode (draf: penilaian boleh kosong)' })
export class SaveSopMonitoringInput {
  @Field(() => Int) @Min(2000, YEAR_MSG) @Max(2100, YEAR_MSG) year!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsIn([1, 2], SEM_MSG) semester?: number | null;
  @Field(() => Int, { description: 'Versi yang dibaca (0 bila belum pernah disimpan)' }) @Min(0, bi('Versi tidak valid', 'Invalid version')) expectedVersion!: number;
  @Field(() => [SopMonitoringRowInput]) @ArrayMaxSize(7, bi('Paling banyak 7 langkah', 'At most 7 steps')) @ValidateNested({ each: true }) rows!: SopMonitoringRowInput[];
  @Field(() => [SopEvaluationAnswerInput]) @ArrayMaxSize(7, bi('Paling banyak 7 jawaban', 'At most 7 answers')) @ValidateNested({ each: true }) answers!: SopEvaluationAnswerInput[];
}

@InputType({ description: 'Paraf penilai atas monitoring satu periode' })
export class SignSopMonitoringInput {
  @Field(() => Int) @Min(2000, YEAR_MSG) @Max(2100, YEAR_MSG) year!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsIn([1, 2], SEM_MSG) semester?: number | null;
  @Field(() => Int) @Min(1, bi('Versi tidak valid', 'Invalid version')) expectedVersion!: number;
}
