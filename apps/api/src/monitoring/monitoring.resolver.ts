import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { SOP_EVALUATION_QUESTIONS, SOP_MONITORING_EDITORS, SOP_MONITORING_READERS } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { checkPeriod, type MonitoringView } from './monitoring.service';
import { SaveSopMonitoringInput, SignSopMonitoringInput, SopMonitoring } from './monitoring.model';

/** The GraphQL shape of a monitoring view: the facts flattened beside the form. */
export function toSopMonitoring(v: MonitoringView): SopMonitoring {
  const f = v.facts;
  return {
    id: v.id,
    year: f.year,
    semester: f.semester,
    label: f.label,
    from: new Date(f.from),
    to: new Date(f.to),
    months: f.months,
    requestCount: f.requestCount,
    reportReturns: f.reportReturns,
    steps: f.steps,
    bidang: f.bidang,
    frozen: v.frozen,
    computedAt: new Date(f.computedAt),
    version: v.version,
    rows: v.rows,
    answers: SOP_EVALUATION_QUESTIONS.map((q) => ({ no: q.no, question: q.id, answer: v.answers.find((a) => a.no === q.no)?.answer ?? null })),
    signedAt: v.signedAt,
    evaluatorName: v.evaluatorName,
    editable: v.editable,
    missing: v.missing,
  };
}

@Resolver()
export class MonitoringResolver {
  @Authorized(...SOP_MONITORING_READERS)
  @Query(() => SopMonitoring, { description: 'Monitoring Pelaksanaan SOP satu periode (semester; tanpa semester = setahun): fakta tercatat per langkah dan penilaian' })
  async sopMonitoring(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('year', () => Int) year: number,
    @Arg('semester', () => Int, { nullable: true }) semester?: number | null,
  ) {
    return toSopMonitoring(await ctx.services.monitoring.view(actor, checkPeriod(year, semester ?? null)));
  }

  @Authorized(...SOP_MONITORING_EDITORS)
  @Mutation(() => SopMonitoring, { description: 'Kasubbag menyimpan penilaian monitoring SOP (draf)' })
  async saveSopMonitoring(@Arg('input', () => SaveSopMonitoringInput) input: SaveSopMonitoringInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return toSopMonitoring(await ctx.services.monitoring.save(actor, {
      year: input.year,
      semester: input.semester ?? null,
      expectedVersion: input.expectedVersion,
      rows: input.rows.map((r) => ({ step: r.step, assessment: r.assessment ?? null, note: r.note ?? null, action: r.action ?? null })),
      answers: input.answers.map((a) => ({ no: a.no, answer: a.answer ?? null })),
    }));
  }

  @Authorized(...SOP_MONITORING_EDITORS)
  @Mutation(() => SopMonitoring, { description: 'Kasubbag memaraf monitoring SOP: fakta dibekukan, formulir tidak dapat diubah lagi' })
  async signSopMonitoring(@Arg('input', () => SignSopMonitoringInput) input: SignSopMonitoringInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return toSopMonitoring(await ctx.services.monitoring.sign(actor, { year: input.year, semester: input.semester ?? null, expectedVersion: input.expectedVersion }));
  }
}
