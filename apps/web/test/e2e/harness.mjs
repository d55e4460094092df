/**
 * End-to-end harness: a fresh PostgreSQL database, the real API (serving the built SPA on the
 * same port, as in production), and Debian's Chromium driven by playwright-core; plus the
 * scenario runner and screenshot helper every e2e script shares, so that each script reports its
 * scenarios to test/run-all.mjs the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repo = path.resolve(webDir, '../..');
export const artefacts = path.join(webDir, 'test-results');
export const PASSWORD = 'sipedaki123';
// One database per run, so two runs at once (CI, a developer) never drop each other's data.
const DB = process.env.E2E_DB ?? `sipedaki_e2e_${process.pid}`;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
// The phone every page must work on, and a desktop screen for pages also checked wide.
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

export async function freshDatabase() {
  const c = new pg.Client({ ...PG, database: 'postgres' });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB}`);
  await c.end();
  return `postgresql://postgres@127.0.0.1:5432/${DB}`;
}

export async function dropDatabase() {
  const c = new pg.Client({ ...PG, database: 'postgres' });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await c.end();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts apps/api/src/main.ts; resolves once it prints "SIPEDAKI berjalan". */
export async function startApi(databaseUrl, webDist = path.join(webDir, 'dist')) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-e2e-data-'));
  const tsx = path.join(repo, 'apps/api/node_modules/.bin/tsx');
  const bin = fs.existsSync(tsx) ? tsx : path.join(repo, 'node_modules/.bin/tsx');
  const child = spawn(bin, [path.join(repo, 'apps/api/src/main.ts')], {
    cwd: path.join(repo, 'apps/api'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      // The demo office's replayed past (monitoring/demo-history.ts) only where a scenario asks for it.
      SEED_DEMO_HISTORY: process.env.SEED_DEMO_HISTORY ?? 'false',
      // The scenarios log in some thirty times within a minute from one address.
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      NODE_ENV: 'development',
      WEB_DIST: webDist,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process dies first, the API must not live on (tsx passes SIGTERM to the server).
  const orphanGuard = () => child.exitCode === null && child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  const log = fs.createWriteStream(path.join(artefacts, 'api.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    let out = '';
    // The replayed demo year (SEED_DEMO_HISTORY: some 4 700 SQL statements through the services)
    // takes tens of seconds on a machine shared by many processes: more time for that start.
    const limit = process.env.SEED_DEMO_HISTORY === 'true' ? 300_000 : 90_000;
    const timer = setTimeout(() => reject(new Error(`API did not start in ${limit / 1000} s:\n${out.slice(-2000)}`)), limit);
    const onData = (d) => {
      out += d;
      if (out.includes('SIPEDAKI berjalan')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${out.slice(-2000)}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 8000);
      await done;
      clearTimeout(t);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What the browser saw go wrong since the last look: Content-Security-Policy violations (the
 * `securitypolicyviolation` event of every page, and Chromium's console errors about CSP) and
 * answers of the API without the headers production serves. Every scenario ends by taking this
 * list (createScenarioRunner), and fails when it is not empty.
 */
const browserProblems = [];
export const takeBrowserProblems = () => browserProblems.splice(0);

/** The headers every page of the SPA and every asset must carry (apps/api/src/spa/spa.routes.ts). */
async function checkServedHeaders(response) {
  const url = new URL(response.url());
  const type = response.request().resourceType();
  // Only the SPA itself; /verify/<code> has its own CSP, /api/… are downloads.
  if (url.pathname.startsWith('/verify/') || url.pathname.startsWith('/api/') || url.pathname === '/graphql') return;
  if (type !== 'document' && !url.pathname.startsWith('/assets/')) return;
  const h = await response.allHeaders().catch(() => null);
  if (!h) return;
  const missing = [];
  const csp = h['content-security-policy'] ?? '';
  if (!csp.includes("script-src 'self'") || !csp.includes("frame-ancestors 'none'") || /unsafe-inline|unsafe-eval/.test(csp)) missing.push(`CSP "${csp}"`);
  if (h['x-content-type-options'] !== 'nosniff') missing.push('X-Content-Type-Options');
  if (h['x-frame-options'] !== 'DENY') missing.push('X-Frame-Options');
  if (!h['referrer-policy']) missing.push('Referrer-Policy');
  if (type === 'document' && h['cache-control'] !== 'no-cache') missing.push(`Cache-Control "${h['cache-control']}" (want no-cache)`);
  if (url.pathname.startsWith('/assets/') && response.status() === 200) {
    if (h['cache-control'] !== 'public, max-age=31536000, immutable') missing.push(`Cache-Control "${h['cache-control']}" (want immutable)`);
    // Chromium accepts br: every script and style sheet worth compressing comes compressed.
    if (/\.(js|css)$/.test(url.pathname) && !h['content-encoding'] && (await response.body()).length > 1024) missing.push('Content-Encoding');
  }
  if (missing.length) browserProblems.push(`${url.pathname}: missing or wrong ${missing.join(', ')}`);
}

export async function launchBrowser(viewport = PHONE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  // Generous, for a machine whose cores are busy with other work: a wait ends as soon as its
  // condition holds, so a long limit costs nothing when all is well.
  context.setDefaultTimeout(30_000);
  await context.exposeBinding('__sipedakiCspViolation', (_source, v) => browserProblems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.where}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__sipedakiCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, where: `${e.sourceFile || location.pathname}:${e.lineNumber}` });
    });
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) browserProblems.push(`console: ${msg.text()}`);
  });
  context.on('response', (response) => {
    checkServedHeaders(response).catch(() => undefined);
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Proves, once per run, that a violation would be seen: an inline script put into the page must
 * be refused by the CSP and reported. Without this, a broken listener would let every scenario
 * pass unseen.
 */
export async function expectCspEnforced(page, base) {
  await page.goto(`${base}/masuk`);
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.appendChild(s);
  });
  const ran = await page.evaluate(() => window.__inlineRan === true);
  const deadline = Date.now() + 10_000;
  while (!browserProblems.some((p) => p.includes('script-src')) && Date.now() < deadline) await page.waitForTimeout(50);
  const seen = takeBrowserProblems();
  if (ran || !seen.some((p) => p.includes('script-src'))) throw new Error(`the CSP did not refuse an inline script (ran: ${ran}; reported: ${JSON.stringify(seen)})`);
}

/** A GraphQL call from the test itself (to set up data a scenario needs). */
export async function gql(base, token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data;
}

export async function apiLogin(base, login) {
  const d = await gql(base, null, 'mutation($i: LoginInput!){ login(input:$i){ token } }', { i: { login, password: PASSWORD } });
  return d.login.token;
}

/**
 * The operator of a submission's Bidang (the demo office's operator.<code in lower case>) fills
 * every indicator (`realisasi(k)` for the k-th) and hands it in; with `acceptWith` (a Kasubbag's
 * token) the Kasubbag then accepts it. For scenarios whose own subject comes after step 4.
 */
export async function handIn(base, submission, { realisasi = (k) => 60 + k * 10, narrative, acceptWith } = {}) {
  const op = await apiLogin(base, `operator.${submission.bidang.code.toLowerCase()}`);
  const sd = await gql(base, op, 'query($id: UUID!){ submission(id:$id){ version values { indicatorId } } }', { id: submission.id });
  const saved = await gql(base, op, 'mutation($i: SaveSubmissionInput!){ saveSubmission(input:$i){ version } }', {
    i: { submissionId: submission.id, expectedVersion: sd.submission.version, ...(narrative ? { narrative } : {}), values: sd.submission.values.map((v, k) => ({ indicatorId: v.indicatorId, realisasi: realisasi(k) })) },
  });
  await gql(base, op, 'mutation($i: SubmissionActionInput!){ submitSubmission(input:$i){ id } }', { i: { submissionId: submission.id, expectedVersion: saved.saveSubmission.version } });
  if (!acceptWith) return;
  const v = await gql(base, acceptWith, 'query($id: UUID!){ submission(id:$id){ version } }', { id: submission.id });
  await gql(base, acceptWith, 'mutation($i: SubmissionActionInput!){ acceptSubmission(input:$i){ id } }', { i: { submissionId: submission.id, expectedVersion: v.submission.version } });
}

/** A tiny valid-looking PDF. */
export function pdf(title) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/**
 * Keeps a full-page screenshot in `artefacts` (`<name>.png`) and fails when the page scrolls
 * sideways: every page must fit the screen it is shown on. Given `viewports`, takes one per
 * viewport (`<name>-<width>.png`) and then gives the window back the size it had, so the rest of
 * the scenario (and the next one, if this check fails) runs at the size it expects.
 */
export async function shot(page, name, viewports = null) {
  const capture = async (file) => {
    await page.screenshot({ path: path.join(artefacts, file), fullPage: true });
    const { scroll, view } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    if (scroll > view) throw new Error(`${name}: page is ${scroll}px wide on a ${view}px screen`);
    await a11yOnShot(page, name);
  };
  if (!viewports) return capture(`${name}.png`);
  const before = page.viewportSize();
  try {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      // Two animation frames: the layout has followed the new width before it is measured.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await capture(`${name}-${viewport.width}.png`);
    }
  } finally {
    await page.setViewportSize(before);
  }
}

