#!/usr/bin/env node
/**
 * `pnpm bench:scale` — issue 15 "Scale, measured". Prints, never asserts:
 *  1. the Kasubbag's board (the query of bench/dashboard.mjs, one request of 10 Bidang × 50
 *     indicators) on a database holding that one office, and on a database holding the same office
 *     beside 1,000 generated offices × 5 years (≈ 10 million SubmissionValue rows): p50 and p95 of
 *     each and their growth. The two APIs run side by side and the runs alternate (small, big,
 *     small, big, …) so that the load of a shared machine falls on both alike;
 *  2. `performanceData` pages with filters over the big database, CONNECTIONS (4) clients walking
 *     pages of 50 (up to 5 pages deep, following the cursor) of a generated office: p50/p95 per page;
 *  3. the page's SQL alone (the shape Prisma sent before issue 15, the hand-written statements now, and the count) at CONNECTIONS.
 * SKIP_BOARD=1 skips (1) and the small database.
 *
 * The big database (BIG_DB, default sipedaki_scale_big) is generated once by bench/generate.ts
 * and kept (FRESH=1 generates it again); the small one is made fresh each run and dropped.
 * Env: OFFICES (1000), YEARS (5), CONNECTIONS (4), ROUNDS (3), SLICE (seconds per board run, 5),
 * PAGE_SECONDS (20).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { apiNodeFlags } from './api-process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const require = createRequire(path.join(api, 'package.json'));
const pg = require('pg');
const say = (s) => process.stdout.write(`${s}\n`);
const env = (k, d) => process.env[k] ?? d;
const connections = Number(env('CONNECTIONS', 4));
const rounds = Number(env('ROUNDS', 3));
const slice = Number(env('SLICE', 5)) * 1000;
const pageSeconds = Number(env('PAGE_SECONDS', 20)) * 1000;
const PASSWORD = 'rahasia-uji-123';

const base = new URL(env('TEST_DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/sipedaki_test'));
const urlOf = (name) => { const u = new URL(base); u.pathname = `/${name}`; return u.toString(); };
const adminUrl = urlOf('postgres');
const admin = async (sql, params) => { const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); try { return await c.query(sql, params); } finally { await c.end(); } };
const query = async (url, sql, params) => { const c = new pg.Client({ connectionString: url }); await c.connect(); try { return await c.query(sql, params); } finally { await c.end(); } };

const tsx = (script, extraEnv) => spawnSync(process.execPath, ['--require', require.resolve('reflect-metadata'), '--import', 'tsx', script], { cwd: api, env: { ...process.env, LOG_LEVEL: 'warn', ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** bench/scale-seed.ts's office (10 Bidang × 50 indicators, a request at step 4); retried once more if it fails. */
function seedHotOffice(url) {
  for (let i = 0; i < 2; i++) {
    const r = tsx(path.join(root, 'bench/scale-seed.ts'), { DATABASE_URL: url });
    if (r.status === 0) return JSON.parse(r.stdout.trim().split('\n').pop());
    say(`  seeding the board's office failed (${r.stderr.split('\n').find((l) => /error|Error/.test(l)) ?? r.status}); again`);
  }
  throw new Error('could not seed the board office');
}

