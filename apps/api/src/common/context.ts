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
  /** The client's address (req.ip: the socket's peer, or X-Forwarded-For from a TRUST_PROXY proxy). */
  ip?: string;
  /** The User-Agent header, kept with a new session so the user recognises the device. */
  userAgent?: string;
}
