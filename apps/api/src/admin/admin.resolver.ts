import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { UUID } from '../common/scalars';
import { Bidang, Indicator, Office } from '../office/office.model';
import { AssignActingInput, CreateBidangInput, UpdateBidangInput, UpsertIndicatorInput } from './admin.input';
import { ActingAssignment } from './admin.model';

@Resolver()
export class AdminResolver {
  @Authorized()
  @Query(() => [Bidang], { description: 'Bidang di Dinas ini' })
  bidangList(@Ctx() ctx: GqlContext) {
    return ctx.services.admin.listBidang(ctx.actor!);
  }

  @Authorized()
  @Query(() => [Indicator], { description: 'Indikator aktif dengan targetnya (opsional: satu tahun)' })
  indicators(
    @Ctx() ctx: GqlContext,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive = false,
  ) {
    return ctx.services.admin.listIndicators(ctx.actor!, year, includeInactive);
  }

  @Authorized('ADMIN')
  @Query(() => [ActingAssignment])
  actingAssignments(@Ctx() ctx: GqlContext) {
    return ctx.services.admin.listActing(ctx.actor!);
  }

  @Authorized('ADMIN')
  @Mutation(() => ActingAssignment, { description: 'Tetapkan Plt/Plh untuk jangka waktu tertentu (tidak untuk diri sendiri)' })
  assignActing(@Arg('input', () => AssignActingInput) input: AssignActingInput, @Ctx() ctx: GqlContext) {
    return ctx.services.admin.assignActing(ctx.actor!, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ActingAssignment, { description: 'Akhiri penugasan Plt/Plh sekarang (lebih awal dari jadwal); yang belum mulai dibatalkan' })
  endActingAssignment(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.admin.endActing(ctx.actor!, id);
  }

  @Authorized()
  @Query(() => Office, { description: 'Dinas pengguna ini, dengan jam kerjanya' })
  office(@Ctx() ctx: GqlContext) {
    return ctx.services.admin.office(ctx.actor!);
  }

  @Authorized('ADMIN')
  @Mutation(() => Bidang)
  createBidang(@Arg('input', () => CreateBidangInput) input: CreateBidangInput, @Ctx() ctx: GqlContext) {
    return ctx.services.admin.createBidang(ctx.actor!, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Bidang)
  updateBidang(@Arg('input', () => UpdateBidangInput) input: UpdateBidangInput, @Ctx() ctx: GqlContext) {
    return ctx.services.admin.updateBidang(ctx.actor!, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Indicator, { description: 'Buat atau ubah indikator dan target per Triwulan' })
  upsertIndicator(@Arg('input', () => UpsertIndicatorInput) input: UpsertIndicatorInput, @Ctx() ctx: GqlContext) {
    return ctx.services.admin.upsertIndicator(ctx.actor!, input);
  }
}
