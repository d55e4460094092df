/**
 * The API as it ships (`src/main.ts`) in child processes on one database, for the tests of
 * several processes behind a load balancer (two-processes.test.ts, notify-processes.test.ts):
 * a database migrated and seeded with the reference data, an environment, a process started on a
 * free port and awaited until /readyz answers, a GraphQL client per process (optionally from a
 * loopback address of its own, test/loopback.ts), and the clean stop of every process started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { migrateDeploy } from '../src/db/migrate';
import { createPrisma, type Db } from '../src/db/prisma';
import { seedReference } from '../src/db/seed';
import { freshDatabase } from './db-url';
import { PASSWORD } from './factories';
import { registerInput } from './flow';
import { fetchFrom } from './loopback';
import { exited } from './wait';

const apiDir = path.resolve(__dirname, '..');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** `src/main.ts` on `port`, resolved once /readyz answers (its stderr is in the error otherwise). */
export async function startApi(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: apiDir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  child.stdout!.resume();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited: ${err}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become ready: ${err}`);
}

/** SIGTERM to every process still running, awaited; the list is emptied. */
export async function stopApis(children: ChildProcess[]): Promise<void> {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await exited(c);
    }
  }
}

/** GraphQL and plain requests to the process on `port`, from `localAddress` when given. */
export function apiClient(port: number, localAddress?: string) {
  const url = `http://127.0.0.1:${port}`;
  const send = localAddress ? fetchFrom(localAddress) : (u: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => fetch(u, init);
  const gql = async (query: string, variables: object = {}, token?: string) => {
    const res = await send(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return { ...((await res.json()) as any), status: res.status, retryAfter: res.headers.get('retry-after') };
  };
  const login = async (username: string, password = PASSWORD) => {
    const r = await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: username, password } });
    if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token as string;
  };
  return { url, gql, login };
}
export type ApiClient = ReturnType<typeof apiClient>;

/**
 * A database of its own (migrated, reference data seeded), a data directory, and the environment
 * the processes start with: development mode, no demo office, a lifted login limit unless
 * `extra` sets one, the SMTP receiver when given, jobs polled often. `cleanup()` drops both.
 */
export async function processSetup(tag: string, opts: { smtpPort?: number; extra?: NodeJS.ProcessEnv } = {}) {
  const database = await freshDatabase(tag);
  await migrateDeploy(database.url);
  const db: Db = createPrisma(database.url, { max: 2 });
  await seedReference(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sipedaki-${tag}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...(opts.smtpPort ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(opts.smtpPort), SMTP_REQUIRE_TLS: 'false' } : {}),
    JOBS_POLL_MS: '200',
    ...opts.extra,
  };
  return {
    database,
    db,
    dataDir,
    env,
    async cleanup() {
      await db.$disconnect();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Sekretaris registers a request (step 1) / disposes it to the Kasubbag. */
export const REGISTER = 'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }';
export const DISPOSE = 'mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }';

/**
 * `n` requests registered and disposed to the Kasubbag, all at once, alternately through each of
 * `apis` with the matching token (the Sekretaris signed in on each): each disposition makes an
 * e-mail job. The requests' ids.
 */
export async function disposeAcross(apis: ApiClient[], tokens: string[], n: number): Promise<string[]> {
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const api = apis[i % apis.length]!;
      const token = tokens[i % apis.length];
      const req = (await api.gql(REGISTER, { i: registerInput() }, token)).data.registerDataRequest;
      const r = await api.gql(DISPOSE, { i: { requestId: req.id, instruction: `Surat ${i}` } }, token);
      expect(r.errors).toBeUndefined();
      ids.push(req.id);
    }),
  );
  return ids;
}
