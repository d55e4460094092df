import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { Polarity } from '../common/enums';
import { UUID } from '../common/scalars';
import { bi, TrimmedLength } from '../common/validation';
import { IsIndicatorValue } from '../common/validators';

const CHOOSE_BIDANG = bi('Pilih sedikitnya satu Bidang (paling banyak 100)', 'Choose at least one Bidang (at most 100)');

@InputType({ description: 'Bidang yang dimintai data oleh permintaan ini (sebelum format dikirim, langkah 3)' })
export class SetRequestBidangInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => [UUID], { description: 'Bidang yang dipilih; sedikitnya satu' })
  @ArrayMinSize(1, CHOOSE_BIDANG)
  @ArrayMaxSize(100, CHOOSE_BIDANG)
  bidangIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Versi permintaan yang terakhir dilihat; bila berbeda, CONFLICT' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType({ description: 'Indikator khusus untuk satu permintaan (di luar daftar IKU), ditanyakan kepada Bidang yang dipilih' })
export class AddAdHocIndicatorInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => String)
  @TrimmedLength(3, 500, bi('Nama indikator wajib diisi (3–500 karakter)', 'The indicator name is required (3–500 characters)'))
  name!: string;

  @Field(() => String)
  @TrimmedLength(1, 50, bi('Satuan wajib diisi (maks. 50 karakter)', 'The unit (satuan) is required (at most 50 characters)'))
  satuan!: string;

  @Field(() => Polarity) polarity!: Polarity;

  @Field(() => Number, { nullable: true, description: 'Target untuk periode permintaan; kosong = tanpa target (capaian tidak dihitung)' })
  @IsOptional()
  @IsIndicatorValue('Target')
  target?: number | null;

  @Field(() => Number, { nullable: true, description: 'Batas atas, hanya untuk indikator RANGE dengan target' })
  @IsOptional()
  @IsIndicatorValue('Batas atas target')
  targetUpper?: number | null;

  @Field(() => [UUID], { description: 'Bidang yang ditanya (dari Bidang permintaan ini); satu baris indikator per Bidang' })
  @ArrayMinSize(1, CHOOSE_BIDANG)
  @ArrayMaxSize(100, CHOOSE_BIDANG)
  bidangIds!: string[];

  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}

@InputType({ description: 'Menghapus indikator khusus dari permintaan (sebelum format dikirim)' })
export class RemoveAdHocIndicatorInput {
  @Field(() => UUID) requestId!: string;
  @Field(() => UUID) indicatorId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}

@InputType({ description: 'Batas waktu dari pengirim surat' })
export class SetRequesterDeadlineInput {
  @Field(() => UUID) requestId!: string;

  @Field(() => Date, { nullable: true, description: 'Batas waktu dari pengirim; kosong = tidak ada' })
  @IsOptional()
  requesterDeadline?: Date | null;

  @Field(() => Int, { nullable: true }) @IsOptional() expectedVersion?: number | null;
}
