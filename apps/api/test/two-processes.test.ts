/**
 * Issue 15 "Beyond one machine": the API is stateless — sessions and jobs live in PostgreSQL —
 * so replicas behind a load balancer need no sticky sessions (docs/scaling.md). Two API processes
 * (`src/main.ts`, as shipped) on one database:
 *  - a session made on one works on the other, and signing out on the other ends it on the first;
 *  - a job enqueued by one process (the e-mail of a disposition) is run exactly once, whichever
 *    process's worker takes it: one e-mail per disposition reaches the SMTP server.
 * (notify-processes.test.ts adds the SIGKILL case of the same exactly-once property.)
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
import { makeOfficeWithStaff, PASSWORD } from './factories';
import { registerInput } from './flow';
import { smtpReceiver } from './receivers';
import { exited, until } from './wait';

const repo = path.resolve(__dirname, '../../..');
const print = (line: string) => process.stdout.write(`[two-processes] ${line}\n`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startApi(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.join(repo, 'apps/api'), env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
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

const gqlAt = (port: number) => async (query: string, variables: object, token?: string) => {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as any;
};

const REGISTER = 'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }';
const DISPOSE = 'mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }';

describe('two API processes on one database', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let dataDir: string;
  const children: ChildProcess[] = [];
  let a: ReturnType<typeof gqlAt>;
  let b: ReturnType<typeof gqlAt>;

  beforeAll(async () => {
    database = await freshDatabase('twoproc');
    await migrateDeploy(database.url);
    db = createPrisma(database.url, { max: 2 });
    await seedReference(db);
    smtp = await smtpReceiver();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-twoproc-'));
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_REQUIRE_TLS: 'false',
      JOBS_POLL_MS: '200',
    };
    const ports = [await freePort(), await freePort()];
    for (const p of ports) children.push(await startApi(env, p));
    [a, b] = ports.map(gqlAt);
  }, 180_000);

  afterAll(async () => {
    for (const c of children.splice(0)) {
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGTERM');
        await exited(c);
      }
    }
    smtp?.release();
    await smtp?.close();
    await db?.$disconnect();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a session made on one process works on the other; signing out on the other ends it on both', async () => {
    const o = await makeOfficeWithStaff(db);
    const token = (await a('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: o.users.kasubbag.username, password: PASSWORD } })).data.login.token as string;
    const meOnB = await b('{ me { roles office { id } } }', {}, token);
    expect(meOnB.errors).toBeUndefined();
    expect(meOnB.data.me.office.id).toBe(o.office.id);
    expect((await b('mutation { logout }', {}, token)).data.logout).toBe(true);
    const afterOnA = await a('{ me { roles } }', {}, token);
    print(`login on A, me on B: ${meOnB.data.me.roles.join(',')}; after logout on B, A answers ${afterOnA.errors?.[0]?.extensions?.code}`);
    expect(afterOnA.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('jobs enqueued by either process run exactly once: one e-mail per disposition', async () => {
    const o = await makeOfficeWithStaff(db);
    await db.user.update({ where: { id: o.users.kasubbag.id }, data: { email: 'kasubbag@dinas.test' } });
    const login = async (api: typeof a) => (await api('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: o.users.sekretaris.username, password: PASSWORD } })).data.login.token as string;
    const apis = [a, b];
    const tokens = [await login(a), await login(b)];
    const N = 6;
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const api = apis[i % 2]!;
        const req = (await api(REGISTER, { i: registerInput() }, tokens[i % 2])).data.registerDataRequest;
        const r = await api(DISPOSE, { i: { requestId: req.id, instruction: `Surat ${i}` } }, tokens[i % 2]);
        expect(r.errors).toBeUndefined();
        ids.push(req.id);
      }),
    );
    await until('every e-mail sent', async () => (await db.notificationDelivery.count({ where: { status: 'SENT', notification: { requestId: { in: ids } } } })) === N, 60_000);
    // Time for a second run of any job to show itself.
    await new Promise((r) => setTimeout(r, 1500));
    const notifications = await db.notification.findMany({ where: { requestId: { in: ids } }, include: { deliveries: true } });
    const deliveryIds = new Set(notifications.flatMap((n) => n.deliveries.map((d) => `${d.id}@sipedaki`)));
    const mails = smtp.mails.filter((m) => deliveryIds.has(m.messageId));
    const workers = await db.jobWorker.count();
    print(`${N} dispositions over 2 processes (${workers} job worker pools alive): ${notifications.length} notifications, ${mails.length} e-mails`);
    expect(workers).toBe(2);
    expect(notifications).toHaveLength(N);
    expect(mails).toHaveLength(N);
  }, 180_000);
});
