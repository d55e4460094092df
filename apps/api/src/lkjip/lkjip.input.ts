import { ArrayMaxSize, IsInt, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { MAX_BUDGET_ROWS, MAX_LKJIP_TEXT } from '@sipedaki/sop';
import { UUID } from '../common/scalars';
import { bi } from '../common/validation';

const YEAR = bi('Tahun 2000–2100', 'Year 2000–2100');
const VERSION = bi('Versi tidak valid', 'Invalid version');
const TEXT = bi(`Paling banyak ${MAX_LKJIP_TEXT} karakter`, `At most ${MAX_LKJIP_TEXT} characters`);
const AMOUNT = bi('Harus angka', 'Must be a number');

@InputType({ description: 'Hitung (ulang) draf dari analisis beku tahun itu: versi baru; narasi dan Bab III B versi sebelumnya dibawa' })
export class GenerateLkjipDraftInput {
  @Field(() => Int) @IsInt(YEAR) @Min(2000, YEAR) @Max(2100, YEAR) year!: number;
  @Field(() => Int, { description: 'Versi terbaru yang dibaca (0 bila belum ada draf)' }) @IsInt(VERSION) @Min(0, VERSION) expectedVersion!: number;
}

@InputType({ description: 'Narasi satu Sasaran; teks kosong = tidak diisi' })
export class LkjipNarrativeInput {
  @Field(() => UUID) sasaranId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_LKJIP_TEXT, TEXT) causes?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_LKJIP_TEXT, TEXT) obstacles?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_LKJIP_TEXT, TEXT) solutions?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_LKJIP_TEXT, TEXT) efficiency?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_LKJIP_TEXT, TEXT) programmes?: string | null;
}

@InputType({ description: 'Satu program Bab III B (angka dibaca SPA dengan format id-ID, dikirim sebagai bilangan)' })
export class LkjipBudgetRowInput {
  @Field(() => String) @MaxLength(1000, bi('Nama program terlalu panjang', 'The programme name is too long')) programme!: string;
  @Field(() => Float) @IsNumber({}, AMOUNT) pagu!: number;
  @Field(() => Float) @IsNumber({}, AMOUNT) realisasi!: number;
}

@InputType({ description: 'Simpan narasi dan/atau Bab III B sebagai versi baru. Angka tabel tidak dapat diubah.' })
export class SaveLkjipDraftInput {
  @Field(() => Int) @IsInt(YEAR) @Min(2000, YEAR) @Max(2100, YEAR) year!: number;
  @Field(() => Int, { description: 'Versi terbaru yang dibaca' }) @IsInt(VERSION) @Min(1, VERSION) expectedVersion!: number;
  @Field(() => [LkjipNarrativeInput], { nullable: true, description: 'Narasi Sasaran yang diubah; Sasaran yang tidak disebut tetap. Kosong = tidak diubah' })
  @IsOptional() @ArrayMaxSize(200, bi('Terlalu banyak Sasaran', 'Too many Sasaran')) @ValidateNested({ each: true }) narratives?: LkjipNarrativeInput[] | null;
  @Field(() => [LkjipBudgetRowInput], { nullable: true, description: 'Seluruh Bab III B (menggantikan); kosong = tidak diubah' })
  @IsOptional() @ArrayMaxSize(MAX_BUDGET_ROWS, bi(`Paling banyak ${MAX_BUDGET_ROWS} program`, `At most ${MAX_BUDGET_ROWS} programmes`)) @ValidateNested({ each: true }) budget?: LkjipBudgetRowInput[] | null;
}
