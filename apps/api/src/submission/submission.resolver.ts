import { submissionActionRoles, capabilityRoles } from '@sipedaki/sop';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { BidangSubmission, SubmissionComparison, SubmissionVersion } from './submission.model';
import { HeadReturnSubmissionInput, ReturnSubmissionInput, SaveSubmissionInput, SubmissionActionInput } from './submission.input';
import { UUID } from '../common/scalars';
import { Office } from '../office/office.model';

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

  @Authorized(...submissionActionRoles('HEAD_APPROVE'))
  @Mutation(() => BidangSubmission, { description: 'Kepala Bidang menyetujui (menandatangani) dan mengirim kepada sekretariat' })
  approveSubmission(@Arg('input', () => SubmissionActionInput) input: SubmissionActionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.act(actor, 'HEAD_APPROVE', input.submissionId, input.expectedVersion);
  }

  @Authorized(...submissionActionRoles('HEAD_RETURN'))
  @Mutation(() => BidangSubmission, { description: 'Kepala Bidang mengembalikan draf kepada operator dengan catatan' })
  headReturnSubmission(@Arg('input', () => HeadReturnSubmissionInput) input: HeadReturnSubmissionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.act(actor, 'HEAD_RETURN', input.submissionId, input.expectedVersion, input.note);
  }

  @Authorized()
  @Query(() => [SubmissionVersion], { description: 'Versi-versi kiriman yang pernah diserahkan kepada sekretariat, terlama dahulu' })
  submissionVersions(@Arg('submissionId', () => UUID) submissionId: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.listVersions(actor, submissionId);
  }

  @Authorized()
  @Query(() => SubmissionComparison, { description: 'Apa yang berubah antara dua versi (bawaan: versi terakhir dibanding versi sebelumnya, yaitu yang dikembalikan)' })
  compareSubmissionVersions(
    @Arg('submissionId', () => UUID) submissionId: string,
    @Arg('from', () => Int, { nullable: true }) from: number | null,
    @Arg('to', () => Int, { nullable: true }) to: number | null,
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
  ) {
    return ctx.services.submissions.compareVersions(actor, submissionId, from, to);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => Office, { description: 'Wajibkan (atau tidak) persetujuan Kepala Bidang sebelum kiriman sampai ke sekretariat' })
  setHeadApprovalRequired(@Arg('required', () => Boolean) required: boolean, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.submissions.setHeadApprovalRequired(actor, required);
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
