import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { selectedFields } from '../graphql/selection';
import { submissionPartsOf } from '../submission/submission.service';
import { capabilityRoles, SOP_STEPS } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { standardTimeLabel } from '../common/format';
import { Indicator } from '../office/office.model';
import { PerformanceAnalysis } from '../analysis/analysis.model';
import { BidangSubmission, StoredDocument } from '../submission/submission.model';
import {
  AdvanceInput,
  CancelRequestInput,
  CloseCollectionInput,
  DataRequestFilter,
  DisposeInput,
  KepalaReturnInput,
  RegisterDataRequestInput,
  ReturnTarget,
} from './data-request.input';
import {
  AvailableAction,
  Completeness,
  Officer,
  DataRequest,
  DataRequestConnection,
  Disposition,
  RequestAction,
  SopStep,
  TimelineStep,
} from './data-request.model';
import { Role } from '../common/enums';
import type { RequestModel } from './data-request.service';
import { UUID } from '../common/scalars';
import { loadersOf } from '../common/loaders';
import { User } from '../office/office.model';
import { extend } from '../common/objects';

@Resolver(() => DataRequest)
export class DataRequestResolver {
  @Query(() => [SopStep], { description: 'Tujuh langkah SOP Mekanisme Pengumpulan Data Kinerja' })
  sopSteps(): SopStep[] {
    return SOP_STEPS.map((s) => extend(s, { actors: [...s.actors], standardTime: standardTimeLabel(s.standardTime) })) as never;
  }

  @Authorized()
  @Query(() => DataRequestConnection, { description: 'Daftar permintaan data Dinas ini, terbaru dahulu' })
  dataRequests(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('filter', () => DataRequestFilter, { nullable: true }) filter?: DataRequestFilter,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Maksimal 100' }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.requests.list(actor, filter, first, after);
  }

  @Authorized()
  @Query(() => DataRequest)
  dataRequest(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.requests.get(actor, id);
  }

  @Authorized()
  @Query(() => [Officer], { description: 'Pejabat yang dapat dipilih sebagai penerima disposisi untuk suatu peran: pemegang jabatan dahulu, lalu Plt/Plh yang berlaku sekarang' })
  officersForRole(@Arg('role', () => Role) role: Role, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.requests.officers(actor, role);
  }

  @Authorized(...capabilityRoles('request.REGISTER'))
  @Mutation(() => DataRequest, { description: 'Sekretaris mendaftarkan surat permintaan data; langkah 1 dimulai' })
  registerDataRequest(@Arg('input', () => RegisterDataRequestInput) input: RegisterDataRequestInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.requests.register(actor, input);
  }

