#!/usr/bin/env node
/**
 * `pnpm test`: every check and test of the monorepo, ending with one plain line
 * `N passed, N failed` (CI reads that line; jest's own summary is not read).
 *  1. typecheck of each package (tsc --noEmit), each counted as one check;
 *  2. jest over all projects (packages/sop pure tests; apps/api against real PostgreSQL);
 *  3. the web app's own tests, when it has any (apps/web `test` script).
 * Extra arguments go to jest, e.g. `pnpm test -- apps/api/test/sop-flow.test.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--');
let passed = 0;
let failed = 0;

function run(label, cmd, cmdArgs, cwd = root, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, ok) {
  if (ok) passed++;
  else {
    failed++;
    process.stdout.write(`✗ ${label}\n`);
  }
}

const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const jest = path.join(root, 'node_modules/jest/bin/jest.js');

if (args.length === 0) {
  for (const pkg of ['packages/sop', 'apps/api']) {
    check(`typecheck ${pkg}`, run(`typecheck ${pkg}`, process.execPath, [tsc, '-p', path.join(pkg, 'tsconfig.json'), '--noEmit']));
  }
}

const results = path.join(os.tmpdir(), `sipedaki-jest-${process.pid}.json`);
// Security tests tally their attacks per class here (apps/api/test/attacks.ts).
const attackLog = path.join(os.tmpdir(), `sipedaki-attacks-${process.pid}.jsonl`);
run('jest', process.execPath, [jest, '--json', `--outputFile=${results}`, ...args], root, { SIPEDAKI_ATTACK_LOG: attackLog });
if (fs.existsSync(attackLog)) {
  const byClass = new Map();
  for (const line of fs.readFileSync(attackLog, 'utf8').split('\n').filter(Boolean)) {
    const { cls, tried, held } = JSON.parse(line);
    const c = byClass.get(cls) ?? { tried: 0, held: 0 };
    c.tried += tried;
    c.held += held;
    byClass.set(cls, c);
  }
  process.stdout.write('\nAttacks tried by the security tests, per class:\n');
  for (const [cls, c] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) process.stdout.write(`  ${cls}: ${c.tried} tried, ${c.held} held\n`);
  fs.rmSync(attackLog);
}
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that fails to load (syntax error, failing beforeAll) has no failed *tests*: count it.
  failed += r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  fs.rmSync(results);
} else {
  failed++;
  process.stdout.write('✗ jest produced no results\n');
}

const webPkg = path.join(root, 'apps/web/package.json');
if (args.length === 0 && fs.existsSync(webPkg) && JSON.parse(fs.readFileSync(webPkg, 'utf8')).scripts?.test) {
  const summary = path.join(os.tmpdir(), `sipedaki-web-${process.pid}.json`);
  const ok = run('web tests', 'pnpm', ['--filter', '@sipedaki/web', 'test'], root, { SIPEDAKI_SUMMARY: summary });
  // The web package writes {passed, failed} to SIPEDAKI_SUMMARY when it can count its tests.
  if (fs.existsSync(summary)) {
    const s = JSON.parse(fs.readFileSync(summary, 'utf8'));
    passed += s.passed;
    failed += s.failed;
    fs.rmSync(summary);
  } else check('web tests', ok);
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
