import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pemdaRoles } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { UUID } from '../common/scalars';
import { IssuePemdaRequestInput } from './pemda-request.input';
import { PemdaRequest, PemdaRequestOffice } from './pemda-request.model';
import type { PemdaRequestModel } from './pemda-request.service';

@Resolver(() => PemdaRequest)
export class PemdaRequestResolver {
  @Authorized(...pemdaRoles('ISSUE_REQUEST'))
  @Mutation(() => PemdaRequest, { description: 'Analis Pemda (Bappeda/Inspektorat) mengirim satu surat permintaan data kepada perangkat daerah yang dipilih; di tiap Dinas surat itu terdaftar pada langkah 1 (Sekretaris)' })
  issuePemdaRequest(@Arg('input', () => IssuePemdaRequestInput) input: IssuePemdaRequestInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemdaRequests.issue(actor, input);
  }

  @Authorized(...pemdaRoles('READ'))
  @Query(() => [PemdaRequest], { description: 'Permintaan data pemda ini, terbaru dahulu (maksimal 200)' })
  pemdaRequests(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemdaRequests.list(actor, first);
  }

  @Authorized(...pemdaRoles('READ'))
  @Query(() => PemdaRequest)
  pemdaRequest(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemdaRequests.get(actor, id);
  }

  @FieldResolver(() => [PemdaRequestOffice], { description: 'Kemajuan di tiap Dinas: langkah berjalan, langkah terlambat, dan bila selesai laporan final serta angkanya' })
  offices(@Root() p: PemdaRequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.pemdaRequests.offices(actor, p);
  }
}
