import { IsUrl, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { bi } from '../common/validation';
import { WebhookDeliveryStatus } from '../common/enums';

@ObjectType({ simpleResolvers: true, description: 'Satu percobaan pengiriman webhook' })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Sama untuk setiap percobaan satu peristiwa (X-Sipedaki-Delivery)' }) eventId!: string;
  @Field(() => String) event!: string;
  @Field(() => Int) attempt!: number;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { nullable: true }) responseStatus!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) nextAttemptAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'Alamat penerima webhook Dinas ini (tanpa rahasia)' })
export class WebhookEndpoint {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) removedAt!: Date | null;
  @Field(() => [WebhookDelivery], { description: '20 percobaan terakhir, terbaru dahulu' }) recentDeliveries!: WebhookDelivery[];
}

@ObjectType({ simpleResolvers: true })
export class RegisteredWebhookEndpoint {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field(() => String, { description: 'Kunci HMAC, hanya ditampilkan sekali ini' }) secret!: string;
}

@InputType()
export class RegisterWebhookInput {
  @Field(() => String, { description: 'https://… (http:// hanya bila WEBHOOK_ALLOW_HTTP)' })
  @Length(8, 2000, bi('Alamat URL wajib diisi (maksimal 2000 karakter)', 'The URL is required (at most 2000 characters)'))
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, bi('Alamat URL tidak valid', 'Not a valid URL'))
  url!: string;
}
