import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { capabilityRoles } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { UUID } from '../common/scalars';
import { Bidang, Indicator, Office } from '../office/office.model';
import { AssignActingInput, CreateBidangInput, UpdateBidangInput, UpsertIndicatorInput } from './admin.input';
import { ActingAssignment } from './admin.model';

@Resolver()
export class AdminResolver {
  @Authorized()
  @Query(() => [Bidang], { description: 'Bidang di Dinas ini' })
  bidangList(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.listBidang(actor);
  }

  @Authorized()
  @Query(() => [Indicator], { description: 'Indikator aktif dengan targetnya (opsional: satu tahun)' })
  indicators(
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive = false,
  ) {
    return ctx.services.indicators.listIndicators(actor, year, includeInactive);
  }

  @Authorized('ADMIN')
  @Query(() => [ActingAssignment])
  actingAssignments(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.listActing(actor);
  }

  @Authorized('ADMIN')
  @Mutation(() => ActingAssignment, { description: 'Tetapkan Plt/Plh untuk jangka waktu tertentu (tidak untuk diri sendiri)' })
  assignActing(@Arg('input', () => AssignActingInput) input: AssignActingInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.assignActing(actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ActingAssignment, { description: 'Akhiri penugasan Plt/Plh sekarang (lebih awal dari jadwal); yang belum mulai dibatalkan' })
  endActingAssignment(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.endActing(actor, id);
  }

  @Authorized()
  @Query(() => Office, { description: 'Dinas pengguna ini, dengan jam kerjanya' })
  office(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.office(actor);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => Bidang)
  createBidang(@Arg('input', () => CreateBidangInput) input: CreateBidangInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.createBidang(actor, input);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => Bidang)
  updateBidang(@Arg('input', () => UpdateBidangInput) input: UpdateBidangInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.admin.updateBidang(actor, input);
  }

  @Authorized(...capabilityRoles('office.INDICATORS'))
  @Mutation(() => Indicator, { description: 'Buat atau ubah indikator, target tahunan (triwulan 0, Perjanjian Kinerja) dan per Triwulan (Kasubbag, Penyusun, administrator)' })
  upsertIndicator(@Arg('input', () => UpsertIndicatorInput) input: UpsertIndicatorInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.indicators.upsertIndicator(actor, input);
  }
}
