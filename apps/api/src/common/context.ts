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
}
