import type { Actor } from '../auth/actor';
import type { Config } from '../config';
import type { AppError } from './errors';
import type { Db } from '../db/prisma';
import type { Services } from '../services';

export interface GqlContext {
  actor: Actor | null;
  /** Why the bearer token sent was refused (UNAUTHENTICATED with its words); null when none was sent or it was accepted. */
  authRefusal: AppError | null;
  db: Db;
  config: Config;
  services: Services;
  requestId: string;
  /** The client's address (req.ip; behind a proxy on loopback, its X-Forwarded-For). */
  ip?: string;
}