/** The board office of a database: the one request at step 4 with 500 asked indicators. */
async function hotOffice(url) {
  const r = await query(url, `
    SELECT r.id AS "requestId", (SELECT u.username FROM "User" u WHERE u."officeId" = r."officeId" AND 'KASUBBAG' = ANY(u.roles) LIMIT 1) AS kasubbag
      FROM "DataRequest" r JOIN "Office" o ON o.id = r."officeId"
     WHERE o.code LIKE 'T-%' AND r.status = 'COLLECTING' ORDER BY r."createdAt" DESC LIMIT 1`);
  return r.rows[0];
}

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const children = [];
async function startApi(url, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [...apiNodeFlags(), '--import', 'tsx', 'src/main.ts'], { cwd: api, env: { ...process.env, NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '100000' }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (let i = 0; i < 600; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return `http://127.0.0.1:${port}/graphql`; } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 200)); }
  throw new Error('API not ready');
}
const gql = async (url, q, variables, token) => {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query: q, variables }) });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body: body.data, ms };
};
const login = async (url, username) => (await gql(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: username, password: PASSWORD } })).body.login.token;

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const fmt = (xs) => `n ${xs.length}, p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;

/** `connections` clients calling `one()` back to back for `ms`; the latencies. */
async function load(ms, one) {
  const out = [];
  const end = Date.now() + ms;
  await Promise.all(Array.from({ length: connections }, async (_, w) => { while (Date.now() < end) out.push(await one(w)); }));
  return out;
}

async function main() {
  say(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const bigName = env('BIG_DB', 'sipedaki_scale_big');
  const bigUrl = urlOf(bigName);
  const exists = (await admin('SELECT 1 FROM pg_database WHERE datname = $1', [bigName])).rowCount > 0;
  if (!exists || env('FRESH', '') === '1') {
    say(`generating ${bigName} (bench/generate.ts) …`);
    const g = spawnSync(process.execPath, ['--require', require.resolve('reflect-metadata'), '--import', 'tsx', path.join(root, 'bench/generate.ts')], { cwd: api, env: { ...process.env, DB: bigName, FRESH: '1', OFFICES: env('OFFICES', '1000'), YEARS: env('YEARS', '5') }, stdio: 'inherit' });
    if (g.status !== 0) throw new Error('generate failed');
  }
  if (!(await hotOffice(bigUrl))) { say('seeding the board office into the big database …'); seedHotOffice(bigUrl); }
  const big = await hotOffice(bigUrl);
  const sizes = (await query(bigUrl, `SELECT (SELECT count(*) FROM "Office")::int AS offices, (SELECT count(*) FROM "SubmissionValue")::int AS "values", pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0];
  say(`big database ${bigName}: ${sizes.offices} offices, ${sizes.values.toLocaleString('en')} SubmissionValue rows, ${sizes.size}`);

  const smallName = `sipedaki_scale_small_${process.pid}`;
  await admin(`CREATE DATABASE "${smallName}"`);
  const smallUrl = urlOf(smallName);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-scale-'));
  try {
    const skipBoard = env('SKIP_BOARD', '') === '1';
    const bigApi = await startApi(bigUrl, dataDir);
    if (!skipBoard) {
      say('small database: migrating and seeding the same board office alone …');
      const small = seedHotOffice(smallUrl);
      // Statistics on both, as autovacuum gives a real database (the big one got them from the generator).
      await query(smallUrl, 'ANALYZE');
      await query(bigUrl, 'ANALYZE "BidangSubmission", "SubmissionValue", "DataRequestIndicator", "Indicator", "DataRequest"');
      const smallApi = await startApi(smallUrl, dataDir);
      const dashboard = fs.readFileSync(path.join(api, 'test/scenario.ts'), 'utf8').match(/DASHBOARD_QUERY = `([\s\S]*?)`/)[1];
      const sides = {
        small: { url: smallApi, id: small.requestId, token: await login(smallApi, small.kasubbag), ms: [] },
        big: { url: bigApi, id: big.requestId, token: await login(bigApi, big.kasubbag), ms: [] },
      };
      const board = (s) => async () => (await gql(s.url, dashboard, { id: s.id }, s.token)).ms;
      for (const s of Object.values(sides)) for (let i = 0; i < 10; i++) await board(s)();
      say(`board: ${connections} connections, ${rounds} alternating rounds of ${slice / 1000} s on each database …`);
      for (let r = 0; r < rounds; r++) for (const s of Object.values(sides)) s.ms.push(...(await load(slice, board(s))));
      const [a, b] = [sides.small.ms, sides.big.ms];
      say(`(1) board, 1 office             : ${fmt(a)}`);
      say(`    board, ${sizes.offices} offices × 5 years: ${fmt(b)}`);
      const g50 = (pct(b, 50) / pct(a, 50) - 1) * 100;
      const g95 = (pct(b, 95) / pct(a, 95) - 1) * 100;
      say(`    growth: p50 ${g50 >= 0 ? '+' : ''}${g50.toFixed(1)} %, p95 ${g95 >= 0 ? '+' : ''}${g95.toFixed(1)} %  (goal ≤ 10 %: ${g50 <= 10 && g95 <= 10 ? 'met' : 'NOT met'})`);
    }

    // (2) performanceData over the big database, as the Kasubbag of a generated office in the middle.
    const who = (await query(bigUrl, `SELECT u.username, u."officeId" FROM "User" u JOIN "Office" o ON o.id = u."officeId" WHERE o.code LIKE 'G%' AND 'KASUBBAG' = ANY(u.roles) ORDER BY o.code OFFSET $1 LIMIT 1`, [Math.floor(sizes.offices / 2)])).rows[0];
    const picks = (await query(bigUrl, `SELECT (SELECT id FROM "Bidang" WHERE "officeId" = $1 ORDER BY code LIMIT 1) AS bidang, (SELECT id FROM "Indicator" WHERE "officeId" = $1 ORDER BY code LIMIT 1) AS indicator`, [who.officeId])).rows[0];
    const token = await login(bigApi, who.username);
    const filters = [
      ['year', { year: 2024 }],
      ['year + Triwulan', { year: 2025, triwulan: 2 }],
      ['Bidang + year', { bidangId: picks.bidang, year: 2023 }],
      ['indicator', { indicatorId: picks.indicator }],
      ['none', {}],
    ];
    const q = `query($f: PerformanceFilter, $a: String) { performanceData(first: 50, filter: $f, after: $a) { totalCount pageInfo { endCursor hasNextPage }
      edges { node { id requestId year triwulan bidangCode indicatorCode target realisasi capaian categoryCode acceptedAt } } } }`;
    const perFilter = new Map(filters.map(([n]) => [n, []]));
    let rows = 0;
    // Each client walks each filter's pages on its own cursor, taking the filters in turn.
    const walkers = Array.from({ length: connections }, () => filters.map(() => ({ after: null, depth: 0 })));
    let turn = 0;
    const one = async (w) => {
      const k = turn++ % filters.length;
      const [name, f] = filters[k];
      const st = walkers[w][k];
      const { body, ms } = await gql(bigApi, q, { f, a: st.after }, token);
      const page = body.performanceData;
      rows += page.edges.length;
      st.depth++;
      if (page.pageInfo.hasNextPage && st.depth < 5) st.after = page.pageInfo.endCursor;
      else Object.assign(st, { after: null, depth: 0 });
      perFilter.get(name).push(ms);
      return ms;
    };
    for (let i = 0; i < 10; i++) await one(0);
    for (const v of perFilter.values()) v.length = 0;
    say(`performanceData: ${connections} connections for ${pageSeconds / 1000} s, pages of 50 (up to 5 deep by cursor), office ${who.username} …`);
    const all = await load(pageSeconds, one);
    say(`(2) performanceData page, all filters: ${fmt(all)}, ${Math.round(rows / (pageSeconds / 1000))} rows/s  (goal p95 < 50 ms: ${pct(all, 95) < 50 ? 'met' : 'NOT met'})`);
    for (const [name, ms] of perFilter) say(`    filter ${name.padEnd(16)}: ${fmt(ms)}`);

    // (3) The page's SQL alone, as PostgreSQL runs it (no API process in the way): the statement
    // in the shape Prisma sent it before issue 15, and the hand-written statements the API sends
    // now (apps/api/src/performance/performance.sql.ts, read from the source). A busy machine
    // inflates (1)–(2) through the Node processes' CPU; this part shows what the database does.
    const ids = (await query(bigUrl, `SELECT id FROM "SubmissionValue" WHERE "officeId" = $1 ORDER BY id`, [who.officeId])).rows.map((r) => r.id);
    const now = JSON.parse(tsx(path.join(root, 'bench/performance-statements.ts')).stdout);
    const nulls = [null, null, null, null, null];
    // Parameters of a shape from (office, cursor, year); the year shapes only take a year.
    const shapes = {
      'before (Prisma), no filter': [`SELECT v.id FROM "SubmissionValue" v WHERE v."submissionId" IN (SELECT s.id FROM "BidangSubmission" s WHERE s.status = 'ACCEPTED'
          AND s."requestId" IN (SELECT r.id FROM "DataRequest" r WHERE r."officeId" = $1)) AND v.id > $2 ORDER BY v.id LIMIT 51`, (o, c) => [o, c]],
      'before (Prisma), year': [`SELECT v.id FROM "SubmissionValue" v WHERE v."submissionId" IN (SELECT s.id FROM "BidangSubmission" s WHERE s.status = 'ACCEPTED'
          AND s."requestId" IN (SELECT r.id FROM "DataRequest" r WHERE r."officeId" = $1 AND r.year = $3)) AND v.id > $2 ORDER BY v.id LIMIT 51`, (o, c, y) => [o, c, y]],
      'now, no filter: page ids (walk)': [now.walk, (o, c) => [o, c, 51]],
      'now, year: page ids (narrowed)': [now.narrowed, (o, c, y) => [o, c, 51, null, null, y, null, null]],
      "now, the page's 50 values": [now.values, (o, c) => { const i = ids.indexOf(c); return [ids.slice(i, i + 50)]; }],
      'now, count (only when selected)': [now.count, (o) => [o, ...nulls]],
    };
    const pool = new pg.Pool({ connectionString: bigUrl, max: connections });
    try {
      say(`page SQL alone, ${connections} connections, random cursors of office ${who.username} (${ids.length} values):`);
      for (const [name, [text, params]] of Object.entries(shapes)) {
        const one = async () => { const t0 = performance.now(); await pool.query(text, params(who.officeId, ids[Math.floor(Math.random() * ids.length * 0.9)], 2022 + Math.floor(Math.random() * 5))); return performance.now() - t0; };
        for (let i = 0; i < 8; i++) await one();
        say(`(3) ${name.padEnd(36)}: ${fmt(await load(5000, one))}`);
      }
    } finally {
      await pool.end();
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const c of children) c.kill('SIGKILL');
    await admin(`DROP DATABASE IF EXISTS "${smallName}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
main().then(() => process.exit(0), (e) => { say(String(e?.stack ?? e)); for (const c of children) c.kill('SIGKILL'); process.exit(1); });