  @Authorized(...capabilityRoles('request.DISPOSE_TO_KASUBBAG'))
  @Mutation(() => DataRequest, { description: 'Langkah 1: Sekretaris mendisposisikan kepada Kasubbag Program dan Evaluasi' })
  disposeToKasubbag(@Arg('input', () => DisposeInput) input: DisposeInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'DISPOSE_TO_KASUBBAG', input);
  }

  @Authorized(...capabilityRoles('request.DISPOSE_TO_STAFF'))
  @Mutation(() => DataRequest, { description: 'Langkah 2: Kasubbag mendisposisikan kepada staf penyusun' })
  disposeToStaff(@Arg('input', () => DisposeInput) input: DisposeInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'DISPOSE_TO_STAFF', input);
  }

  @Authorized(...capabilityRoles('request.SEND_FORMAT'))
  @Mutation(() => DataRequest, { description: 'Langkah 3: format permintaan data dikirim ke setiap Bidang' })
  sendFormat(@Arg('input', () => AdvanceInput) input: AdvanceInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'SEND_FORMAT', input);
  }

  @Authorized(...capabilityRoles('request.FORWARD_COLLECTION'))
  @Mutation(() => DataRequest, { description: 'Langkah 4 selesai: data semua Bidang diterima dan diteruskan ke Kasubbag' })
  forwardCollection(@Arg('input', () => AdvanceInput) input: AdvanceInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'FORWARD_COLLECTION', input);
  }

  @Authorized(...capabilityRoles('request.COMPILE'))
  @Mutation(() => DataRequest, { description: 'Langkah 5: Kasubbag menghimpun data yang terkumpul' })
  compileData(@Arg('input', () => AdvanceInput) input: AdvanceInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'COMPILE', input);
  }

  @Authorized(...capabilityRoles('request.SUBMIT_REPORT'))
  @Mutation(() => DataRequest, { description: 'Langkah 6 selesai: analisis dibekukan dan laporan disampaikan kepada Sekretaris' })
  submitReport(@Arg('input', () => AdvanceInput) input: AdvanceInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'SUBMIT_REPORT', input);
  }

  @Authorized(...capabilityRoles('request.RAISE_TO_KEPALA'))
  @Mutation(() => DataRequest, { description: 'Langkah 7: Sekretaris menaikkan laporan kepada Kepala Dinas' })
  raiseToKepala(@Arg('input', () => AdvanceInput) input: AdvanceInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'RAISE_TO_KEPALA', input);
  }

  @Authorized(...capabilityRoles('request.RETURN_REPORT'))
  @Mutation(() => DataRequest, {
    description: 'Sekretaris mengembalikan laporan kepada Kasubbag (kembali ke langkah 6) dengan alasan; analisis yang sudah dikirim tetap beku dan perubahan menjadi versi baru',
  })
  returnReport(@Arg('input', () => DisposeInput) input: DisposeInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'RETURN_REPORT', input);
  }

  @Authorized(...capabilityRoles('request.ACKNOWLEDGE'))
  @Mutation(() => DataRequest, { description: 'Kepala Dinas menerima laporan (tanda tangan), dengan arahan bila ada (maksimal 2000 karakter, dicetak pada lembar disposisi); status menjadi DONE. Mengulanginya mengembalikan permintaan tanpa perubahan' })
  acknowledgeReport(
    @Arg('requestId', () => UUID) requestId: string,
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('arahan', () => String, { nullable: true, description: 'Arahan Kepala Dinas' }) arahan?: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ) {
    return ctx.services.transitions.acknowledge(actor, requestId, { arahan: arahan ?? null, expectedVersion: expectedVersion ?? null });
  }

  @Authorized(...capabilityRoles('request.KEPALA_RETURN'))
  @Mutation(() => DataRequest, { description: 'Kepala Dinas mengembalikan laporan dengan alasan: kepada Sekretaris (langkah 7 lagi) atau Kasubbag (langkah 6 lagi); putaran baru, waktu putaran sebelumnya tetap' })
  kepalaReturnReport(@Arg('input', () => KepalaReturnInput) input: KepalaReturnInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    const to = input.to === ReturnTarget.SEKRETARIS ? 'REPORT_AT_SEKRETARIS' : 'ANALYSING';
    return ctx.services.transitions.transition(actor, input.requestId, 'KEPALA_RETURN', { reason: input.reason, to, expectedVersion: input.expectedVersion });
  }

  @Authorized(...capabilityRoles('request.CLOSE_COLLECTION'))
  @Mutation(() => DataRequest, { description: 'Langkah 4 selesai tanpa Bidang yang tidak menyerahkan: kirimannya menjadi WAIVED ("tidak menyerahkan", dihitung terlambat), catatan wajib; Bidang lain harus sudah diterima' })
  closeCollection(@Arg('input', () => CloseCollectionInput) input: CloseCollectionInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'CLOSE_COLLECTION', input);
  }

  @Authorized(...capabilityRoles('request.CANCEL'))
  @Mutation(() => DataRequest, { description: 'Sekretaris membatalkan permintaan sebelum selesai, dengan alasan: langkah yang terbuka ditutup, kiriman Bidang tidak dapat diubah lagi, keluar dari semua kotak masuk' })
  cancelDataRequest(@Arg('input', () => CancelRequestInput) input: CancelRequestInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.transition(actor, input.requestId, 'CANCEL', input);
  }

  // ---- fields ----

  @FieldResolver(() => Boolean, { description: 'Langkah saat ini melewati batas waktunya' })
  overdue(@Root() r: RequestModel, @Ctx() ctx: GqlContext) {
    return ctx.services.requests.overdue(r);
  }

  @FieldResolver(() => [AvailableAction], {
    description: 'Tindakan yang boleh saya lakukan sekarang menurut peran dan tahap (tabel kewenangan packages/sop); blockedReason bila data belum memenuhi (mis. SUBMISSIONS_INCOMPLETE)',
  })
  availableActions(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.transitions.availableActions(actor, r);
  }

  @FieldResolver(() => [TimelineStep])
  timeline(@Root() r: RequestModel, @Ctx() ctx: GqlContext) {
    return ctx.services.timelines.forRequest(r);
  }

  @FieldResolver(() => [Disposition])
  dispositions(@Root() r: RequestModel, @Ctx() ctx: GqlContext) {
    return ctx.services.requests.dispositions(r.id);
  }

  @FieldResolver(() => Completeness)
  async completeness(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.completeness.fromRows(actor, r, await loadersOf(ctx, actor).completenessRows(r));
  }

  @FieldResolver(() => [BidangSubmission], { description: 'Kiriman Bidang (pengguna Bidang hanya melihat miliknya)' })
  submissions(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Info() info: GraphQLResolveInfo) {
    // Only what the query reads of each submission is fetched (the board: no names, no reviews).
    return ctx.services.submissions.listForRequest(actor, r.id, submissionPartsOf(selectedFields(info), selectedFields(info, ['values'])));
  }

  @FieldResolver(() => [Indicator], { description: 'Indikator yang diminta' })
  indicators(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.requests.indicators(actor, r);
  }

  @FieldResolver(() => [StoredDocument], {
    description: 'Dokumen tingkat permintaan (format, laporan, disposisi) yang boleh saya lihat: pengguna Bidang hanya melihat format Bidangnya',
  })
  documents(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.documents.listForRequest(actor, r.id);
  }

  @FieldResolver(() => [PerformanceAnalysis], { description: 'Semua versi analisis, terbaru dahulu' })
  analyses(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return loadersOf(ctx, actor).analyses.load(r.id);
  }

  @FieldResolver(() => PerformanceAnalysis, { nullable: true })
  async latestAnalysis(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return (await loadersOf(ctx, actor).analyses.load(r.id))[0] ?? null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Sekretaris yang membatalkan permintaan (status CANCELLED)' })
  async cancelledBy(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return r.cancelledById ? loadersOf(ctx, actor).user.load(r.cancelledById) : null;
  }
}
