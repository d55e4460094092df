import { ArrayMaxSize, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type NotificationChannel as SopChannel, type NotificationEvent as SopEvent } from '@sipedaki/sop';
import { PageInfo } from '../data-request/data-request.model';
import { bi } from '../common/validation';

export const NotificationEvent = Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, e])) as { [K in SopEvent]: K };
export type NotificationEvent = SopEvent;
registerEnumType(NotificationEvent, { name: 'NotificationEvent', description: 'Jenis pemberitahuan' });
export const NotificationChannel = Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, c])) as { [K in SopChannel]: K };
export type NotificationChannel = SopChannel;
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'Saluran: dalam aplikasi, e-mail, WhatsApp, SMS' });

@ObjectType({ simpleResolvers: true, description: 'Satu pemberitahuan untuk pengguna yang masuk (judul dan isi dalam bahasa Indonesia dan Inggris)' })
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationEvent) event!: NotificationEvent;
  @Field(() => String) title!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => String) body!: string;
  @Field(() => String) bodyEn!: string;
  @Field(() => String, { nullable: true, description: 'Halaman yang dibuka, mis. /permintaan/<id>' }) link!: string | null;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Boolean) read!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class NotificationEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Notification) node!: Notification;
}

@ObjectType({ simpleResolvers: true, description: 'Halaman pemberitahuan, terbaru dahulu' })
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges!: NotificationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Jumlah yang belum dibaca (seluruhnya, bukan hanya halaman ini)' }) unreadCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Saluran per jenis pemberitahuan' })
export class NotificationEventChannels {
  @Field(() => NotificationEvent) event!: NotificationEvent;
  @Field(() => Boolean, { description: 'Dikirim juga di luar jam kerja (eskalasi, akun)' }) urgent!: boolean;
  @Field(() => [NotificationChannel], { nullable: true, description: 'Pilihan pengguna (EMAIL/WHATSAPP/SMS); kosong = bawaan' }) chosen!: NotificationChannel[] | null;
  @Field(() => [NotificationChannel], { description: 'Yang berlaku sekarang: IN_APP selalu, ditambah pilihan yang dapat dijangkau' }) channels!: NotificationChannel[];
}

@ObjectType({ simpleResolvers: true, description: 'Saluran yang diatur di server ini' })
export class AvailableChannels {
  @Field(() => Boolean) email!: boolean;
  @Field(() => Boolean) whatsapp!: boolean;
  @Field(() => Boolean) sms!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Pengaturan pemberitahuan pengguna yang masuk' })
export class NotificationPreferences {
  @Field(() => String, { description: 'id atau en: bahasa e-mail dan WhatsApp' }) language!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Nomor HP (E.164, +62…)' }) phone!: string | null;
  @Field(() => Boolean) phoneVerified!: boolean;
  @Field(() => Boolean) phoneVerificationPending!: boolean;
  @Field(() => AvailableChannels) available!: AvailableChannels;
  @Field(() => [NotificationEventChannels]) events!: NotificationEventChannels[];
}

@InputType()
export class EventChannelsInput {
  @Field(() => NotificationEvent) event!: NotificationEvent;
  @Field(() => [NotificationChannel], { description: 'EMAIL, WHATSAPP, SMS; [] = dalam aplikasi saja' })
  @ArrayMaxSize(3, bi('Paling banyak tiga saluran', 'At most three channels'))
  channels!: NotificationChannel[];
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['id', 'en'], bi('Pilih id atau en', 'Choose id or en'))
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Kosong = hapus' })
  @IsOptional()
  @MaxLength(254, bi('Alamat e-mail terlalu panjang', 'The e-mail address is too long'))
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Nomor HP; kosong = hapus. Nomor baru harus diverifikasi lagi' })
  @IsOptional()
  @MaxLength(30, bi('Nomor HP terlalu panjang', 'The phone number is too long'))
  phone?: string | null;

  @Field(() => [EventChannelsInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, bi('Terlalu banyak isian', 'Too many entries'))
  channels?: EventChannelsInput[] | null;
}

@InputType()
export class VerifyPhoneInput {
  @Field(() => String)
  @Length(6, 6, bi('Kode terdiri dari 6 angka', 'The code has 6 digits'))
  code!: string;
}
