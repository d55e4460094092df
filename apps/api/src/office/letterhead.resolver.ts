import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { capabilityRoles } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { SetLetterheadInput } from './letterhead.input';
import { Letterhead, LetterheadLogo } from './letterhead.model';
import { Office } from './office.model';
import type { OfficeKopColumns } from './letterhead';

type OfficeRow = Office & OfficeKopColumns & { logoDocumentId: string | null };

@Resolver(() => Office)
export class LetterheadResolver {
  @FieldResolver(() => Letterhead, { description: 'Kop surat pada dokumen PDF yang diterbitkan' })
  async letterhead(@Root() office: OfficeRow, @Ctx() ctx: GqlContext): Promise<Letterhead> {
    const logo = await ctx.services.letterheads.logoOf(office);
    return {
      ...ctx.services.letterheads.view(office),
      logo: logo ? { documentId: logo.id, mimeType: logo.mimeType, size: logo.size, sha256: logo.sha256, storageKey: logo.storageKey } : null,
    };
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => Office, { description: 'Atur kop surat Dinas (pemerintah daerah, nama Dinas, alamat, kontak, tempat, logo)' })
  setLetterhead(@Arg('input', () => SetLetterheadInput) input: SetLetterheadInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.letterheads.set(actor, input);
  }
}

@Resolver(() => LetterheadLogo)
export class LetterheadLogoResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Gambar sebagai data: URL (untuk pratinjau); null bila berkasnya tidak ada di penyimpanan' })
  dataUrl(@Root() logo: LetterheadLogo, @Ctx() ctx: GqlContext): Promise<string | null> {
    return ctx.services.letterheads.logoDataUrl(logo);
  }
}
