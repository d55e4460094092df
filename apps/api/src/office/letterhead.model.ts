import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Logo kop surat (dokumen Dinas, PNG/JPEG)' })
export class LetterheadLogo {
  @Field(() => ID, { description: 'Dokumen tersimpan; unduh di /api/documents/:id' }) documentId!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => Int) size!: number;
  @Field(() => String) sha256!: string;
  // Exposed as `dataUrl` by LetterheadResolver (read only when asked for).
  storageKey!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Kop surat yang dicetak pada dokumen PDF; yang belum diatur diisi dari nama Dinas dan kabupaten/kota' })
export class Letterhead {
  @Field(() => String, { description: 'Baris pemerintah daerah (dicetak kapital)' }) government!: string;
  @Field(() => String, { description: 'Baris nama Dinas (dicetak kapital)' }) agency!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { description: 'Tempat sebelum tanggal di bawah tanda tangan' }) city!: string;
  @Field(() => Boolean, { description: 'false = belum diatur administrator (nilai bawaan)' }) configured!: boolean;
  @Field(() => LetterheadLogo, { nullable: true }) logo!: LetterheadLogo | null;
}
