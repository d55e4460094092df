/**
 * Operations (tracker issue 5): request logging, health and readiness, the N+1 guard of the
 * Kasubbag dashboard, backup/restore round trip, and a SIGKILL in the middle of a burst of
 * submission writes. Each test prints the figure it checks.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { countStatements } from './statements';
import { freePort, startApi } from './api-processes';
import { createApp } from '../src/app';
import { listen } from '../src/http/server';
import type { Actor } from '../src/auth/actor';
import { logger, setLogDestination } from '../src/common/logger';
import { loadConfig } from '../src/config';
import { migrateDeploy } from '../src/db/migrate';
import { createPrisma } from '../src/db/prisma';
import { seedReference } from '../src/db/seed';
import { createServices } from '../src/services';
import { freshDatabase } from './db-url';
import { makeUser, PASSWORD } from './factories';
import { startTestApp, type TestApp } from './harness';
import { DASHBOARD_QUERY, makeCollectingRequest } from './scenario';
import { exited } from './wait';

const print = (line: string) => process.stdout.write(`[ops] ${line}\n`);
const repo = path.resolve(__dirname, '../../..');

const actorOf = (u: { id: string; officeId: string; name: string; roles: string[]; bidangId: string | null }): Actor => ({
  userId: u.id,
  officeId: u.officeId,
  name: u.name,
  roles: u.roles as never,
  bidangIds: u.bidangId ? [u.bidangId] : [],
  sessionId: crypto.randomUUID(),
  kind: 'user',
  scopes: [],
});

describe('request logging, health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs one line per request with method, path, status, ms and the x-request-id; never the token or a password', async () => {
    const lines: string[] = [];
    const previous = setLogDestination(new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const level = logger.level;
    logger.level = 'info';
    try {
      const secretToken = `tok-${crypto.randomBytes(8).toString('hex')}`;
      const res = await fetch(`${t.url}/graphql?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secretToken}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const secretPassword = `sandi-${crypto.randomBytes(8).toString('hex')}`;
      const login = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: 'tidak-ada', password: secretPassword } } }),
      });
      await login.text();
      const health = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'probe-12345678' } });
      const ids = [res.headers.get('x-request-id'), login.headers.get('x-request-id'), health.headers.get('x-request-id')];
      const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req && l.res);
      print(`request log: ${requestLines.length} lines for 3 requests; sample ${JSON.stringify(requestLines[0])}`);
      expect(requestLines).toHaveLength(3);
      expect(requestLines.map((l) => l.req.id)).toEqual(ids);
      expect(ids[2]).toBe('probe-12345678');
      expect(requestLines[0]).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { status: 200 } });
      expect(requestLines[2]).toMatchObject({ req: { method: 'GET', path: '/healthz' }, res: { status: 200 } });
      for (const l of requestLines) expect(typeof l.ms).toBe('number');
      const all = lines.join('');
      expect(all).not.toContain(secretToken);
      expect(all).not.toContain(secretPassword);
      expect(all.toLowerCase()).not.toContain('authorization');
    } finally {
      logger.level = level;
      setLogDestination(previous);
    }
  });

  it('/healthz is 200; /readyz is 200 with the database and 503 when it is unreachable', async () => {
    const health = await fetch(`${t.url}/healthz`);
    const ready = await fetch(`${t.url}/readyz`);
    // A throwaway app whose Prisma points at a closed port.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-down-'));
    const brokenUrl = 'postgresql://postgres@127.0.0.1:1/nowhere';
    const db = createPrisma(brokenUrl, { max: 1 });
    const { app, stop } = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: brokenUrl, DATA_DIR: dataDir }), db);
    const server: Server = await listen(app, 0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const downHealth = await fetch(`${base}/healthz`);
      const downReady = await fetch(`${base}/readyz`);
      const body = await downReady.json();
      print(`healthz ${health.status}, readyz ${ready.status}; database down: healthz ${downHealth.status}, readyz ${downReady.status} ${JSON.stringify(body)}`);
      expect(health.status).toBe(200);
      expect(ready.status).toBe(200);
      expect(downHealth.status).toBe(200);
      expect(downReady.status).toBe(503);
      expect(body).toEqual({ status: 'unavailable' });
    } finally {
      await new Promise((r) => server.close(r));
      await stop();
      await db.$disconnect().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('N+1 guard: the Kasubbag dashboard query', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends a number of SQL statements that does not grow with the number of Bidang (measures and reports the growth)', async () => {
    const measure = async (bidang: number) => {
      const s = await makeCollectingRequest(t.db, t.services, { bidang, indicatorsPerBidang: 3 });
      const token = await t.login(s.users.kasubbag.username);
      const warm = await t.gql(DASHBOARD_QUERY, { id: s.requestId }, token);
      expect(warm.errors).toBeUndefined();
      expect(warm.data.dataRequest.submissions).toHaveLength(bidang);
      return countStatements(() => t.gql(DASHBOARD_QUERY, { id: s.requestId }, token));
    };
    const two = await measure(2);
    const six = await measure(6);
    const perBidang = (six - two) / 4;
    print(`dashboard SQL statements: 2 Bidang -> ${two}, 6 Bidang -> ${six} (${perBidang} more per Bidang)`);
    // The submissions of all Bidang load in a fixed set of queries (SubmissionService.views):
    // the statement count must not depend on the number of Bidang.
    expect(six).toBe(two);
    // One each: session, request, completeness, submissions, values, documents, reviews, steps
    // (hand-written SQL, db/sql.ts). More means a board read went back through a slower path.
    expect(two).toBeLessThanOrEqual(8);
  });
});

describe('backup and restore', () => {
  it('round-trips the database and the stored documents into a new database and data directory', async () => {
    const source = await freshDatabase('bk_src');
    const target = await freshDatabase('bk_dst');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bk-src-'));
    const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bk-dst-'));
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bk-out-'));
    const db = createPrisma(source.url, { max: 2 });
    const restored = createPrisma(target.url, { max: 2 });
    try {
      await migrateDeploy(source.url);
      await seedReference(db);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: source.url, DATA_DIR: dataDir });
      const services = createServices(db, config);
      const s = await makeCollectingRequest(db, services, { bidang: 2, indicatorsPerBidang: 3 });
      const op = await makeUser(db, s.office.id, ['BIDANG_OPERATOR'], s.bidang[0]!.id);
      const content = Buffer.from(`kode,realisasi\n${crypto.randomBytes(512).toString('hex')}\n`);
      const own = await db.bidangSubmission.findFirstOrThrow({ where: { requestId: s.requestId, bidangId: s.bidang[0]!.id } });
      const doc = (await services.documents.upload(actorOf(op), { submissionId: own.id, kind: 'LHP' }, 'lhp.csv', 'text/csv', Readable.from([content]))) as { id: string };
      const stored = await db.storedDocument.findUniqueOrThrow({ where: { id: doc.id } });

      const env = { ...process.env, DATABASE_URL: source.url, DATA_DIR: dataDir };
      const b = spawnSync('bash', [path.join(repo, 'scripts/backup.sh'), backupDir], { env, encoding: 'utf8' });
      expect(b.stderr + b.stdout).toContain('backup written');
      const r = spawnSync('bash', [path.join(repo, 'scripts/restore.sh'), backupDir], { env: { ...env, DATABASE_URL: target.url, DATA_DIR: restoreDir }, encoding: 'utf8' });
      expect(r.status === 0 ? 'ok' : r.stderr).toBe('ok');

      const counts = async (url: string) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const tables = (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((x) => x.table_name as string);
        const out: Record<string, number> = {};
        for (const tname of tables) out[tname] = Number((await c.query(`SELECT count(*) AS n FROM "${tname}"`)).rows[0].n);
        await c.end();
        return out;
      };
      const [before, after] = await Promise.all([counts(source.url), counts(target.url)]);
      const fileBefore = fs.readFileSync(path.join(dataDir, 'documents', stored.storageKey));
      const fileAfter = fs.readFileSync(path.join(restoreDir, 'documents', stored.storageKey));
      const nonEmpty = Object.entries(before).filter(([, n]) => n > 0).map(([k, n]) => `${k}=${n}`).join(' ');
      print(`backup: ${fs.statSync(path.join(backupDir, 'database.dump')).size} B dump + ${fs.statSync(path.join(backupDir, 'documents.tar')).size} B documents; ${Object.keys(before).length} tables, rows: ${nonEmpty}; document ${stored.size} B identical: ${fileBefore.equals(fileAfter)}`);
      expect(after).toEqual(before);
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect(before.BidangSubmission).toBe(2);
      // A few values, read through Prisma on the restored database.
      const req = await restored.dataRequest.findUniqueOrThrow({ where: { id: s.requestId }, include: { submissions: { include: { values: true } } } });
      expect(req.status).toBe('COLLECTING');
      expect(req.submissions.flatMap((x) => x.values.map((v) => Number(v.realisasi))).sort()).toEqual(
        (await db.submissionValue.findMany({ where: { submission: { requestId: s.requestId } } })).map((v) => Number(v.realisasi)).sort(),
      );
      expect((await restored.storedDocument.findUniqueOrThrow({ where: { id: doc.id } })).sha256).toBe(stored.sha256);
      expect((await restored.office.findUniqueOrThrow({ where: { id: s.office.id } })).name).toBe(s.office.name);
      expect(fileAfter.equals(content)).toBe(true);
      expect(crypto.createHash('sha256').update(fileAfter).digest('hex')).toBe(stored.sha256);
    } finally {
      await db.$disconnect();
      await restored.$disconnect();
      await source.drop();
      await target.drop();
      for (const d of [dataDir, restoreDir, backupDir]) fs.rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('SIGKILL in the middle of a burst of submission writes', () => {
  // startApi (test/api-processes.ts) runs `node --import tsx src/main.ts`, not the tsx CLI (which
  // runs the server in a grandchild): the pid we SIGKILL is the server itself.
  it('leaves no partial state: versions match audit rows, every review has its audit row', async () => {
    const database = await freshDatabase('kill');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-kill-'));
    const db = createPrisma(database.url, { max: 2 });
    let child: ChildProcess | undefined;
    try {
      await migrateDeploy(database.url);
      await seedReference(db);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: dataDir });
      const services = createServices(db, config);
      const s = await makeCollectingRequest(db, services, { bidang: 4, indicatorsPerBidang: 3 });
      // One operator per Bidang, with the three required documents attached, so submit can succeed.
      const subs = await db.bidangSubmission.findMany({ where: { requestId: s.requestId }, include: { values: true } });
      const ops: { op: Awaited<ReturnType<typeof makeUser>>; sub: (typeof subs)[number] }[] = [];
      for (const sub of subs) {
        const op = await makeUser(db, s.office.id, ['BIDANG_OPERATOR'], sub.bidangId);
        for (const kind of ['LHP', 'LHE', 'TL_HP'] as const) {
          await services.documents.upload(actorOf(op), { submissionId: sub.id, kind }, `${kind}.csv`, 'text/csv', Readable.from([Buffer.from(`a,b\n${kind},1\n`)]));
        }
        ops.push({ op, sub });
      }
      const port = await freePort();
      const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
      child = await startApi(env, port);
      const gql = async (query: string, variables: object, token: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        return res.json() as Promise<any>;
      };
      const loginOf = async (username: string) =>
        (await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: username, password: PASSWORD } }, '')).data.login.token as string;
      const kasubbag = await loginOf(s.users.kasubbag.username);
      const inFlight = new Map<number, string>();
      const outcomes: Record<string, number> = {};
      let seq = 0;
      let killed = false;
      // Each Bidang loops save → submit → (Kasubbag) return, as fast as the server answers.
      const loop = async ({ op, sub }: (typeof ops)[number]) => {
        const token = await loginOf(op.username);
        let version = 1;
        while (!killed) {
          const steps = [
            ['saveSubmission', 'mutation($i: SaveSubmissionInput!) { saveSubmission(input: $i) { version } }', () => ({ submissionId: sub.id, expectedVersion: version, narrative: `n${version}`, values: sub.values.map((v) => ({ indicatorId: v.indicatorId, realisasi: 50 + (version % 40) })) }), token],
            ['submitSubmission', 'mutation($i: SubmissionActionInput!) { submitSubmission(input: $i) { version } }', () => ({ submissionId: sub.id, expectedVersion: version }), token],
            ['returnSubmission', 'mutation($i: ReturnSubmissionInput!) { returnSubmission(input: $i) { version } }', () => ({ submissionId: sub.id, expectedVersion: version, reason: 'Mohon diperbaiki datanya' }), kasubbag],
          ] as const;
          for (const [name, query, vars, tok] of steps) {
            if (killed) return;
            const id = ++seq;
            inFlight.set(id, `${name}#${sub.id.slice(0, 8)}@v${version}`);
            try {
              const r = await gql(query, { i: vars() }, tok);
              const code = r.errors?.[0]?.extensions?.code ?? 'ok';
              outcomes[`${name}:${code}`] = (outcomes[`${name}:${code}`] ?? 0) + 1;
              if (r.data) version = Object.values(r.data as Record<string, { version: number }>)[0]!.version;
              else if (code !== 'CONFLICT') throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
            } catch (e) {
              if (!killed) throw e;
              return;
            } finally {
              inFlight.delete(id);
            }
          }
        }
      };
      const loops = ops.map(loop);
      // Kill once the burst is well under way (every Bidang through a few cycles) and requests are in flight.
      const done = () => Object.values(outcomes).reduce((a, b) => a + b, 0);
      const target = ops.length * 6 + Math.floor(Math.random() * ops.length * 3);
      const until = Date.now() + 30_000;
      while ((done() < target || inFlight.size < 2) && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
      const snapshot = [...inFlight.values()];
      killed = true;
      child.kill('SIGKILL');
      await Promise.allSettled(loops);
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child!.once('exit', r));
      print(`SIGKILL after ${seq} requests; in flight at the kill: ${snapshot.length} [${snapshot.join(', ')}]; completed: ${JSON.stringify(outcomes)}`);
      expect(done()).toBeGreaterThanOrEqual(target);
      expect(snapshot.length).toBeGreaterThan(0);

      // The killed server is really gone: nothing answers on its port before the restart.
      const stillThere = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
      expect(stillThere).toBe(false);
      child = await startApi(env, port);
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      const mismatched = (
        await c.query(`
          SELECT s.id, s.version, (SELECT count(*) FROM "AuditEvent" a WHERE a."entityType" = 'BidangSubmission' AND a."entityId" = s.id::text
            AND a.action IN ('submission.saved','submission.submit','submission.return','submission.accept'))::int AS audits
          FROM "BidangSubmission" s WHERE s."requestId" = $1`, [s.requestId])
      ).rows.filter((r) => r.version !== 1 + r.audits);
      const orphans = (
        await c.query(`
          SELECT r.id FROM "SubmissionReview" r JOIN "BidangSubmission" s ON s.id = r."submissionId" WHERE s."requestId" = $1
          AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."entityType" = 'BidangSubmission' AND a."entityId" = r."submissionId"::text
            AND a.action = 'submission.' || lower(r.action) AND (a.after->>'version')::int = r.version)`, [s.requestId])
      ).rows;
      const versions = (await c.query(`SELECT version FROM "BidangSubmission" WHERE "requestId" = $1 ORDER BY 1`, [s.requestId])).rows.map((r) => r.version);
      const reviews = Number((await c.query(`SELECT count(*) FROM "SubmissionReview" r JOIN "BidangSubmission" s ON s.id = r."submissionId" WHERE s."requestId" = $1`, [s.requestId])).rows[0].count);
      await c.end();
      // The restarted API serves the request again.
      const after = await gql(DASHBOARD_QUERY, { id: s.requestId }, await loginOf(s.users.kasubbag.username));
      print(`after restart: versions ${JSON.stringify(versions)}, ${reviews} reviews; version≠1+audits: ${mismatched.length}; reviews without audit: ${orphans.length}`);
      expect(after.errors).toBeUndefined();
      expect(mismatched).toEqual([]);
      expect(orphans).toEqual([]);
      expect(versions.some((v: number) => v > 1)).toBe(true);
    } finally {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
      await db.$disconnect();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
