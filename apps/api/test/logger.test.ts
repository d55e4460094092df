/**
 * LOG_LEVEL in `.env` sets the log level. The logger module is loaded (by every module that logs)
 * before `.env` is read, so its level must come from the typed config, not from process.env at
 * load time. Run in a child process: the real start-up order with an environment of its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';

const apiDir = path.resolve(__dirname, '..');
const tsx = require.resolve('tsx/cli', { paths: [apiDir] });

/** Imports the logger first (as main.ts's imports do), then runs the start-up with `envFile`. */
function startWith(envFileText: string | null, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-logger-'));
  const envFile = path.join(dir, '.env');
  if (envFileText !== null) fs.writeFileSync(envFile, envFileText);
  const script = `
    import { logger, setLogDestination } from './src/common/logger';
    import { loadStartupConfig } from './src/config';
    const lines: string[] = [];
    setLogDestination({ write: (l: string) => lines.push(l) });
    loadStartupConfig(${JSON.stringify(envFile)});
    logger.debug('a debug line');
    logger.info('an info line');
    process.stdout.write(JSON.stringify({ level: logger.level, messages: lines.map((l) => JSON.parse(l).msg) }));
  `;
  try {
    const r = spawnSync(process.execPath, [tsx, '-e', script], {
      cwd: apiDir,
      encoding: 'utf8',
      // Only what the start needs: no LOG_LEVEL or NODE_ENV from the test runner.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { level: string; messages: string[] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it('LOG_LEVEL=debug in .env turns on debug lines', () => {
  expect(startWith('LOG_LEVEL=debug\n')).toEqual({ level: 'debug', messages: ['a debug line', 'an info line'] });
}, 60_000);

it('without LOG_LEVEL the level is info; the real environment wins over .env', () => {
  expect(startWith(null)).toEqual({ level: 'info', messages: ['an info line'] });
  expect(startWith('LOG_LEVEL=debug\n', { LOG_LEVEL: 'warn' })).toEqual({ level: 'warn', messages: [] });
}, 60_000);

it('the config gives the level: LOG_LEVEL, else info, silent under NODE_ENV=test', () => {
  expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  expect(loadConfig({}).logLevel).toBe('info');
  expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
});
