#!/usr/bin/env node
/**
 * `pnpm bench:notify`: latency from the committing transaction to the in-app delivery (the live
 * stream of an open page) and to the SMTP receiver, at RATE events per second for DURATION
 * seconds (default 200/s for 30 s, the goal of issue 13: p95 < 1 s in-app, < 5 s e-mail).
 *
 *  1. a fresh database (on TEST_DATABASE_URL's server) with the demo office; every demo user gets
 *     an e-mail address; the API (apps/api/src/main.ts under tsx) runs against it with its job
 *     runner, sending e-mail to an SMTP server (smtp-server) in this process;
 *  2. every demo user signs in and opens the live stream (GET /api/notifications/stream);
 *  3. each event is one transaction that enqueues a `notify` job as the services do
 *     (graphile_worker.add_job inside BEGIN … COMMIT); its time is taken after COMMIT returns;
 *     the event is an escalation (urgent: e-mail at once, whatever the hour) for one user;
 *  4. prints p50/p95/max per channel, and how many events were lost or doubled on each.
 * Env: RATE, DURATION, JOBS_CONCURRENCY and SMTP_POOL_SIZE (default: the app's), TEST_DATABASE_URL, CPU_PROFILE (a directory).
 */
import { spawn } from 'node:child_process';
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
const { SMTPServer } = require('smtp-server');
const RATE = Number(process.env.RATE ?? 200);
const DURATION = Number(process.env.DURATION ?? 30);
const say = (s) => process.stdout.write(`${s}\n`);

const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test');
const dbName = `sipedaki_bench_notify_${process.pid}`;
const adminUrl = new URL(base); adminUrl.pathname = '/postgres';
const dbUrl = new URL(base); dbUrl.pathname = `/${dbName}`;
const admin = async (sql) => { const c = new pg.Client({ connectionString: adminUrl.toString() }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
/** CPU time (user + system, ms) a process has used so far: a figure a busy machine does not distort the way it distorts latency. */
const cpuMs = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
};
const pct = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-bench-notify-'));
  let child = null;
  const committed = new Map(); // key → commit time
  const inApp = new Map(); // key → [arrival times]
  const mail = new Map(); // key → [arrival times]
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _session, cb) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        const at = Date.now();
        const key = /bench-\d+-\d+/.exec(raw)?.[0];
        if (key) (mail.get(key) ?? mail.set(key, []).get(key)).push(at);
        cb();
      });
    },
  });
  try {
    await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    say(`API on ${dbName} with its job runner (concurrency ${process.env.JOBS_CONCURRENCY ?? 'the default'}); SMTP receiver on ${smtp.server.address().port}`);
    // CPU_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (where the time goes).
    const prof = process.env.CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.CPU_PROFILE)}`] : [];
    child = spawn(process.execPath, [...prof, ...apiNodeFlags(), '--import', 'tsx', 'src/main.ts'], {
      cwd: api,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl.toString(), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '10000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.server.address().port), SMTP_REQUIRE_TLS: 'false', ...(process.env.JOBS_CONCURRENCY ? { JOBS_CONCURRENCY: process.env.JOBS_CONCURRENCY } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => { out += d; if (out.includes('SIPEDAKI berjalan')) resolve(); });
      child.on('exit', (code) => reject(new Error(`API exited ${code}`)));
    });
    const db = new pg.Pool({ connectionString: dbUrl.toString(), max: 10 });
    await db.query(`UPDATE "User" SET email = username || '@bench.test'`);
    const users = (await db.query(`SELECT u.id, u.username, u."officeId" FROM "User" u JOIN "Office" o ON o.id = u."officeId" WHERE u.active ORDER BY u.username`)).rows;

    // Every user signs in and keeps the live stream open, as an open page does.
    const streams = [];
    for (const u of users) {
      const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: u.username, password: 'sipedaki123' } } }) });
      const token = (await r.json()).data.login.token;
      const ac = new AbortController();
      const res = await fetch(`${url}/api/notifications/stream`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            const at = Date.now();
            buf += decoder.decode(value, { stream: true });
            let i;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const key = /bench-\d+-\d+/.exec(block)?.[0];
              if (key && block.startsWith('event: notification')) (inApp.get(key) ?? inApp.set(key, []).get(key)).push(at);
            }
          }
        } catch { /* aborted */ }
      })();
      streams.push(ac);
    }
    say(`${users.length} users signed in with a live stream open; ${RATE} events/s for ${DURATION} s …`);

    const cpu0 = cpuMs(child.pid);
    let seq = 0;
    const total = RATE * DURATION;
    const inflight = [];
    const started = Date.now();
    const event = async () => {
      const n = ++seq;
      const key = `bench-${process.pid}-${n}`;
      const u = users[n % users.length];
      const payload = { event: 'STEP_ESCALATED', officeId: u.officeId, key, params: { letterNumber: key, step: 3, dueAt: new Date().toISOString(), lateRoles: ['PENYUSUN'] }, link: '/permintaan', requestId: null, targets: [{ userId: u.id }], at: new Date().toISOString() };
      const c = await db.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT graphile_worker.add_job(identifier => 'notify', payload => $1::json, run_at => now())`, [JSON.stringify(payload)]);
        await c.query('COMMIT');
        committed.set(key, Date.now());
      } finally {
        c.release();
      }
    };
    // Paced: every 10 ms the events due by then are started.
    await new Promise((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * RATE));
        while (seq < due) inflight.push(event());
        if (seq >= total) { clearInterval(timer); resolve(); }
      }, 10);
    });
    await Promise.all(inflight);
    const sendSeconds = (Date.now() - started) / 1000;
    say(`${total} events committed in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s); waiting for deliveries …`);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (inApp.size < total || mail.size < total)) await new Promise((r) => setTimeout(r, 200));
    const cpu1 = cpuMs(child.pid);
    await new Promise((r) => setTimeout(r, 2000)); // late doubles would show up here

    const report = (label, arrivals) => {
      const lat = [];
      let lost = 0;
      let doubled = 0;
      for (const [key, t0] of committed) {
        const got = arrivals.get(key) ?? [];
        if (!got.length) lost++;
        if (got.length > 1) doubled++;
        if (got.length) lat.push(got[0] - t0);
      }
      say(`${label.padEnd(22)} p50 ${String(pct(lat, 50)).padStart(6)} ms   p95 ${String(pct(lat, 95)).padStart(6)} ms   max ${String(Math.max(...lat)).padStart(6)} ms   delivered ${lat.length}/${total}, lost ${lost}, doubled ${doubled}`);
    };
    say('');
    report('commit → in-app (SSE)', inApp);
    report('commit → SMTP receiver', mail);
    const rows = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT "eventKey")::int AS k FROM "Notification" WHERE "eventKey" LIKE 'bench-%'`)).rows[0];
    say(`notifications in the database: ${rows.n} rows for ${rows.k} events`);
    say(`API process CPU: ${((cpu1 - cpu0) / total).toFixed(2)} ms per event (fan-out + in-app + e-mail), ${((cpu1 - cpu0) / 1000).toFixed(1)} s in all; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    say('goal (issue 13): p95 < 1000 ms in-app, < 5000 ms e-mail; none lost or doubled');
    for (const s of streams) s.abort();
    await db.end();
  } finally {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    await new Promise((r) => smtp.close(r));
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
