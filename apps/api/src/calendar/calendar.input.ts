import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateOnly } from '../common/scalars';

@InputType({ description: 'Hari libur atau cuti bersama khusus Dinas ini' })
export class AddHolidayInput {
  @Field(() => DateOnly) date!: string;
  @Field(() => String) @Length(2, 200, { message: 'Nama hari libur 2–200 karakter' }) name!: string;
}

@InputType({ description: 'Pindahkan hari libur (nasional atau Dinas) ke tanggal lain, misalnya karena Keputusan Menteri Agama' })
export class MoveHolidayInput {
  @Field(() => DateOnly, { description: 'Tanggal yang tercatat sekarang' }) fromDate!: string;
  @Field(() => DateOnly, { description: 'Tanggal baru' }) toDate!: string;
  @Field(() => String, { nullable: true, description: 'Nama baru; kosong = tetap' }) @IsOptional() @Length(2, 200, { message: 'Nama hari libur 2–200 karakter' }) name?: string | null;
  @Field(() => String, { description: 'Dasar perubahan, misalnya nomor Keputusan Menteri Agama' }) @Length(5, 500, { message: 'Dasar perubahan wajib diisi (5–500 karakter)' }) reason!: string;
}

@InputType({ description: 'Hapus hari libur Dinas, atau batalkan hari libur nasional bagi Dinas ini' })
export class RemoveHolidayInput {
  @Field(() => DateOnly) date!: string;
  @Field(() => String, { description: 'Dasar perubahan' }) @Length(5, 500, { message: 'Dasar perubahan wajib diisi (5–500 karakter)' }) reason!: string;
}

@InputType({ description: 'Jam kerja satu hari (ISO: 1 = Senin … 7 = Minggu)' })
export class OfficeDayInput {
  @Field(() => Int) @Min(1) @Max(7) weekday!: number;
  @Field(() => String) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam mulai berformat HH:MM' }) start!: string;
  @Field(() => String) @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'Jam selesai berformat HH:MM' }) end!: string;
}

@InputType({ description: 'Jam kerja Dinas; hari yang tidak disebut = libur' })
export class OfficeHoursInput {
  @Field(() => Int, { description: 'WIB 420, WITA 480, WIT 540' }) @IsIn([420, 480, 540], { message: 'Zona waktu: WIB (420), WITA (480) atau WIT (540)' }) utcOffsetMinutes!: number;
  @Field(() => [OfficeDayInput]) @ArrayNotEmpty({ message: 'Minimal satu hari kerja' }) @ArrayMaxSize(7) @ValidateNested({ each: true }) days!: OfficeDayInput[];
}
