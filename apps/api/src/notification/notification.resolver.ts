import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { UUID } from '../common/scalars';
import { NotificationConnection, NotificationPreferences, NotificationPreferencesInput, VerifyPhoneInput } from './notification.model';

/** The signed-in person's own notifications and settings. Service tokens are refused (not in SERVICE_QUERIES). */
@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'Pemberitahuan saya, terbaru dahulu (kursor: after = endCursor)' })
  notifications(
    @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly?: boolean,
  ) {
    return ctx.services.notifications.list(actor, first, after, !!unreadOnly);
  }

  @Authorized()
  @Query(() => Int, { description: 'Jumlah pemberitahuan saya yang belum dibaca' })
  unreadNotificationCount(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.unreadCount(actor);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Tandai pemberitahuan saya sebagai dibaca; jumlah yang berubah' })
  markNotificationsRead(@Arg('ids', () => [UUID]) ids: string[], @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.markRead(actor, ids.slice(0, 500));
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Tandai semua pemberitahuan saya sebagai dibaca; jumlah yang berubah' })
  markAllNotificationsRead(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.markRead(actor, null);
  }

  @Authorized()
  @Query(() => NotificationPreferences, { description: 'Bahasa, e-mail, nomor HP dan saluran per jenis pemberitahuan' })
  notificationPreferences(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.preferences(actor);
  }

  @Authorized()
  @Mutation(() => NotificationPreferences, { description: 'Ubah pengaturan pemberitahuan (dicatat di jejak audit)' })
  updateNotificationPreferences(@Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.updatePreferences(actor, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Kirim kode verifikasi ke nomor HP tersimpan (WhatsApp, atau SMS)' })
  requestPhoneVerification(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.requestPhoneVerification(actor);
  }

  @Authorized()
  @Mutation(() => NotificationPreferences, { description: 'Verifikasi nomor HP dengan kode yang diterima' })
  verifyPhone(@Arg('input', () => VerifyPhoneInput) input: VerifyPhoneInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.notifications.verifyPhone(actor, input.code);
  }
}
