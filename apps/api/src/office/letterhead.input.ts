import { IsBoolean, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { bi, TrimmedLength } from '../common/validation';

@InputType({ description: 'Logo kop surat: gambar PNG atau JPEG (maksimal 512 KB, 2000 × 2000 piksel) dalam base64' })
export class LetterheadLogoInput {
  @Field(() => String, { description: 'Isi berkas dalam base64 (boleh diawali data:image/png;base64,)' })
  @MaxLength(800_000, bi('Logo maksimal 512 KB', 'The logo may be at most 512 KB'))
  contentBase64!: string;
}

@InputType({ description: 'Kop surat Dinas pada setiap dokumen PDF yang diterbitkan' })
export class SetLetterheadInput {
  @Field(() => String, { description: 'Pemerintah daerah, mis. "Pemerintah Kabupaten Nganjuk" (dicetak dengan huruf kapital)' })
  @TrimmedLength(3, 150, bi('Pemerintah daerah wajib diisi (3–150 karakter)', 'The regional government is required (3–150 characters)'))
  government!: string;

  @Field(() => String, { description: 'Nama Dinas, mis. "Dinas Pemberdayaan Masyarakat dan Desa" (dicetak dengan huruf kapital)' })
  @TrimmedLength(3, 200, bi('Nama Dinas wajib diisi (3–200 karakter)', 'The agency name is required (3–200 characters)'))
  agency!: string;

  @Field(() => String, { nullable: true, description: 'Alamat kantor, mis. "Jl. Dermojoyo No. 17, Nganjuk 64411"; kosong = tidak dicetak' })
  @IsOptional() @MaxLength(300, bi('Alamat maksimal 300 karakter', 'The address may have at most 300 characters'))
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Telepon/faksimile, mis. "(0358) 321417"' })
  @IsOptional() @Matches(/^\s*$|^[0-9+()./\-\s]{5,60}$/, bi('Telepon: angka, spasi dan ( ) + - . / saja (5–60 karakter)', 'Phone: digits, spaces and ( ) + - . / only (5–60 characters)'))
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Pos-el (e-mail) Dinas' })
  @IsOptional() @MaxLength(200, bi('Pos-el maksimal 200 karakter', 'The e-mail address may have at most 200 characters'))
  @Matches(/^\s*$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, bi('Alamat pos-el tidak valid', 'Invalid e-mail address'))
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Laman (situs web), mis. "dpmd.nganjukkab.go.id"' })
  @IsOptional() @Matches(/^\s*$|^(https?:\/\/)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(\/\S*)?$/, bi('Alamat laman tidak valid (mis. dpmd.nganjukkab.go.id)', 'Invalid website address (e.g. dpmd.nganjukkab.go.id)'))
  @MaxLength(200, bi('Laman maksimal 200 karakter', 'The website may have at most 200 characters'))
  website?: string | null;

  @Field(() => String, { description: 'Tempat penandatanganan, mis. "Nganjuk" (dicetak sebelum tanggal di bawah tanda tangan)' })
  @TrimmedLength(2, 80, bi('Tempat penandatanganan wajib diisi (2–80 karakter)', 'The place of signing is required (2–80 characters)'))
  city!: string;

  @Field(() => LetterheadLogoInput, { nullable: true, description: 'Logo baru (mengganti yang lama); kosong = logo tetap' })
  @IsOptional() @ValidateNested()
  logo?: LetterheadLogoInput | null;

  @Field(() => Boolean, { nullable: true, description: 'true = hapus logo dari kop (berkas lama tetap tersimpan sebagai arsip)' })
  @IsOptional() @IsBoolean(bi('Harus true atau false', 'Must be true or false'))
  removeLogo?: boolean | null;
}
