import type { Request } from 'express';
import type { Actor } from '../auth/actor';
import { bearer, type AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors';

/**
 * Who sent the request (its bearer token). A refused token is not an error by itself (public
 * operations still run); the refusal is kept so that an operation that needs an actor answers with
 * its words (a machine client's revoked token is told so, not to sign in again).
 */
export async function authenticate(auth: AuthService, req: Request): Promise<{ actor: Actor | null; authRefusal: AppError | null }> {
  try {
    return { actor: await auth.actorFromToken(bearer(req.headers.authorization)), authRefusal: null };
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return { actor: null, authRefusal: e };
    throw e;
  }
}
