/**
 * The one wrapper of every file route that needs a signed-in person (downloads, uploads, exports,
 * the XLSX import): it authenticates the bearer token (a service token is refused here: files are
 * for people), runs the handler, and hands any error to the app's one error handler (http/errors.ts).
 * A FORBIDDEN answer to a signed-in caller (a person, or a token refused the route) leaves an
 * `auth.refused` audit row, as it does on GraphQL.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../auth/actor';
import { requireUserActor } from '../auth/auth-checker';
import type { AuthService } from '../auth/auth.service';
import { auditRefusal } from '../audit/refusal-audit';
import { AppError } from '../common/errors';
import type { Db } from '../db/prisma';
import { authenticate } from './authenticate';

export type AuthedHandler = (req: Request, res: Response, actor: Actor) => Promise<void>;
export type Authed = (handler: AuthedHandler) => RequestHandler;

export function authedRoutes(auth: AuthService, db: Db): Authed {
  return (handler) => async (req: Request, res: Response, next: NextFunction) => {
    let signedIn: Actor | null = null;
    try {
      const { actor, authRefusal } = await authenticate(auth, req);
      signedIn = actor;
      await handler(req, res, requireUserActor(actor, authRefusal));
    } catch (err) {
      if (signedIn && err instanceof AppError && err.code === 'FORBIDDEN') {
        await auditRefusal(db, signedIn, {
          entityType: 'Route',
          entityId: `${req.method} ${req.baseUrl}${String(req.route?.path ?? req.path)}`,
          details: { path: req.originalUrl.split('?')[0], messages: [err.message] },
          ip: req.ip,
          requestId: String(req.id),
        });
      }
      // An upload refused before its body was read: the client gets the answer, and the
      // connection is not kept for the rest of a body nobody reads.
      if (!res.headersSent && !req.complete) res.setHeader('Connection', 'close');
      req.resume();
      next(err);
    }
  };
}
