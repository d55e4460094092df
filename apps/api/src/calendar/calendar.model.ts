import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateOnly } from '../common/scalars';
import { Office } from '../office/office.model';

@ObjectType({ simpleResolvers: true, description: 'Hari libur nasional, cuti bersama, atau libur khusus Dinas' })
export class Holiday {
  @Field(() => DateOnly) date!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'LIBUR_NASIONAL, CUTI_BERSAMA, LIBUR_DINAS' }) kind!: string;
  @Field(() => Boolean, { description: 'true = daftar nasional (SKB 3 Menteri)' }) national!: boolean;
  @Field(() => Boolean, { description: 'true = hari libur nasional yang dibatalkan bagi Dinas ini (kantor tetap buka)' }) cancelled!: boolean;
  @Field(() => DateOnly, { nullable: true, description: 'Tanggal asal bila hari libur ini dipindahkan' }) movedFrom!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Batas waktu langkah yang bergeser karena kalender atau jam kerja berubah' })
export class DueTimeChange {
  @Field(() => ID) requestId!: string;
  @Field(() => String) letterNumber!: string;
  @Field(() => Int) step!: number;
  @Field(() => Date) before!: Date;
  @Field(() => Date) after!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Hasil perubahan kalender: hari libur/jam kerja yang berlaku dan batas waktu yang bergeser' })
export class CalendarChange {
  @Field(() => Holiday, { nullable: true }) holiday!: Holiday | null;
  @Field(() => Office, { nullable: true }) office!: Office | null;
  @Field(() => [DueTimeChange], { description: 'Langkah terbuka yang batas waktunya dihitung ulang' }) dueTimeChanges!: DueTimeChange[];
}

@ObjectType({ simpleResolvers: true, description: 'Peringatan kalender untuk administrator' })
export class CalendarWarning {
  @Field(() => Int) year!: number;
  @Field(() => String) message!: string;
  @Field(() => String) messageEn!: string;
}
