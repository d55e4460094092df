import { Length, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { bi } from '../common/validation';
import type { GqlContext } from '../common/context';
import { CurrentActor } from './current-actor';
import { fail } from '../common/errors';
import { UUID } from '../common/scalars';
import { AuthPayload, Viewer } from '../office/office.model';
import type { Actor } from './actor';
import { ChangePasswordPayload, SessionInfo } from './auth.model';

@InputType()
class LoginInput {
  @Field(() => String, { description: 'NIP (18 digit, spasi boleh) atau nama pengguna' })
  @Length(1, 100, bi('NIP atau nama pengguna wajib diisi', 'The NIP or username is required'))
  login!: string;

  @Field(() => String)
  @Length(1, 200, bi('Kata sandi wajib diisi', 'The password is required'))
  password!: string;
}

@InputType({ description: 'Ganti kata sandi sendiri' })
class ChangePasswordInput {
  @Field(() => String, { description: 'Kata sandi saat ini (atau kata sandi sementara dari administrator)' })
  @Length(1, 200, bi('Kata sandi saat ini wajib diisi', 'The current password is required'))
  currentPassword!: string;

  @Field(() => String, { description: 'Kata sandi baru: minimal 10 karakter, bukan urutan, pengulangan, kata sandi umum, nama pengguna atau NIP' })
  @MaxLength(1000, bi('Kata sandi terlalu panjang', 'The password is too long'))
  newPassword!: string;
}

const clientOf = (ctx: GqlContext) => ({ ip: ctx.ip, userAgent: ctx.userAgent });

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Masuk dengan NIP atau nama pengguna dan kata sandi' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: GqlContext): Promise<AuthPayload> {
    const { token, expiresAt } = await ctx.services.auth.login(input.login, input.password, clientOf(ctx));
    const actor = await ctx.services.auth.actorFromToken(token);
    if (!actor) fail('UNAUTHENTICATED');
    return { token, expiresAt, viewer: (await ctx.services.auth.viewer(actor)) as never };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Keluar: sesi ini dicabut' })
  logout(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<boolean> {
    return ctx.services.auth.logout(actor);
  }

  @Authorized()
  @Query(() => Viewer, { description: 'Pengguna yang sedang masuk' })
  async me(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<Viewer> {
    return (await ctx.services.auth.viewer(actor)) as never;
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, {
    description: 'Ganti kata sandi sendiri (kata sandi saat ini wajib). Semua sesi lain pengguna ini dicabut; sesi ini tetap berlaku.',
  })
  changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<ChangePasswordPayload> {
    return ctx.services.auth.changePassword(actor, input.currentPassword, input.newPassword, clientOf(ctx));
  }

  @Authorized()
  @Query(() => [SessionInfo], { description: 'Sesi (perangkat) yang masih berlaku milik pengguna ini: sesi ini dahulu, lalu yang terbaru' })
  mySessions(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<SessionInfo[]> {
    return ctx.services.auth.mySessions(actor);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Cabut satu sesi milik sendiri (keluarkan satu perangkat)' })
  revokeSession(@Arg('id', () => UUID) id: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<boolean> {
    return ctx.services.auth.revokeSession(actor, id);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Keluar dari semua perangkat: semua sesi pengguna ini dicabut, termasuk sesi ini. Jumlah sesi yang dicabut.' })
  logoutEverywhere(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor): Promise<number> {
    return ctx.services.auth.logoutEverywhere(actor);
  }
}
