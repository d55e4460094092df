/**
 * Issue 15 "Beyond one machine": the API keeps no state of its own — sessions, jobs and the
 * per-address login limit live in PostgreSQL, documents on one shared volume (DOCUMENTS_DIR) — so
 * replicas behind a load balancer need no sticky sessions (docs/scaling.md §4). Two API processes
 * (`src/main.ts`, as shipped) on one database, each with a data directory of its own and one
 * documents directory between them:
 *  - a session made on one works on the other, and signing out on the other ends it on the first;
 *  - a job enqueued by one process (the e-mail of a disposition) is run exactly once, whichever
 *    process's worker takes it: one e-mail per disposition reaches the SMTP server;
 *  - one address's login budget is spent across both: a burst of wrong passwords sent to both at
 *    once gets exactly the limit checked, and the address is then refused by either;
 *  - a document uploaded through one is downloaded byte-identical through the other.
 * (notify-processes.test.ts adds the SIGKILL case of the exactly-once property.)
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, freePort, processSetup, startApi, stopApis, disposeAcross, REGISTER, type ApiClient } from './api-processes';
import { makeOfficeWithStaff, PASSWORD } from './factories';
import { registerInput } from './flow';
import { uniqueLoopbackAddress } from './loopback';
import { smtpReceiver } from './receivers';
import { until } from './wait';

const print = (line: string) => process.stdout.write(`[two-processes] ${line}\n`);

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
/** Low enough to spend in a test; successful logins give their place back, so the others never meet it. */
const LOGIN_LIMIT = 6;

