#!/usr/bin/env node
/**
 * `pnpm bench:rollup` (node bench/rollup.mjs): the kabupaten rollup for 40 offices × 5 years
 * (issue 15 goal: p95 < 500 ms).
 *  1. a fresh database on TEST_DATABASE_URL's server, migrated, seeded set-based by
 *     bench/rollup-seed.ts (PEMDAS pemda × OFFICES offices × YEARS years; the first pemda is measured);
 *  2. the real API (apps/api/src/main.ts under tsx, production mode) and a pemda analyst's session;
 *  3. the `kabupatenRollup` query (league table + 25-point trend) over HTTP: SEQUENTIAL requests one
 *     after another (latency as one analyst sees it), then autocannon at CONNECTIONS connections for
 *     DURATION seconds; the XLSX export a few times; and EXPLAIN ANALYZE of the counting statement.
 * Prints p50/p95/max per part. Env: PEMDAS (3), OFFICES (40), YEARS (5), BIDANG (10),
 * INDICATORS (100), SEQUENTIAL (200), CONNECTIONS (4), DURATION (10).
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
import { cpuMs, databaseCpu } from './cpu.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const require = createRequire(path.join(api, 'package.json'));
const pg = require('pg');
const say = (s) => process.stdout.write(`${s}\n`);
const sequential = Number(process.env.SEQUENTIAL ?? 200);
const connections = Number(process.env.CONNECTIONS ?? 4);
const duration = Number(process.env.DURATION ?? 10);

const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test');
const dbName = `sipedaki_bench_rollup_${process.pid}`;
const adminUrl = new URL(base); adminUrl.pathname = '/postgres';
const dbUrl = new URL(base); dbUrl.pathname = `/${dbName}`;
const admin = async (sql) => { const c = new pg.Client({ connectionString: adminUrl.toString() }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const children = [];
async function waitFor(url) {
  let last = '';
  for (let i = 0; i < 600; i++) { try { const r = await fetch(url); if (r.status < 500) return r; last = await r.text(); } catch (e) { last = String(e); } await new Promise((r) => setTimeout(r, 100)); }
  throw new Error(`not ready: ${url}: ${last}`);
}
/** Nearest-rank percentile of the measured milliseconds. */
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n = ${xs.length})`;

const QUERY = `query($year: Int!, $triwulan: Int, $sortBy: RollupMeasure) { kabupatenRollup(year: $year, triwulan: $triwulan, sortBy: $sortBy) {
  pemdaName periodLabel offices { officeId officeName requests requestsDone capaian category { code label } scaleCode scaleVersion cap analysisId
  stepsOnTime stepsLate stepsOpen timeliness bidangAsked bidangHandedIn bidangWaived completeness rankCapaian rankTimeliness rankCompleteness }
  summary { averageCapaian officesWithCapaian officesAsked timeliness completeness }
  trend { year triwulan label averageCapaian officesWithCapaian officesAsked timeliness completeness stepsOnTime stepsLate bidangAsked bidangHandedIn } } }`;

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bench-rollup-'));
  try {
    say(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    say(`seeding ${process.env.PEMDAS ?? 3} pemda × ${process.env.OFFICES ?? 40} offices × ${process.env.YEARS ?? 5} years into ${dbName} …`);
    const seeded = spawnSync(process.execPath, ['--require', require.resolve('reflect-metadata'), '--import', 'tsx', path.join(root, 'bench/rollup-seed.ts')], { cwd: api, env: { ...process.env, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const seed = JSON.parse(seeded.stdout.trim().split('\n').pop());
    say(`seeded in ${seed.seconds} s: ${Object.entries(seed.counts).map(([k, v]) => `${k} ${v}`).join(', ')}; PerformanceAnalysis ${seed.analysisTableSize}`);

    const port = await freePort();
    const child = spawn(process.execPath, [...apiNodeFlags(), '--import', 'tsx', 'src/main.ts'], {
      cwd: api,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl.toString(), PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${baseUrl}/readyz`);
    const gqlUrl = `${baseUrl}/graphql`;
    const login = await (await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: seed.analyst, password: 'rahasia-uji-123' } } }) })).json();
    const token = login.data.login.token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const lastYear = 2022 + Number(process.env.YEARS ?? 5) - 1;
    // The periods an analyst looks at: the year and each Triwulan, by each measure in turn.
    const variants = [null, 1, 2, 3].flatMap((tw) => ['CAPAIAN', 'TIMELINESS', 'COMPLETENESS'].map((sortBy) => ({ year: lastYear - (tw === null ? 1 : 0), triwulan: tw, sortBy })));
    const bodies = variants.map((v) => JSON.stringify({ query: QUERY, variables: v }));

    const first = await (await fetch(gqlUrl, { method: 'POST', headers, body: bodies[0] })).json();
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const r = first.data.kabupatenRollup;
    say(`response: ${r.pemdaName}, ${r.periodLabel}: ${r.offices.length} offices, ${r.trend.length} trend points, ${JSON.stringify(first).length} bytes; pemda capaian ${r.summary.averageCapaian}, timeliness ${r.summary.timeliness}%, completeness ${r.summary.completeness}%`);

    for (let i = 0; i < 20; i++) await (await fetch(gqlUrl, { method: 'POST', headers, body: bodies[i % bodies.length] })).text();
    // CPU used per request by the API process and by the PostgreSQL backends serving it: on a loaded
    // machine the wall-clock latency mostly measures the wait for a core, this measures the work.
    const probe = new pg.Client({ connectionString: dbUrl.toString() });
    await probe.connect();
    const apiCpu0 = cpuMs(child.pid);
    const dbCpu = await databaseCpu(probe);
    const times = [];
    for (let i = 0; i < sequential; i++) {
      const t0 = performance.now();
      const res = await fetch(gqlUrl, { method: 'POST', headers, body: bodies[i % bodies.length] });
      const body = await res.text();
      times.push(performance.now() - t0);
      if (res.status !== 200 || body.includes('"errors"')) throw new Error(body.slice(0, 500));
    }
    const cpu = { api: (cpuMs(child.pid) - apiCpu0) / sequential, db: (await dbCpu.since()) / sequential };
    await probe.end();
    say(`kabupatenRollup, one request at a time: ${fmt(times)}`);
    say(`CPU per request: API ${cpu.api.toFixed(1)} ms + PostgreSQL ${cpu.db.toFixed(1)} ms = ${(cpu.api + cpu.db).toFixed(1)} ms (what one request costs on an idle core)`);

    const ac = await new Promise((resolve, reject) => autocannon({ url: gqlUrl, method: 'POST', headers, body: bodies[0], connections, duration }, (err, res) => (err ? reject(err) : resolve(res))));
    say(`kabupatenRollup, autocannon ${connections} connections × ${duration} s: ${ac.requests.average.toFixed(1)} req/s, p50 ${ac.latency.p50} ms, p97.5 ${ac.latency.p97_5} ms, p99 ${ac.latency.p99} ms, errors ${ac.errors + ac.non2xx}`);

    const xlsx = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/rollup/kabupaten.xlsx?year=${lastYear}&triwulan=2`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      xlsx.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`xlsx ${res.status}`);
    }
    say(`XLSX export: ${fmt(xlsx)}`);

    // The counting statement alone, as the server runs it.
    const c = new pg.Client({ connectionString: dbUrl.toString() });
    await c.connect();
    try {
      // The statement's text from its registry (a constant template without interpolation).
      const text = fs.readFileSync(path.join(api, 'src/rollup/rollup.sql.ts'), 'utf8').match(/name: 'rollup\.counts'[\s\S]*?text: `([\s\S]*?)`/)[1];
      const plan = await c.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values: [seed.pemdaId, lastYear - 4, lastYear, new Date()] });
      const lines = plan.rows.map((x) => x['QUERY PLAN']);
      const growing = /Seq Scan on "(DataRequest|RequestStep|BidangSubmission|DataRequestBidang|PerformanceAnalysis)"/;
      const seq = lines.filter((l) => growing.test(l)).map((l) => l.trim().replace(/^->\s*/, '').split('  ')[0]);
      // With sequential scans off, a Seq Scan left in the plan means no index can serve it.
      await c.query('SET enable_seqscan = off');
      const forced = (await c.query({ text: `EXPLAIN ${text}`, values: [seed.pemdaId, lastYear - 4, lastYear, new Date()] })).rows.map((x) => x['QUERY PLAN']).filter((l) => growing.test(l));
      say(`rollup.counts alone: ${lines.find((l) => l.startsWith('Execution Time'))}; planner's sequential scans of growing tables here: ${seq.length ? seq.join(', ') : 'none'}; without an index: ${forced.length ? forced.join(', ') : 'none'}`);
    } finally {
      await c.end();
    }
    const p95 = pct(times, 95);
    say('');
    say(`goal: kabupaten rollup p95 < 500 ms for ${process.env.OFFICES ?? 40} offices × ${process.env.YEARS ?? 5} years — ${p95 < 500 ? 'met' : 'NOT met'} (one at a time p95 ${p95.toFixed(1)} ms; at ${connections} connections p97.5 ${ac.latency.p97_5} ms; CPU ${(cpu.api + cpu.db).toFixed(1)} ms per request; load average at the end ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores)`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const c of children) c.kill('SIGKILL');
    // KEEP_DB=1 leaves the seeded database for a closer look (its name is printed above).
    if (!process.env.KEEP_DB) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
main().then(() => process.exit(0), (e) => { say(String(e?.stack ?? e)); for (const c of children) c.kill('SIGKILL'); process.exit(1); });
