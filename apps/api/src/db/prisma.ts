import { PrismaClient } from '../generated/prisma/client';
import { createAdapter } from './pg-adapter';

export type Db = InstanceType<typeof PrismaClient>;
/** The client handed to code that runs inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function createPrisma(databaseUrl: string, opts: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: createAdapter(databaseUrl, { max: opts.max }) });
}