describe('two API processes on one database', () => {
  let setup: Awaited<ReturnType<typeof processSetup>>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let documentsDir: string;
  const ownDataDirs: string[] = [];
  const children: ChildProcess[] = [];
  let ports: number[];
  let a: ApiClient;
  let b: ApiClient;

  beforeAll(async () => {
    smtp = await smtpReceiver();
    setup = await processSetup('twoproc', { smtpPort: smtp.port, extra: { LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT) } });
    // The shared volume: one documents directory, outside either process's DATA_DIR.
    documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-shared-documents-'));
    ports = [await freePort(), await freePort()];
    for (const p of ports) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-replica-'));
      ownDataDirs.push(dataDir);
      children.push(await startApi({ ...setup.env, DATA_DIR: dataDir, DOCUMENTS_DIR: documentsDir }, p));
    }
    [a, b] = ports.map((p) => apiClient(p));
  }, 180_000);

  afterAll(async () => {
    await stopApis(children);
    smtp?.release();
    await smtp?.close();
    await setup?.cleanup();
    for (const d of [documentsDir, ...ownDataDirs]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a session made on one process works on the other; signing out on the other ends it on both', async () => {
    const o = await makeOfficeWithStaff(setup.db);
    const token = await a.login(o.users.kasubbag.username);
    const meOnB = await b.gql('{ me { roles office { id } } }', {}, token);
    expect(meOnB.errors).toBeUndefined();
    expect(meOnB.data.me.office.id).toBe(o.office.id);
    expect((await b.gql('mutation { logout }', {}, token)).data.logout).toBe(true);
    const afterOnA = await a.gql('{ me { roles } }', {}, token);
    print(`login on A, me on B: ${meOnB.data.me.roles.join(',')}; after logout on B, A answers ${afterOnA.errors?.[0]?.extensions?.code}`);
    expect(afterOnA.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('jobs enqueued by either process run exactly once: one e-mail per disposition', async () => {
    const { db } = setup;
    const o = await makeOfficeWithStaff(db);
    await db.user.update({ where: { id: o.users.kasubbag.id }, data: { email: 'kasubbag@dinas.test' } });
    const apis = [a, b];
    const tokens = [await a.login(o.users.sekretaris.username), await b.login(o.users.sekretaris.username)];
    const N = 6;
    const ids = await disposeAcross(apis, tokens, N);
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

  it(`one address's login budget is spent across both processes: ${3 * LOGIN_LIMIT} wrong passwords at once over A and B, limit ${LOGIN_LIMIT}: exactly ${LOGIN_LIMIT} checked`, async () => {
    // An address of its own (test/loopback.ts): the server sees it as the TCP peer, as it would
    // see a guesser's address behind a round-robin load balancer that preserves it.
    const guesser = uniqueLoopbackAddress();
    const [ga, gb] = ports.map((p) => apiClient(p, guesser));
    const burst = await Promise.all(
      Array.from({ length: 3 * LOGIN_LIMIT }, (_, i) => (i % 2 ? ga! : gb!).gql(LOGIN, { i: { login: `tidak.ada.${i}`, password: 'tebakan-acak' } })),
    );
    const codes = burst.map((r) => r.errors?.[0]?.extensions?.code as string);
    const checked = codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
    const refused = burst.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    const rows = await setup.db.loginAttempt.findMany({ where: { ip: guesser } });
    print(`${burst.length} wrong passwords from ${guesser} alternately to A and B, limit ${LOGIN_LIMIT}/min: ${checked} checked, ${refused.length} refused (429); ${rows.length} attempts recorded`);
    expect(checked).toBe(LOGIN_LIMIT);
    expect(refused).toHaveLength(2 * LOGIN_LIMIT);
    expect(refused.every((r) => r.status === 429 && Number(r.retryAfter) > 0)).toBe(true);
    expect(rows.map((r) => r.settled)).toEqual(Array(LOGIN_LIMIT).fill(true));

    // Spent: either process refuses the address, even the right password of a real account.
    const o = await makeOfficeWithStaff(setup.db);
    for (const api of [ga!, gb!]) {
      const r = await api.gql(LOGIN, { i: { login: o.users.admin.username, password: PASSWORD } });
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    // Another address still has its whole budget, on either process.
    const other = apiClient(ports[1]!, uniqueLoopbackAddress());
    expect(await other.login(o.users.admin.username)).toBeTruthy();
  }, 120_000);

  it('a document uploaded through one process is downloaded byte-identical through the other (DOCUMENTS_DIR on one volume)', async () => {
    const o = await makeOfficeWithStaff(setup.db);
    const tokenA = await a.login(o.users.sekretaris.username);
    const tokenB = await b.login(o.users.kasubbag.username);
    const req = (await a.gql(REGISTER, { i: registerInput() }, tokenA)).data.registerDataRequest;
    const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n% ${crypto.randomUUID()}\n`), crypto.randomBytes(200_000), Buffer.from('\n%%EOF\n')]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'Surat permintaan.pdf');
    const up = await fetch(`${a.url}/api/documents?${new URLSearchParams({ requestId: req.id, kind: 'OTHER' })}`, { method: 'POST', headers: { authorization: `Bearer ${tokenA}` }, body: form });
    const doc = (await up.json()) as { id: string; sha256: string; storageKey?: string };
    expect(up.status).toBe(201);

    const down = await fetch(`${b.url}/api/documents/${doc.id}`, { headers: { authorization: `Bearer ${tokenB}` } });
    const got = Buffer.from(await down.arrayBuffer());
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const stored = path.join(documentsDir, sha.slice(0, 2), sha);
    print(`uploaded ${bytes.length} B through A, downloaded ${got.length} B through B (status ${down.status}); in the shared DOCUMENTS_DIR: ${fs.existsSync(stored)}; in A's or B's DATA_DIR: ${ownDataDirs.some((d) => fs.existsSync(path.join(d, 'documents')))}`);
    expect(down.status).toBe(200);
    expect(got.equals(bytes)).toBe(true);
    expect(down.headers.get('x-content-sha256')).toBe(sha);
    // Stored once, in the shared directory, not under either process's own DATA_DIR; no temp file left.
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    expect(ownDataDirs.some((d) => fs.existsSync(path.join(d, 'documents')))).toBe(false);
    expect(fs.readdirSync(path.join(documentsDir, 'tmp'))).toEqual([]);
  }, 120_000);
});
