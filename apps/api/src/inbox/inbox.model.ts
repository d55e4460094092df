import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DataRequest, RequestAction } from '../data-request/data-request.model';
import { Bidang } from '../office/office.model';

export enum InboxKind {
  REQUEST_STEP = 'REQUEST_STEP',
  FILL_SUBMISSION = 'FILL_SUBMISSION',
  APPROVE_SUBMISSION = 'APPROVE_SUBMISSION',
  REVIEW_SUBMISSION = 'REVIEW_SUBMISSION',
  ACKNOWLEDGE_REPORT = 'ACKNOWLEDGE_REPORT',
  ESCALATION = 'ESCALATION',
}
registerEnumType(InboxKind, { name: 'InboxKind' });

@ObjectType({ simpleResolvers: true, description: 'Sesuatu yang menunggu tindakan pengguna ini' })
export class InboxItem {
  @Field(() => InboxKind) kind!: InboxKind;
  @Field(() => String, { description: 'Judul dalam bahasa Indonesia' }) title!: string;
  @Field(() => String, { description: 'Title in English' }) titleEn!: string;
  @Field(() => DataRequest) request!: DataRequest;
  @Field(() => Int) step!: number;
  @Field(() => [RequestAction]) actions!: RequestAction[];
  @Field(() => ID, { nullable: true }) submissionId!: string | null;
  @Field(() => Bidang, { nullable: true, description: 'Bidang yang kirimannya diisi atau diperiksa; null untuk langkah permintaan' }) bidang!: Bidang | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => Boolean, { description: 'Disposisi ini ditujukan kepada saya secara bernama (ditampilkan lebih dahulu); pemegang peran lain tetap melihatnya' })
  assignedToMe!: boolean;
}
