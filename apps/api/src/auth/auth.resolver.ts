import { Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { bi } from '../common/validation';
import type { GqlContext } from '../common/context';
import { AppError, fail } from '../common/errors';
import { AuthPayload, Viewer } from '../office/office.model';
import type { Actor } from './actor';

@InputType()
class LoginInput {
  @Field(() => String, { description: 'NIP (18 digit, spasi boleh) atau nama pengguna' })
  @Length(1, 100, bi('NIP atau nama pengguna wajib diisi', 'The NIP or username is required'))
  login!: string;

  @Field(() => String)
  @Length(1, 200, bi('Kata sandi wajib diisi', 'The password is required'))
  password!: string;
}

export async function viewerOf(ctx: GqlContext, actor: Actor) {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { office: true } });
  return { user, office: user.office, roles: actor.roles, bidangIds: actor.bidangIds };
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Masuk dengan NIP atau nama pengguna dan kata sandi' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: GqlContext): Promise<AuthPayload> {
    const ip = ctx.ip ?? 'unknown';
    const retryAfterSeconds = ctx.services.loginLimiter.retryAfter(ip);
    if (retryAfterSeconds) fail('RATE_LIMITED', undefined, { retryAfterSeconds });
    const { token, expiresAt } = await ctx.services.auth.login(input.login, input.password).catch((err) => {
      if (err instanceof AppError && (err.code === 'INVALID_CREDENTIALS' || err.code === 'ACCOUNT_LOCKED')) ctx.services.loginLimiter.recordFailure(ip);
      throw err;
    });
    const actor = await ctx.services.auth.actorFromToken(token);
    if (!actor) fail('UNAUTHENTICATED');
    return { token, expiresAt, viewer: (await viewerOf(ctx, actor!)) as never };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Keluar: sesi ini dicabut' })
  logout(@Ctx() ctx: GqlContext): Promise<boolean> {
    return ctx.services.auth.logout(ctx.actor!);
  }

  @Authorized()
  @Query(() => Viewer, { description: 'Pengguna yang sedang masuk' })
  async me(@Ctx() ctx: GqlContext): Promise<Viewer> {
    return (await viewerOf(ctx, ctx.actor!)) as never;
  }
}
