import { submissionActionRoles } from '@sipedaki/sop';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { BidangSubmission } from './submission.model';
import { ReturnSubmissionInput, SaveSubmissionInput, SubmissionActionInput } from './submission.input';
import { UUID } from '../common/scalars';

@Resolver(() => BidangSubmission)
export class SubmissionResolver {
  @Authorized()
  @Query(() => BidangSubmission, { description: 'Satu kiriman Bidang (pengguna Bidang: hanya milik Bidangnya)' })
  submission(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.get(actor, id);
  }

  @Authorized(...submissionActionRoles('SAVE_DRAFT'))
  @Mutation(() => BidangSubmission, { description: 'Simpan draf realisasi dan narasi Bidang' })
  saveSubmission(@Arg('input', () => SaveSubmissionInput) input: SaveSubmissionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.save(actor, input);
  }

  @Authorized(...submissionActionRoles('SUBMIT'))
  @Mutation(() => BidangSubmission, { description: 'Kirim data Bidang kepada Kasubbag (langkah 4)' })
  submitSubmission(@Arg('input', () => SubmissionActionInput) input: SubmissionActionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.act(actor, 'SUBMIT', input.submissionId, input.expectedVersion);
  }

  @Authorized(...submissionActionRoles('RETURN'))
  @Mutation(() => BidangSubmission, { description: 'Kembalikan kiriman Bidang dengan alasan' })
  returnSubmission(@Arg('input', () => ReturnSubmissionInput) input: ReturnSubmissionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.act(actor, 'RETURN', input.submissionId, input.expectedVersion, input.reason);
  }

  @Authorized(...submissionActionRoles('ACCEPT'))
  @Mutation(() => BidangSubmission, { description: 'Terima kiriman Bidang' })
  acceptSubmission(@Arg('input', () => SubmissionActionInput) input: SubmissionActionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.act(actor, 'ACCEPT', input.submissionId, input.expectedVersion);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Hapus lampiran dari kiriman yang masih dapat diubah' })
  removeDocument(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.documents.remove(actor, id);
  }
}
