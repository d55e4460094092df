import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { DocumentKind } from '../common/enums';

@ObjectType({ simpleResolvers: true, description: 'Hasil verifikasi salinan dokumen terbitan SIPEDAKI (publik)' })
export class DocumentVerification {
  @Field(() => String) code!: string;
  @Field(() => Boolean, { description: 'Kode terdaftar' }) found!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'SHA-256 salinan sama dengan softcopy yang tersimpan' }) matches!: boolean | null;
  @Field(() => DocumentKind, { nullable: true }) kind!: DocumentKind | null;
  @Field(() => String, { nullable: true }) kindLabel!: string | null;
  @Field(() => String, { nullable: true }) filename!: string | null;
  @Field(() => String, { nullable: true }) officeName!: string | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => Date, { nullable: true }) issuedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 softcopy yang tersimpan' }) sha256!: string | null;
  @Field(() => Int, { nullable: true }) size!: number | null;
}

@Resolver()
export class VerifyResolver {
  @Query(() => DocumentVerification, { description: 'Publik: apakah salinan (SHA-256-nya) sama dengan dokumen terbitan berkode ini' })
  verifyDocument(@Arg('code', () => String) code: string, @Arg('sha256', () => String) sha256: string, @Ctx() ctx: GqlContext) {
    return ctx.services.reports.verify(code.slice(0, 40), sha256);
  }
}
