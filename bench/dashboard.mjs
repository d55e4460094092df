#!/usr/bin/env node
/**
 * `pnpm bench` (node bench/dashboard.mjs): the Kasubbag dashboard under load.
 *  1. a fresh database (on TEST_DATABASE_URL's server), migrated and seeded: one office,
 *     10 Bidang × 50 indicators × 4 Triwulan targets, a request at step 4, every submission filled;
 *  2. (a) the real API (apps/api/src/main.ts under tsx, LOG_LEVEL=warn) and (b) bench/raw-server.ts,
 *     a bare node:http + pg server returning the same JSON, each in its own process with
 *     bench/count-sql.cjs counting the SQL statements it sends;
 *  3. autocannon, 50 connections, DURATION seconds (default 10) each; prints req/s, p95, the
 *     ratio (a)/(b) and SQL statements per request. Env: BIDANG, INDICATORS, DURATION, CONNECTIONS.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const require = createRequire(path.join(api, 'package.json'));
const pg = require('pg');
const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const say = (s) => process.stdout.write(`${s}\n`);

const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test');
const dbName = `sipedaki_bench_${process.pid}`;
const adminUrl = new URL(base); adminUrl.pathname = '/postgres';
const dbUrl = new URL(base); dbUrl.pathname = `/${dbName}`;
const admin = async (sql) => { const c = new pg.Client({ connectionString: adminUrl.toString() }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const children = [];
function start(args, env) {
  // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the servers.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--require', path.join(root, 'bench/count-sql.cjs'), '--import', 'tsx', ...args], { cwd: api, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  return child;
}
const sqlCount = (child) => new Promise((resolve) => {
  const on = (m) => { if (m && typeof m.sqlCount === 'number') { child.off('message', on); resolve(m.sqlCount); } };
  child.on('message', on);
  child.send('sql-count');
});
async function waitFor(url, init) {
  let last = '';
  for (let i = 0; i < 300; i++) { try { const r = await fetch(url, init); if (r.status < 500) return r; last = await r.text(); } catch (e) { last = String(e); } await new Promise((r) => setTimeout(r, 100)); }
  throw new Error(`not ready: ${url}: ${last}`);
}

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bench-'));
  try {
    say(`seeding ${process.env.BIDANG ?? 10} Bidang × ${process.env.INDICATORS ?? 50} indicators × 4 Triwulan into ${dbName} …`);
    const seeded = spawnSync(process.execPath, ['--require', require.resolve('reflect-metadata'), '--import', 'tsx', path.join(root, 'bench/seed-dashboard.ts')], { cwd: api, env: { ...process.env, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const { requestId, kasubbag } = JSON.parse(seeded.stdout.trim().split('\n').pop());

    const apiPort = await freePort();
    const rawPort = await freePort();
    const apiChild = start(['src/main.ts'], { NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl.toString(), PORT: String(apiPort), HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const rawChild = start([path.join(root, 'bench/raw-server.ts')], { DATABASE_URL: dbUrl.toString(), PORT: String(rawPort) });
    await waitFor(`http://127.0.0.1:${apiPort}/readyz`);
    const gqlUrl = `http://127.0.0.1:${apiPort}/graphql`;
    const login = await (await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: kasubbag, password: 'rahasia-uji-123' } } }) })).json();
    const token = login.data.login.token;
    const query = fs.readFileSync(path.join(api, 'test/scenario.ts'), 'utf8').match(/DASHBOARD_QUERY = `([\s\S]*?)`/)[1];
    const gqlBody = JSON.stringify({ query, variables: { id: requestId } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const rawUrl = `http://127.0.0.1:${rawPort}/dashboard?id=${requestId}`;
    await waitFor(rawUrl, { headers });

    // Same JSON? (elapsed minutes move with the clock; compared without them.)
    const strip = (j) => JSON.stringify(j, (k, v) => (k === 'elapsedWorkingMinutes' ? undefined : v));
    const a = await (await fetch(gqlUrl, { method: 'POST', headers, body: gqlBody })).json();
    const b = await (await fetch(rawUrl, { headers })).json();
    if (a.errors) throw new Error(JSON.stringify(a.errors));
    const values = a.data.dataRequest.submissions.reduce((n, s) => n + s.values.length, 0);
    say(`response: ${values} values in ${a.data.dataRequest.submissions.length} submissions, ${JSON.stringify(a).length} bytes; raw server JSON identical: ${strip(a) === strip(b)}`);

    const perRequest = async (child, fire) => { for (let i = 0; i < 3; i++) await fire(); const c0 = await sqlCount(child); for (let i = 0; i < 10; i++) await fire(); return ((await sqlCount(child)) - c0) / 10; };
    const sqlA = await perRequest(apiChild, () => fetch(gqlUrl, { method: 'POST', headers, body: gqlBody }).then((r) => r.text()));
    const sqlB = await perRequest(rawChild, () => fetch(rawUrl, { headers }).then((r) => r.text()));

    const run = (opts) => new Promise((resolve, reject) => autocannon({ connections, duration, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));
    const fmt = (r) => ({ rps: r.requests.average, p95: r.latency.p97_5 !== undefined && r.latency.p95 === undefined ? r.latency.p97_5 : r.latency.p95 ?? r.latency.p97_5, p50: r.latency.p50, errors: r.errors + r.non2xx });
    say(`autocannon ${connections} connections × ${duration} s each …`);
    await run({ url: gqlUrl, method: 'POST', headers, body: gqlBody, duration: 2 });
    const ra = fmt(await run({ url: gqlUrl, method: 'POST', headers, body: gqlBody }));
    await run({ url: rawUrl, headers, duration: 2 });
    const rb = fmt(await run({ url: rawUrl, headers }));
    say('');
    say(`(a) API GraphQL dashboard : ${ra.rps.toFixed(1)} req/s, p50 ${ra.p50} ms, p95 ${ra.p95} ms, ${sqlA} SQL statements/request, errors ${ra.errors}`);
    say(`(b) raw node:http + pg    : ${rb.rps.toFixed(1)} req/s, p50 ${rb.p50} ms, p95 ${rb.p95} ms, ${sqlB} SQL statements/request, errors ${rb.errors}`);
    say(`ratio (a)/(b) = ${(ra.rps / rb.rps).toFixed(3)}   (goal ≥ 0.35; p95 goal < 50 ms: ${ra.p95 < 50 ? 'met' : 'NOT met'})`);
  } finally {
    // SIGTERM first: the API shuts down gracefully and, under BENCH_NODE_ARGS=--cpu-prof, writes its profile.
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    for (const c of children) c.kill('SIGKILL');
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
main().then(() => process.exit(0), (e) => { say(String(e?.stack ?? e)); for (const c of children) c.kill('SIGKILL'); process.exit(1); });
