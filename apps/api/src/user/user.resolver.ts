import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CreateUserInput } from '../admin/admin.input';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { UUID } from '../common/scalars';
import { UpdateUserInput } from './user.input';
import { PasswordResetPayload, UserAccount } from './user.model';

/** The administrator's user management. The rules live in UserService. */
@Resolver()
export class UserResolver {
  @Authorized('ADMIN')
  @Query(() => [UserAccount], { description: 'Semua akun pengguna Dinas ini, termasuk yang nonaktif' })
  users(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.list(actor);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserAccount, { description: 'Buat pengguna (NIP divalidasi, kata sandi memenuhi kebijakan; wajib diganti saat pertama masuk)' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.create(actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserAccount, { description: 'Ubah nama, NIP, jabatan, peran dan Bidang pengguna' })
  updateUser(@Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.update(actor, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PasswordResetPayload, {
    description: 'Atur ulang kata sandi pengguna lain: kata sandi sementara ditampilkan sekali, semua sesinya dicabut, wajib diganti saat masuk berikutnya',
  })
  resetUserPassword(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.resetPassword(actor, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserAccount, { description: 'Nonaktifkan pengguna: semua sesinya dicabut seketika dan tidak dapat masuk; riwayatnya tetap' })
  deactivateUser(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.deactivate(actor, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserAccount, { description: 'Aktifkan kembali pengguna yang dinonaktifkan' })
  reactivateUser(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.users.reactivate(actor, id);
  }
}
