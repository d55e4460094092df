#!/usr/bin/env node
/**
 * `pnpm --filter @sipedaki/web test`: the web app's checks, counted together.
 *   1. vue-tsc typecheck (one check)
 *   2. vitest (composables, the entry form): each test counts
 *   3. Playwright scenarios against the real API and PostgreSQL (test/e2e/run.mjs and every
 *      test/e2e/*.spec.mjs): each scenario counts
 * With SIPEDAKI_SUMMARY=<path>, writes {"passed":N,"failed":M} there (scripts/test.mjs reads it).
 * Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(web, 'test-results');
fs.mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;

const run = (label, args, env = {}) => {
  process.stdout.write(`\n▶ web: ${label}\n`);
  return spawnSync(process.execPath, args, { cwd: web, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
};
// Result files of this run only (another run may be going on at the same time).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-web-test-'));
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

// 1. typecheck
if (run('typecheck (vue-tsc)', [path.join(web, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', 'tsconfig.json'])) passed++;
else failed++;

// 2. vitest
const vitestJson = path.join(tmp, 'vitest.json');
const vitestOk = run('vitest', [path.join(web, 'node_modules/vitest/vitest.mjs'), 'run', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  // A file that fails to load has no failed tests; count it once.
  failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
} else failed++;
if (!vitestOk && v && v.numFailedTests === 0 && failed === 0) failed++;

// 3. end to end: run.mjs, then every test/e2e/*.spec.mjs (each with its own database and API)
const e2eDir = path.join(web, 'test/e2e');
const e2eRunners = ['run.mjs', ...fs.readdirSync(e2eDir).filter((f) => f.endsWith('.spec.mjs')).sort()];
// The SPA is built once for all of them (E2E_DIST); if that build fails, each script tries its own
// and reports its scenarios as failed.
const dist = path.join(tmp, 'dist');
const built = run('e2e: vite build', ['-e', `import('./test/e2e/harness.mjs').then((h) => h.buildSpaInto(${JSON.stringify(dist)}))`]);
for (const runner of e2eRunners) {
  const e2eJson = path.join(tmp, `e2e-${runner}.json`);
  run(`e2e ${runner} (Playwright, Chromium)`, [path.join(e2eDir, runner)], { E2E_RESULTS: e2eJson, ...(built ? { E2E_DIST: dist } : {}) });
  const e = readJson(e2eJson);
  if (e) {
    passed += e.passed;
    failed += e.failed;
  } else failed++;
}

fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`\nweb: ${passed} passed, ${failed} failed\n`);
if (process.env.SIPEDAKI_SUMMARY) fs.writeFileSync(process.env.SIPEDAKI_SUMMARY, JSON.stringify({ passed, failed }));
process.exit(failed === 0 ? 0 : 1);
