/**
 * The one place that builds the Prisma driver adapter over `pg`, used by the runtime client and
 * by the Prisma CLI (prisma.config.ts). It works around two bugs of @prisma/adapter-pg 6.19 that
 * break the WebAssembly schema engine (the only engine that runs without downloading Prisma's
 * native engines, which these machines cannot reach; docs/decisions.md, "Tooling"):
 *
 * 1. prisma/orm#27403 — catalog queries return columns of type "char" (oid 18) and name (oid 19),
 *    which the adapter refuses ("Column type 'name' could not be deserialized"). Both are plain
 *    text on the wire, so the client below reports them as text (oid 25).
 * 2. connectToShadowDb spreads the pool config and sets `database`, but a `connectionString`
 *    wins over `database`, so the "shadow" pool points at the main database; and it drops the
 *    shadow database before closing its own pool. We build the shadow config from discrete
 *    fields and drop the database after the pool has ended.
 * 3. executeScript splits a migration on every ';', which cuts a PL/pgSQL body ($$ … $$) apart.
 *    PostgreSQL's simple-query protocol runs a whole multi-statement script itself (and runs it as
 *    one implicit transaction, so a migration applies whole or not at all).
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

function patchFields(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as Array<{ fields?: Array<{ dataTypeID: number }> } | undefined>) {
    for (const f of r?.fields ?? []) if (CATALOG_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  }
}

/**
 * The callback that patches a result before pg.Pool's callback sees it. Made here, not inside
 * `query`: an arrow function created inside that rest-parameter method kept every query's result
 * (and the request that asked for it) alive through the next young-generation collection on Node
 * 20 — 0.4 MB promoted per scavenge at one connection for `SELECT 1`, nothing with this function
 * (docs/decisions.md, "Session 8").
 */
function patchingCallback(callback: (err: Error | null, res: unknown) => void) {
  return (err: Error | null, res: unknown) => {
    if (!err) patchFields(res);
    callback(err, res);
  };
}

/** The promise form's counterpart of patchingCallback (made outside `query` for the same reason). */
function patchedResult(res: unknown): unknown {
  patchFields(res);
  return res;
}

export class CatalogSafeClient extends pg.Client {
  // pg.Pool calls query(config, values, callback); the adapter's transactions use the promise form.
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = patchingCallback(last);
      return (super.query as any)(...args);
    }
    const out = (super.query as any)(...args);
    return out && typeof out.then === 'function' ? out.then(patchedResult) : out;
  }
}

export interface AdapterOptions {
  /** PGlite serves one connection at a time: the embedded run passes 1. */
  max?: number;
  /** CLI commands exit as soon as they are done instead of idling ~10 s. */
  allowExitOnIdle?: boolean;
}

function discreteConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: u.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    try {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class ShadowSafePrismaPg extends PrismaPg {
  constructor(private readonly base: pg.PoolConfig) {
    super(base);
  }

  override async connect() {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = new ShadowSafePrismaPg({ ...this.base, database, max: 1 });
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return adapter;
  }
}

function poolConfig(databaseUrl: string, opts: AdapterOptions): pg.PoolConfig {
  return {
    ...discreteConfig(databaseUrl),
    Client: CatalogSafeClient as unknown as typeof pg.Client,
    max: opts.max ?? 10,
    allowExitOnIdle: opts.allowExitOnIdle ?? false,
  };
}

/** For the Prisma CLI (migrate, diff): owns its pool and can make a shadow database. */
export function createAdapter(databaseUrl: string, opts: AdapterOptions = {}): PrismaPg {
  return new ShadowSafePrismaPg(poolConfig(databaseUrl, opts));
}

/**
 * For the running app: one pool shared by Prisma and by the hand-written SQL of db/sql.ts, so
 * both stay inside one connection budget (PGlite serves a single connection). Prisma ends the
 * pool on $disconnect.
 */
export function createRuntimeAdapter(databaseUrl: string, opts: AdapterOptions = {}): { adapter: PrismaPg; pool: pg.Pool } {
  const pool = new pg.Pool(poolConfig(databaseUrl, opts));
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), pool };
}
