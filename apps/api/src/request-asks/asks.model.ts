import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Peringatan: sisa waktu baku SOP (jam kerja, dari sekarang) berakhir setelah batas waktu dari pengirim' })
export class ScheduleWarning {
  @Field(() => Date, { description: 'Kapan SOP selesai bila setiap langkah tersisa memakai waktu bakunya' }) projectedEndAt!: Date;
  @Field(() => Boolean, { description: 'Batas waktu dari pengirim sudah lewat' }) deadlinePassed!: boolean;
  @Field(() => String, { description: 'Peringatan dalam bahasa Indonesia' }) message!: string;
  @Field(() => String, { description: 'The warning in English' }) messageEn!: string;
}