/**
 * Runs one e2e script's scenarios and reports them. Each scenario counts as one test; one that
 * throws is a failure, with its error and a screenshot of the page it left behind.
 *
 *   label        prefix of the console lines ("e2e", "e2e (integrations)")
 *   scenarios    every scenario name, in order: one that never ran (the harness broke first)
 *                is reported as failed, so a broken start-up cannot pass for "0 failed"
 *   resultFile   file name in `artefacts`, used when E2E_RESULTS does not say where to write
 *   failedShot   screenshot name prefix of a failed scenario (`<failedShot>-<n>.png`)
 *
 * Writes { passed, failed, results } as JSON: test/run-all.mjs sets E2E_RESULTS and adds up
 * `passed` and `failed` (a missing file counts as one failure there).
 */
export function createScenarioRunner({ label, scenarios, resultFile, failedShot }) {
  fs.mkdirSync(artefacts, { recursive: true });
  const results = [];
  // The page is only opened inside the script's main(), after the runner exists.
  let page = null;

  return {
    /** The page to screenshot when a scenario fails. */
    watch(p) {
      page = p;
    },

    async scenario(name, fn) {
      const t0 = Date.now();
      try {
        await fn();
        // Every scenario runs under the production headers: any CSP violation or missing header fails it.
        const problems = takeBrowserProblems();
        if (problems.length) throw new Error(`the browser saw ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
        results.push({ name, ok: true, ms: Date.now() - t0 });
        process.stdout.write(`  ✓ ${name} (${Date.now() - t0} ms)\n`);
      } catch (err) {
        results.push({ name, ok: false, ms: Date.now() - t0, error: String(err?.stack ?? err) });
        process.stdout.write(`  ✗ ${name}\n${String(err?.message ?? err)}\n`);
        // A plain screenshot, not shot(): the failing page may well be too wide, and that
        // must not hide the scenario's own error.
        await page?.screenshot({ path: path.join(artefacts, `${failedShot}-${results.length}.png`), fullPage: true }).catch(() => undefined);
      }
    },

    /** Runs main(), writes the result file, prints the counts and exits (non-zero on any failure). */
    async run(main) {
      let fatal = null;
      try {
        await main();
      } catch (err) {
        fatal = err;
        process.stdout.write(`✗ ${label} harness failed: ${err?.stack ?? err}\n`);
      }
      for (const name of scenarios) if (!results.some((r) => r.name === name)) results.push({ name, ok: false, error: fatal ? String(fatal) : 'not run' });
      const passed = results.filter((r) => r.ok).length;
      const failed = results.length - passed;
      fs.writeFileSync(process.env.E2E_RESULTS ?? path.join(artefacts, resultFile), JSON.stringify({ passed, failed, results }, null, 2));
      process.stdout.write(`${label}: ${passed} passed, ${failed} failed\n`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

/**
 * The stack one e2e script runs on: the built SPA (builtSpa), a fresh database, the API serving
 * that SPA, and `browsers` Chromium windows. Calls fn({ base, databaseUrl, page, pages }) and then
 * stops everything it started (browsers, API, database, a build of its own), whether fn returned
 * or threw; an error of fn goes on to the runner's run(), which reports it as before.
 *
 *   demoHistory   the demo office's replayed past (SEED_DEMO_HISTORY), for scenarios that read it
 *   headSignOff   false: the Kepala Bidang's sign-off switched off first (withoutHeadSignOff)
 *   viewport      of every window (PHONE unless said)
 *   browsers      how many separate browsers (own storage, own session each): `pages` has one
 *                 page of each, `page` is the first
 */
export async function withStack(fn, { demoHistory = false, headSignOff = true, viewport = PHONE, browsers = 1 } = {}) {
  const spa = builtSpa();
  let api = null;
  const opened = [];
  try {
    if (demoHistory) process.env.SEED_DEMO_HISTORY = 'true';
    const databaseUrl = await freshDatabase();
    api = await startApi(databaseUrl, spa.dir);
    if (!headSignOff) await withoutHeadSignOff(api.base);
    const pages = [];
    for (let i = 0; i < browsers; i++) {
      const browser = await launchBrowser(viewport);
      opened.push(browser);
      pages.push(browser.context.pages()[0] ?? (await browser.context.newPage()));
    }
    return await fn({ base: api.base, databaseUrl, page: pages[0], pages });
  } finally {
    for (const browser of opened) await browser.close().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await dropDatabase().catch(() => undefined);
    spa.remove();
  }
}

/**
 * The built SPA the API serves in a scenario run. E2E_DIST: a build made once for all scripts of
 * this run (test/run-all.mjs); E2E_SKIP_BUILD: apps/web/dist as it is; otherwise a build into a
 * directory of this script's own (apps/web/dist may be rebuilt by someone else meanwhile).
 * `remove()` deletes only a build this function made.
 */
export function builtSpa() {
  if (process.env.E2E_DIST) return { dir: process.env.E2E_DIST, remove: () => undefined };
  if (process.env.E2E_SKIP_BUILD) return { dir: path.join(webDir, 'dist'), remove: () => undefined };
  const dir = buildSpaInto(fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-e2e-dist-')));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `vite build` into `dir`; throws when the build fails. */
export function buildSpaInto(dir) {
  const b = spawnSync(process.execPath, [path.join(webDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('vite build failed');
  return dir;
}

/** axe-core, put into the page by the test (through the DevTools protocol, which the CSP does not govern). */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The smallest tap target a phone page may have (WCAG 2.5.5 AAA; Apple's and Google's guides say 44–48). */
export const MIN_TAP = 44;
/** The smallest target on any screen, desktop included (WCAG 2.2 2.5.8 AA, "Target Size (Minimum)"). */
export const MIN_TARGET = 24;

/**
 * Fails when the page in its current state has serious or critical axe findings (WCAG 2.1 A/AA
 * and axe's best practices, e.g. `scrollable-region-focusable`) or a target smaller than `min` ×
 * `min` px (44 unless said: the phone size). A target counts when it is visible and on screen:
 * links, buttons, fields, summaries, elements with a button/link/tab role. Exempt, as WCAG's
 * "inline" exception does: a link inside a sentence (display inline, with text around it); a
 * checkbox or radio counts by its label. The message names the page (its name and path) and each
 * control (tag, label, data-test or id, size). Returns what axe found of lesser impact.
 */
export async function expectAccessible(page, name, { min = MIN_TAP } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const small = await page.evaluate((min) => {
    const out = [];
    const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="switch"]';
    const words = (t) => (t ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    for (const el of document.querySelectorAll(sel)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden="true"], .sr-only')) continue;
      let box = el;
      if (el.matches('input[type="checkbox"], input[type="radio"]')) box = el.closest('label') ?? (el.id && document.querySelector(`label[for="${el.id}"]`)) ?? el;
      const r = box.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= window.innerWidth) continue;
      if (el.tagName === 'A' && style.display === 'inline') {
        const around = (el.parentElement?.textContent ?? '').replace(el.textContent ?? '', '').trim();
        if (around.length > 0) continue;
      }
      if (r.height + 0.5 < min || r.width + 0.5 < min) {
        // A field is named by its label (an unlabelled checkbox used to read "INPUT").
        const label = words(el.getAttribute('aria-label')) || words(el.labels?.[0]?.textContent) || words(el.textContent) || words(el.getAttribute('placeholder')) || el.getAttribute('name') || '';
        const type = el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
        const where = el.dataset.test ? ` [data-test=${el.dataset.test}]` : el.id ? ` #${el.id}` : '';
        out.push(`${el.tagName.toLowerCase()}${type} "${label}"${where} is ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
  const problems = [
    ...serious.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    ...small.map((s) => `target under ${min}×${min} px: ${s}`),
  ];
  if (problems.length) {
    const { pathname } = new URL(page.url());
    const { width, height } = page.viewportSize() ?? {};
    throw new Error(`accessibility: page "${name}" (${pathname}, ${width}×${height}) has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return result.violations.filter((v) => !serious.includes(v));
}

/**
 * Every screenshot is also an accessibility check, and a failing one fails its scenario: axe plus
 * 44 px targets on a phone-sized window, axe plus 24 px targets (WCAG 2.5.8) on a wider one.
 * One escape hatch, for a local survey only: `E2E_A11Y=report` writes the problems to the console
 * and to test-results/a11y-report.txt and lets the scenario go on, so one run lists every page's
 * problems instead of stopping at the first. Nothing in `pnpm test` or CI sets it.
 */
async function a11yOnShot(page, name) {
  const { width } = page.viewportSize() ?? PHONE;
  try {
    await expectAccessible(page, name, { min: width <= PHONE.width ? MIN_TAP : MIN_TARGET });
  } catch (err) {
    if (process.env.E2E_A11Y !== 'report') throw err;
    const text = String(err?.message ?? err);
    process.stdout.write(`  ⚠ ${text}\n`);
    fs.appendFileSync(path.join(artefacts, 'a11y-report.txt'), `${text}\n`);
  }
}

/**
 * Signs `username` in through the login page (after ending any session the page held) and waits
 * for the inbox. The language choice stays as the person left it, unless `forgetAll` clears
 * everything the app kept in the browser (the language back to Indonesian).
 */
export async function signIn(page, base, username, { forgetAll = false } = {}) {
  await page.goto(`${base}/masuk`);
  await page.evaluate((all) => {
    if (all) return localStorage.clear();
    localStorage.removeItem('sipedaki.token');
    localStorage.removeItem('sipedaki.viewer');
  }, forgetAll);
  await page.goto(`${base}/masuk`);
  await page.fill('#login', username);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
}

/**
 * Switches the demo office's Kepala Bidang sign-off off (issue 11: on by default), for scenarios
 * written before it where the operator hands in straight to the secretariat. signoff.spec.mjs
 * runs with it on.
 */
export async function withoutHeadSignOff(base) {
  const admin = await apiLogin(base, 'admin');
  await gql(base, admin, 'mutation { setHeadApprovalRequired(required: false) { requireHeadApproval } }');
}
