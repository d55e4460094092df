import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Satu sesi (perangkat) tempat pengguna sedang masuk' })
export class SessionInfo {
  @Field(() => ID) id!: string;
  @Field(() => Date, { description: 'Waktu masuk' }) createdAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Terakhir dipakai (dicatat paling sering sekali per menit)' }) lastSeenAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'User-Agent peramban saat masuk' }) userAgent!: string | null;
  @Field(() => String, { nullable: true, description: 'Alamat IP saat masuk' }) ip!: string | null;
  @Field(() => Boolean, { description: 'true = sesi yang sedang dipakai untuk permintaan ini' }) current!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ChangePasswordPayload {
  @Field(() => Int, { description: 'Jumlah sesi lain yang dicabut' }) revokedSessions!: number;
}
