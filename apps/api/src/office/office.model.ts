import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Polarity, Role, TargetMode, ValueKind } from '../common/enums';

@ObjectType({ simpleResolvers: true, description: 'Jam kerja satu hari (ISO: 1 = Senin … 7 = Minggu)' })
export class OfficeDay {
  @Field(() => Int) weekday!: number;
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Satu perangkat daerah (Dinas) / one office' })
export class Office {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) regency!: string;
  @Field(() => Int, { description: 'Selisih dari UTC dalam menit (WIB = 420)' }) utcOffsetMinutes!: number;
  @Field(() => Boolean, { description: 'Kiriman operator Bidang harus disetujui Kepala Bidang sebelum sampai ke sekretariat' }) requireHeadApproval!: boolean;
  // Exposed as `hours` by OfficeResolver.
  officeHours!: unknown;
}

@ObjectType({ simpleResolvers: true, description: 'Bidang (divisi) sebuah Dinas' })
export class Bidang {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int) sortOrder!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Pengguna / user' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String, { nullable: true, description: 'NIP (memuat tanggal lahir dan jenis kelamin); selalu null untuk token layanan (klien mesin)' }) nip!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) jabatan!: string | null;
  @Field(() => [Role], { description: 'Peran tetap (tanpa Plt/Plh)' }) roles!: Role[];
  @Field(() => ID, { nullable: true }) bidangId!: string | null;
  @Field(() => Boolean) active!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Pengguna yang sedang masuk, dengan peran yang berlaku saat ini' })
export class Viewer {
  @Field(() => User) user!: User;
  @Field(() => Office) office!: Office;
  @Field(() => [Role], { description: 'Peran yang berlaku sekarang, termasuk Plt/Plh' }) roles!: Role[];
  @Field(() => [ID], { description: 'Bidang yang boleh diisi pengguna ini' }) bidangIds!: string[];
  @Field(() => Boolean, { description: 'true = harus mengganti kata sandi sementara; sampai itu, hanya me, changePassword dan logout yang dapat dipakai' })
  mustChangePassword!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Target satu Triwulan (1–4) atau setahun (triwulan 0: Perjanjian Kinerja)' })
export class IndicatorTarget {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: '1–4 = Triwulan; 0 = tahunan (Perjanjian Kinerja)' }) triwulan!: number;
  @Field(() => Number) target!: number;
  @Field(() => Number, { nullable: true }) targetUpper!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Indikator kinerja (IKU)' })
export class Indicator {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'Nama Sasaran-nya' }) sasaran!: string;
  @Field(() => ID, { nullable: true }) sasaranId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Periode Renstra Sasaran-nya' }) renstraPeriodId!: string | null;
  @Field(() => ValueKind, { nullable: true, description: 'Jenis nilai yang ditetapkan; null = diturunkan dari satuan' }) valueKind!: ValueKind | null;
  @Field(() => ValueKind, { description: 'Jenis nilai yang berlaku (ditetapkan, atau dari satuan)' }) effectiveValueKind!: ValueKind;
  @Field(() => Boolean) allowAbove100!: boolean;
  @Field(() => TargetMode) targetMode!: TargetMode;
  @Field(() => Number, { nullable: true, description: 'Target akhir periode Renstra' }) renstraTarget!: number | null;
  @Field(() => String) name!: string;
  @Field(() => String) satuan!: string;
  @Field(() => Polarity) polarity!: Polarity;
  @Field(() => ID) bidangId!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => [IndicatorTarget]) targets!: IndicatorTarget[];
}

@ObjectType({ simpleResolvers: true, description: 'Hasil masuk / login result' })
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token; kirim sebagai header Authorization: Bearer <token>' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Viewer) viewer!: Viewer;
}
