import { MaxLength, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { User } from '../office/office.model';
import { DateOnly, UUID } from '../common/scalars';
import { bi } from '../common/validation';

@ObjectType({ simpleResolvers: true, description: 'Satu perubahan: nilai lama → nilai baru' })
export class HistoryChange {
  @Field(() => String, { description: 'Kunci teknis, mis. status atau values.<id>.realisasi' }) field!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Satu catatan riwayat / jejak audit: siapa, kapan, apa, lama → baru' })
export class HistoryEntry {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => User, { nullable: true, description: 'Null: dilakukan sistem' }) actor!: User | null;
  @Field(() => String, { description: 'Kode tindakan, mis. submission.head_approve' }) action!: string;
  @Field(() => String, { description: 'Tindakan dalam bahasa Indonesia' }) label!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => String) entityType!: string;
  @Field(() => String) entityTypeLabel!: string;
  @Field(() => String) entityTypeLabelEn!: string;
  @Field(() => String) entityId!: string;
  @Field(() => String, { nullable: true }) bidangName!: string | null;
  @Field(() => [HistoryChange]) changes!: HistoryChange[];
}

@ObjectType({ simpleResolvers: true, description: 'Satu halaman hasil pencarian jejak audit, terbaru dahulu' })
export class AuditPage {
  @Field(() => [HistoryEntry]) items!: HistoryEntry[];
  @Field(() => Int) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Jenis data yang dapat disaring di jejak audit' })
export class AuditEntityType {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
}

@InputType({ description: 'Saringan jejak audit (semua opsional)' })
export class AuditFilterInput {
  @Field(() => UUID, { nullable: true, description: 'Pengguna yang melakukan' }) actorId?: string | null;
  @Field(() => DateOnly, { nullable: true, description: 'Dari tanggal (hari kantor, inklusif)' }) from?: string | null;
  @Field(() => DateOnly, { nullable: true, description: 'Sampai tanggal (inklusif)' }) until?: string | null;
  @Field(() => String, { nullable: true, description: 'Jenis data (lihat auditEntityTypes)' }) entityType?: string | null;
  @Field(() => String, { nullable: true, description: 'Teks: tindakan, ID, isi catatan, nama pengguna' })
  @IsOptional()
  @MaxLength(200, bi('Teks pencarian maksimal 200 karakter', 'The search text may have at most 200 characters'))
  text?: string | null;
}
