#!/usr/bin/env node
/**
 * `pnpm bench` (node bench/dashboard.mjs): the Kasubbag dashboard under load.
 *  1. a fresh database (on TEST_DATABASE_URL's server), migrated and seeded: one office,
 *     10 Bidang × 50 indicators × 4 Triwulan targets, a request at step 4, every submission filled;
 *  2. (a) the real API (apps/api/src/main.ts under tsx, LOG_LEVEL=warn) and (b) bench/raw-server.ts,
 *     a bare node:http + pg server returning the same JSON, each in its own process with
 *     bench/count-sql.cjs counting the SQL statements it sends and reporting its CPU time;
 *  3. autocannon against (a) then (b) (the order alternates per round), for each number of
 *     connections in CONNECTIONS (default "50,4"), REPEAT rounds (default 3), DURATION seconds
 *     each (default 10, after a 2 s warm-up). Prints per run req/s, p50, p95 (exact, from every
 *     response's time), CPU ms per request of each server process and of the PostgreSQL
 *     backends serving the bench's database (bench/cpu.mjs), and the ratios; then the
 *     median of the rounds and the load average. The two servers share the machine and the
 *     database, so the ratio of one round is measured under the same load.
 *  Goals (issue 15): req/s ratio (a)/(b) ≥ 0.6 at 50 connections; p95 (a) ≤ 1.5 × (b) at 4.
 *  Env: BIDANG, INDICATORS, DURATION, CONNECTIONS, REPEAT, BENCH_NODE_ARGS (node flags for both
 *  servers, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' writes CPU profiles of both), API_NODE_ARGS
 *  (flags for the API only, after those of its start script: bench/api-process.mjs).
 *  The API runs with the Node.js flags of its own start script, as deployed; the raw server with
 *  Node's defaults.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { apiNodeFlags } from './api-process.mjs';
import { databaseCpu } from './cpu.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const require = createRequire(path.join(api, 'package.json'));
const pg = require('pg');
const duration = Number(process.env.DURATION ?? 10);
const connectionList = String(process.env.CONNECTIONS ?? '50,4').split(',').map(Number).filter((n) => n > 0);
const repeat = Number(process.env.REPEAT ?? 3);
const say = (s) => process.stdout.write(`${s}\n`);

const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test');
const dbName = `sipedaki_bench_${process.pid}`;
const adminUrl = new URL(base); adminUrl.pathname = '/postgres';
const dbUrl = new URL(base); dbUrl.pathname = `/${dbName}`;
const admin = async (sql) => { const c = new pg.Client({ connectionString: adminUrl.toString() }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const children = [];
function start(args, env, own = '') {
  // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the servers.
  const extra = `${process.env.BENCH_NODE_ARGS ?? ''} ${own}`.split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--require', path.join(root, 'bench/count-sql.cjs'), '--import', 'tsx', ...args], { cwd: api, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  return child;
}
const ask = (child, question, key) => new Promise((resolve) => {
  const on = (m) => { if (m && typeof m[key] === 'number') { child.off('message', on); resolve(m[key]); } };
  child.on('message', on);
  child.send(question);
});
const sqlCount = (child) => ask(child, 'sql-count', 'sqlCount');
const cpuMicros = (child) => ask(child, 'cpu', 'cpuMicros');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN; };
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
async function waitFor(url, init) {
  let last = '';
  for (let i = 0; i < 1200; i++) { try { const r = await fetch(url, init); if (r.status < 500) return r; last = await r.text(); } catch (e) { last = String(e); } await new Promise((r) => setTimeout(r, 100)); }
  throw new Error(`not ready: ${url}: ${last}`);
}

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bench-'));
  try {
    say(`seeding ${process.env.BIDANG ?? 10} Bidang × ${process.env.INDICATORS ?? 50} indicators × 4 Triwulan into ${dbName} …`);
    // On a loaded machine the seeding's step-3 transaction can outrun Prisma's 5 s limit: try again on a fresh database.
    let seeded;
    for (let attempt = 1; attempt <= 3; attempt++) {
      seeded = spawnSync(process.execPath, ['--require', require.resolve('reflect-metadata'), '--import', 'tsx', path.join(root, 'bench/seed-dashboard.ts')], { cwd: api, env: { ...process.env, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
      if (seeded.status === 0) break;
      if (attempt === 3) throw new Error(seeded.stderr);
      say(`seeding failed (attempt ${attempt}), again: ${seeded.stderr.split('\n').find((l) => /Error|timeout/.test(l)) ?? ''}`);
      await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin(`CREATE DATABASE "${dbName}"`);
    }
    const { requestId, kasubbag } = JSON.parse(seeded.stdout.trim().split('\n').pop());
    // Statistics, as autovacuum would soon gather on a real database: without them the planner
    // guesses table sizes, and autovacuum analysing in the middle of a run changed the plans (and
    // the figures) from one round to the next.
    // One connection of the bench's own for that and for reading PostgreSQL's CPU (bench/cpu.mjs).
    const probe = new pg.Client({ connectionString: dbUrl.toString() });
    probe.on('error', () => {}); // the database is dropped WITH (FORCE) at the end, probe or not
    await probe.connect();
    await probe.query('ANALYZE');

    const apiPort = await freePort();
    const rawPort = await freePort();
    const apiChild = start(['src/main.ts'], { NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl.toString(), PORT: String(apiPort), HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, [...apiNodeFlags(), process.env.API_NODE_ARGS ?? ''].join(' '));
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

    // One measured run: autocannon with every response's time kept (autocannon's own summary has
    // no p95), and the server's CPU time over the run divided by the responses it gave.
    const run = (opts, connections, duration) => new Promise((resolve, reject) => {
      const times = [];
      const inst = autocannon({ connections, duration, ...opts }, (err, res) => (err ? reject(err) : resolve({ res, times })));
      inst.on('response', (_client, _status, _bytes, ms) => times.push(ms));
    });
    const measure = async (child, opts, connections) => {
      await run(opts, connections, 2);
      const cpu0 = await cpuMicros(child);
      const db = await databaseCpu(probe);
      const { res, times } = await run(opts, connections, duration);
      const cpu = (await cpuMicros(child)) - cpu0;
      const n = Math.max(1, res.requests.total);
      return { rps: res.requests.total / duration, p50: quantile(times, 0.5), p95: quantile(times, 0.95), errors: res.errors + res.non2xx, cpuMs: cpu / 1000 / n, pgMs: (await db.since()) / n };
    };
    const A = { url: gqlUrl, method: 'POST', headers, body: gqlBody };
    const B = { url: rawUrl, headers };
    const line = (name, r) => `${name} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  CPU ${r.cpuMs.toFixed(2).padStart(6)} ms/req  PostgreSQL ${Number.isNaN(r.pgMs) ? '?' : r.pgMs.toFixed(2)} ms/req  errors ${r.errors}`;
    say(`node flags: API ${apiNodeFlags().join(' ') || '(none)'} (its start script), raw server (none)`);
    say(`SQL statements per request: (a) ${sqlA}, (b) ${sqlB}`);
    say(`${repeat} round(s) × connections [${connectionList.join(', ')}] × ${duration} s per server; load average at start ${load()} (${os.cpus().length} CPUs)`);
    const results = new Map(connectionList.map((c) => [c, []]));
    for (let round = 1; round <= repeat; round++) {
      for (const connections of connectionList) {
        // Alternate which server goes first, so a load that rises or falls during a round does not favour one.
        const first = round % 2 === 1;
        const ra = first ? await measure(apiChild, A, connections) : null;
        const rb = await measure(rawChild, B, connections);
        const a = ra ?? (await measure(apiChild, A, connections));
        const r = { a, b: rb, ratio: a.rps / rb.rps, p95x: a.p95 / rb.p95, cpux: a.cpuMs / rb.cpuMs };
        results.get(connections).push(r);
        say(`round ${round}, ${connections} connections (load ${load()}):`);
        say(line('  (a) API GraphQL   ', a));
        say(line('  (b) raw http + pg ', rb));
        say(`  ratio req/s ${r.ratio.toFixed(3)}, p95 ${r.p95x.toFixed(2)}× raw, CPU ${r.cpux.toFixed(2)}× raw`);
      }
    }
    await probe.end();
    say('');
    say(`median of ${repeat} round(s); load average at end ${load()}:`);
    for (const [connections, rs] of results) {
      const m = (f) => median(rs.map(f));
      say(`  ${String(connections).padStart(3)} connections: (a) ${m((r) => r.a.rps).toFixed(1)} req/s p95 ${m((r) => r.a.p95).toFixed(0)} ms, (b) ${m((r) => r.b.rps).toFixed(1)} req/s p95 ${m((r) => r.b.p95).toFixed(0)} ms; ratio ${m((r) => r.ratio).toFixed(3)}, p95 ${m((r) => r.p95x).toFixed(2)}× raw, CPU/request ${m((r) => r.a.cpuMs).toFixed(2)} vs ${m((r) => r.b.cpuMs).toFixed(2)} ms (${m((r) => r.cpux).toFixed(2)}×)`);
    }
    const at = (c, f) => (results.has(c) ? median(results.get(c).map(f)) : null);
    const ratio50 = at(50, (r) => r.ratio);
    const p95at4 = at(4, (r) => r.p95x);
    if (ratio50 !== null) say(`goal ratio ≥ 0.6 at 50 connections: ${ratio50.toFixed(3)} ${ratio50 >= 0.6 ? 'met' : 'NOT met'}`);
    if (p95at4 !== null) say(`goal p95 ≤ 1.5× raw at 4 connections: ${p95at4.toFixed(2)}× ${p95at4 <= 1.5 ? 'met' : 'NOT met'}`);
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
