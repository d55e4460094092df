import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { FINDING_READERS, FINDING_ROLES } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { UUID } from '../common/scalars';
import { AddFindingInput, CreateAuditReportInput, FindingFilter, ReturnFollowUpInput, SetFindingDeadlineInput, SubmitFollowUpInput, UpdateFindingInput, VerifyFollowUpInput } from './finding.input';
import { AuditReport, Finding, FindingDeadlineSetting, FindingRegister, Recommendation } from './finding.model';

/** Findings and their follow-up (TL HP). Role gates from packages/sop FINDING_ROLES; object checks in FindingService. */
@Resolver()
export class FindingResolver {
  @Authorized(...FINDING_READERS)
  @Query(() => FindingRegister, { description: 'Register tindak lanjut: rekomendasi yang boleh dibaca, disaring, dengan jumlahnya' })
  findingRegister(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('filter', () => FindingFilter, { nullable: true }) filter?: FindingFilter | null) {
    return ctx.services.findings.register(actor, filter ?? {});
  }

  @Authorized(...FINDING_READERS)
  @Query(() => [AuditReport], { description: 'LHP/LHE Dinas (Bidang: yang memuat temuan Bidangnya)' })
  auditReports(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    return ctx.services.findings.reports(actor, year);
  }

  @Authorized(...FINDING_READERS)
  @Query(() => [Finding], { description: 'Temuan satu laporan yang boleh dibaca' })
  findingsOfReport(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('reportId', () => UUID) reportId: string) {
    return ctx.services.findings.findingsOfReport(actor, reportId);
  }

  @Authorized(...FINDING_READERS)
  @Query(() => Finding, { description: 'Satu temuan dengan rekomendasi dan tindak lanjutnya' })
  finding(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('id', () => UUID) id: string) {
    return ctx.services.findings.finding(actor, id);
  }

  @Authorized(...FINDING_READERS)
  @Query(() => Recommendation, { description: 'Satu rekomendasi dengan tindak lanjutnya' })
  recommendation(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('id', () => UUID) id: string) {
    return ctx.services.findings.recommendationOf(actor, id);
  }

  @Authorized(...FINDING_ROLES.READ_ALL)
  @Query(() => [FindingDeadlineSetting], { description: 'Batas waktu tindak lanjut per sumber laporan' })
  findingDeadlineSettings(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.findings.deadlineSettings(actor);
  }

  @Authorized(...FINDING_ROLES.CONFIGURE)
  @Mutation(() => [FindingDeadlineSetting], { description: 'Atur hari batas waktu tindak lanjut satu sumber (laporan yang sudah tercatat tetap)' })
  setFindingDeadlineDays(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => SetFindingDeadlineInput) input: SetFindingDeadlineInput) {
    return ctx.services.findings.setDeadlineDays(actor, input.source, input.days);
  }

  @Authorized(...FINDING_ROLES.ENTER)
  @Mutation(() => AuditReport, { description: 'Catat LHP/LHE yang diterima' })
  createAuditReport(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => CreateAuditReportInput) input: CreateAuditReportInput) {
    return ctx.services.findings.createReport(actor, input);
  }

  @Authorized(...FINDING_ROLES.ENTER)
  @Mutation(() => Finding, { description: 'Catat temuan dengan rekomendasinya; pengingat dan eskalasi dijadwalkan' })
  addFinding(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => AddFindingInput) input: AddFindingInput) {
    return ctx.services.findings.addFinding(actor, input);
  }

  @Authorized(...FINDING_ROLES.ENTER)
  @Mutation(() => Finding, { description: 'Ubah temuan dan rekomendasinya (ditolak NOT_EDITABLE setelah tindak lanjut diverifikasi APIP)' })
  updateFinding(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => UpdateFindingInput) input: UpdateFindingInput) {
    return ctx.services.findings.updateFinding(actor, input);
  }

  @Authorized(...FINDING_ROLES.ANSWER)
  @Mutation(() => Recommendation, { description: 'Bidang mengirim tindak lanjut rekomendasinya (menunggu verifikasi APIP)' })
  submitFollowUp(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => SubmitFollowUpInput) input: SubmitFollowUpInput) {
    return ctx.services.findings.submitFollowUp(actor, input);
  }

  @Authorized(...FINDING_ROLES.VERIFY)
  @Mutation(() => Recommendation, { description: 'APIP memverifikasi tindak lanjut dengan status skala BPK' })
  verifyFollowUp(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => VerifyFollowUpInput) input: VerifyFollowUpInput) {
    return ctx.services.findings.verifyFollowUp(actor, input);
  }

  @Authorized(...FINDING_ROLES.VERIFY)
  @Mutation(() => Recommendation, { description: 'APIP mengembalikan tindak lanjut dengan catatan' })
  returnFollowUp(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('input', () => ReturnFollowUpInput) input: ReturnFollowUpInput) {
    return ctx.services.findings.returnFollowUp(actor, input);
  }
}
