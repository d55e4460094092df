import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../src/app';
import { listen } from '../src/http/server';
import { loadConfig, type Config } from '../src/config';
import { createPrisma, type Db } from '../src/db/prisma';
import { seedReference } from '../src/db/seed';
import { migrateDeploy } from '../src/db/migrate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_DATABASE_URL } from './db-url';
import { startEmbeddedDbProcess } from './embedded-db';
import { PASSWORD } from './factories';
import { fetchFrom, type SimpleInit } from './loopback';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/**
 * A real API on a real PostgreSQL, on a loopback port, for HTTP-level tests.
 * `poolMax: 1` runs it the way the embedded PGlite does (one connection): a query sent through
 * the pool while a transaction holds that connection then waits forever, and the test fails.
 */
let jobSchemas = 0;

/**
 * `jobs: true` starts the job runner (notifications, reminders, webhook deliveries) on a job
 * schema of this app's own, so that no other test file's app runs its jobs.
 */
/**
 * `clientAddress`: the app's requests (gql, login, fetch) come from this loopback address
 * (test/loopback.ts) — for tests that count one address's login budget, which lives in the
 * database every app of the run shares.
 */
export async function startTestApp(overrides: Partial<Record<string, string>> = {}, opts: { poolMax?: number; embedded?: boolean; jobs?: boolean; clientAddress?: string } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-test-'));
  // `embedded`: the very database `pnpm start` uses without DATABASE_URL (PGlite in dataDir,
  // migrated like production), instead of the run's PostgreSQL database.
  const embedded = opts.embedded ? await startEmbeddedDbProcess(dataDir) : null;
  if (embedded) await migrateDeploy(embedded.url);
  const databaseUrl = embedded?.url ?? TEST_DATABASE_URL;
  // Every test logs in from 127.0.0.1: the per-IP login limit is lifted unless a test sets it.
  // PUBLIC_BASE_URL is set as production requires it; a test of the default passes ''.
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    PUBLIC_BASE_URL: 'https://sipedaki.test.go.id',
    ...(opts.jobs ? { JOBS_SCHEMA: `jobs_${process.pid}_${++jobSchemas}`, JOBS_POLL_MS: '100', JOBS_CONCURRENCY: '4' } : {}),
    // PGlite's socket server takes 4 connections: the app's 1 and the job runner's 2, as in `pnpm start`.
    ...(opts.embedded ? { JOBS_POOL_MAX: '2' } : {}),
    ...overrides,
  });
  const db: Db = createPrisma(databaseUrl, { max: embedded ? 1 : (opts.poolMax ?? Number(process.env.TEST_POOL_MAX ?? 5)), embedded: !!embedded });
  await seedReference(db);
  const { app, stop, services } = await createApp(config, db, { databaseUrl });
  if (opts.jobs) {
    await services.jobs.start();
    await services.notifications.startLive(databaseUrl, !!embedded);
  }
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const send: (url: string, init?: SimpleInit) => Promise<Response> = opts.clientAddress ? fetchFrom(opts.clientAddress) : (u, init) => fetch(u, init);

  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const res = await send(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status };
  }

  async function login(username: string, password = PASSWORD): Promise<string> {
    const r = await gql<{ login: { token: string } }>(
      'mutation($i: LoginInput!) { login(input: $i) { token } }',
      { i: { login: username, password } },
    );
    if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  }

  /** A token for each of `users` (by the same keys), signed in at once. */
  async function loginAll<K extends string>(users: Record<K, { username: string }>): Promise<Record<K, string>> {
    const entries = Object.entries(users) as [K, { username: string }][];
    return Object.fromEntries(await Promise.all(entries.map(async ([k, u]) => [k, await login(u.username)] as const))) as Record<K, string>;
  }

  return {
    url,
    /** fetch, from the app's clientAddress when it has one. */
    fetch: send,
    db,
    config,
    services,
    gql,
    login,
    loginAll,
    dataDir,
    async close() {
      await new Promise((r) => server.close(r));
      await stop();
      await db.$disconnect();
      await embedded?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Expect a GraphQL error with this code, and return it. */
export function errorCode(r: GqlResult): string | undefined {
  return r.errors?.[0]?.extensions?.code as string | undefined;
}

/**
 * The `fields` of the first error as `{ field, message }` (Indonesian), each checked to carry its
 * English twin `messageEn` — for tests that state the Indonesian texts they expect.
 */
export function fieldsOf(r: GqlResult): { field: string; message: string }[] {
  const fields = (r.errors?.[0]?.extensions?.fields ?? []) as { field: string; message: string; messageEn?: string }[];
  for (const f of fields) expect(typeof f.messageEn === 'string' && f.messageEn.length > 0 && f.messageEn !== f.message).toBe(true);
  return fields.map(({ field, message }) => ({ field, message }));
}
