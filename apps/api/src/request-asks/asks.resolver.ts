import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { REQUEST_ASK_ROLES } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { loadersOf } from '../common/loaders';
import { DataRequest } from '../data-request/data-request.model';
import type { RequestModel } from '../data-request/data-request.service';
import { Bidang, Indicator } from '../office/office.model';
import { AddAdHocIndicatorInput, RemoveAdHocIndicatorInput, SetRequestBidangInput, SetRequesterDeadlineInput } from './asks.input';
import { ScheduleWarning } from './asks.model';

/** What a request asks, and of whom: its Bidang, its ad-hoc indicators, the requester's deadline. */
@Resolver(() => DataRequest)
export class RequestAsksResolver {
  @Authorized(...REQUEST_ASK_ROLES.SET_REQUEST_BIDANG)
  @Mutation(() => DataRequest, { description: 'Sekretaris/Kasubbag memilih Bidang yang dimintai data (sebelum format dikirim, langkah 3)' })
  setRequestBidang(@Arg('input', () => SetRequestBidangInput) input: SetRequestBidangInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.setBidang(actor, input);
  }

  @Authorized(...REQUEST_ASK_ROLES.ADD_AD_HOC_INDICATOR)
  @Mutation(() => DataRequest, { description: 'Sekretaris/Kasubbag menambah indikator khusus untuk permintaan ini, ditanyakan kepada Bidang yang dipilih (sebelum langkah 3)' })
  addAdHocIndicator(@Arg('input', () => AddAdHocIndicatorInput) input: AddAdHocIndicatorInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.addAdHoc(actor, input);
  }

  @Authorized(...REQUEST_ASK_ROLES.REMOVE_AD_HOC_INDICATOR)
  @Mutation(() => DataRequest, { description: 'Menghapus indikator khusus (satu Bidang) dari permintaan ini (sebelum langkah 3)' })
  removeAdHocIndicator(@Arg('input', () => RemoveAdHocIndicatorInput) input: RemoveAdHocIndicatorInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.removeAdHoc(actor, input);
  }

  @Authorized(...REQUEST_ASK_ROLES.SET_REQUESTER_DEADLINE)
  @Mutation(() => DataRequest, { description: 'Mengubah batas waktu dari pengirim (sampai permintaan selesai)' })
  setRequesterDeadline(@Arg('input', () => SetRequesterDeadlineInput) input: SetRequesterDeadlineInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.setDeadline(actor, input);
  }

  // ---- fields ----

  @FieldResolver(() => [Bidang], { description: 'Bidang yang dimintai data oleh permintaan ini' })
  bidang(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return loadersOf(ctx, actor).bidang.load(r.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Batas waktu dari pengirim surat' })
  requesterDeadline(@Root() r: RequestModel) {
    return r.requesterDeadline ?? null;
  }

  @FieldResolver(() => ScheduleWarning, { nullable: true, description: 'Peringatan bila sisa waktu baku SOP (jam kerja, dari sekarang) berakhir setelah batas waktu dari pengirim' })
  scheduleWarning(@Root() r: RequestModel, @Ctx() ctx: GqlContext) {
    return ctx.services.asks.scheduleWarning(r);
  }

  @FieldResolver(() => Boolean, { description: 'Saya dapat mengubah Bidang dan indikator khusus sekarang (sebelum format dikirim)' })
  asksEditable(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.shapeEditable(actor, r);
  }

  @FieldResolver(() => Boolean, { description: 'Saya dapat mengubah batas waktu dari pengirim sekarang' })
  requesterDeadlineEditable(@Root() r: RequestModel, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.asks.deadlineEditable(actor, r);
  }
}

/** Whether an indicator belongs to one request only (null adHocRequestId = the office's master list). */
@Resolver(() => Indicator)
export class IndicatorAdHocResolver {
  @FieldResolver(() => Boolean, { description: 'Indikator khusus satu permintaan (bukan daftar IKU)' })
  adHoc(@Root() i: { adHocRequestId?: string | null }) {
    return i.adHocRequestId != null;
  }
}
