import type { Actor } from '../auth/actor';
import type { Config } from '../config';
import type { Db } from '../db/prisma';
import type { Services } from '../services';

export interface GqlContext {
  actor: Actor | null;
  db: Db;
  config: Config;
  services: Services;
  requestId: string;
  /** The client's address (req.ip; behind a proxy on loopback, its X-Forwarded-For). */
  ip?: string;
}
