import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateOnly } from '../common/scalars';
import { bi } from '../common/validation';

const HOLIDAY_NAME = bi('Nama hari libur wajib diisi (2–200 karakter)', 'The holiday name is required (2–200 characters)');
const REASON = bi('Dasar perubahan wajib diisi (5–500 karakter)', 'The basis for the change is required (5–500 characters)');

@InputType({ description: 'Hari libur atau cuti bersama khusus Dinas ini' })
export class AddHolidayInput {
  @Field(() => DateOnly) date!: string;
  @Field(() => String) @Length(2, 200, HOLIDAY_NAME) name!: string;
}

@InputType({ description: 'Pindahkan hari libur (nasional atau Dinas) ke tanggal lain, misalnya karena Keputusan Menteri Agama' })
export class MoveHolidayInput {
  @Field(() => DateOnly, { description: 'Tanggal yang tercatat sekarang' }) fromDate!: string;
  @Field(() => DateOnly, { description: 'Tanggal baru' }) toDate!: string;
  @Field(() => String, { nullable: true, description: 'Nama baru; kosong = tetap' }) @IsOptional() @Length(2, 200, HOLIDAY_NAME) name?: string | null;
  @Field(() => String, { description: 'Dasar perubahan, misalnya nomor Keputusan Menteri Agama' }) @Length(5, 500, REASON) reason!: string;
}

@InputType({ description: 'Hapus hari libur Dinas, atau batalkan hari libur nasional bagi Dinas ini' })
export class RemoveHolidayInput {
  @Field(() => DateOnly) date!: string;
  @Field(() => String, { description: 'Dasar perubahan' }) @Length(5, 500, REASON) reason!: string;
}

@InputType({ description: 'Jam kerja satu hari (ISO: 1 = Senin … 7 = Minggu)' })
export class OfficeDayInput {
  @Field(() => Int) @Min(1, bi('Hari 1 (Senin) sampai 7 (Minggu)', 'The weekday is 1 (Monday) to 7 (Sunday)')) @Max(7, bi('Hari 1 (Senin) sampai 7 (Minggu)', 'The weekday is 1 (Monday) to 7 (Sunday)')) weekday!: number;
  @Field(() => String) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, bi('Jam mulai berformat HH:MM', 'The start time is written HH:MM')) start!: string;
  @Field(() => String) @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, bi('Jam selesai berformat HH:MM', 'The end time is written HH:MM (24:00 allowed)')) end!: string;
}

@InputType({ description: 'Jam kerja Dinas; hari yang tidak disebut = libur' })
export class OfficeHoursInput {
  @Field(() => Int, { description: 'WIB 420, WITA 480, WIT 540' }) @IsIn([420, 480, 540], bi('Zona waktu: WIB (420), WITA (480) atau WIT (540)', 'Time zone: WIB (420), WITA (480) or WIT (540)')) utcOffsetMinutes!: number;
  @Field(() => [OfficeDayInput]) @ArrayNotEmpty(bi('Minimal satu hari kerja', 'At least one working day')) @ArrayMaxSize(7, bi('Paling banyak 7 hari', 'At most 7 days')) @ValidateNested({ each: true }) days!: OfficeDayInput[];
}
