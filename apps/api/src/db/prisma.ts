import { PrismaClient } from '../generated/prisma/client';
import { createRuntimeAdapter } from './pg-adapter';
import { Sql } from './sql';

export type Db = InstanceType<typeof PrismaClient>;
/** The client handed to code that runs inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const sqlByDb = new WeakMap<Db, Sql>();

/** `embedded`: the database is the embedded PGlite (one session for every connection; see Sql). */
export function createPrisma(databaseUrl: string, opts: { max?: number; embedded?: boolean } = {}): Db {
  const { adapter, pool } = createRuntimeAdapter(databaseUrl, { max: opts.max });
  const db = new PrismaClient({ adapter });
  sqlByDb.set(db, new Sql(pool, !opts.embedded));
  return db;
}

/** Hand-written SQL over the same pool as `db` (see db/sql.ts for when to use it). */
export function sqlOf(db: Db): Sql {
  const sql = sqlByDb.get(db);
  if (!sql) throw new Error('sqlOf: this client was not made by createPrisma');
  return sql;
}
