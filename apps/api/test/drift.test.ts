/**
 * Generated artefacts are committed and must match the code: the GraphQL SDL (what other offices'
 * systems are given), the SPA's operation types generated from it (apps/web/src/gql), and the
 * Prisma migrations (what administrators deploy).
 */
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { renderSdl } from '../src/schema/emit-cli';
import { SDL_PATH } from '../src/schema/build-schema';
import { TEST_DATABASE_URL } from './db-url';

it('the committed schema.graphql matches the schema the code builds (run `pnpm codegen` after a change)', async () => {
  expect(fs.readFileSync(SDL_PATH, 'utf8')).toBe(await renderSdl());
});

const webDir = path.resolve(__dirname, '../../web');
const committedGql = path.join(webDir, 'src/gql');

/**
 * Runs the SPA's codegen (its own codegen.ts, output redirected) over `schemaPath` into a
 * temporary directory and lists the files that differ from the committed `apps/web/src/gql`.
 */
function staleWebTypes(schemaPath: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const real = require(path.join(webDir, 'codegen.ts')).default as { generates: Record<string, object>; [k: string]: unknown };
  const outputs = Object.entries(real.generates);
  expect(outputs.map(([out]) => out)).toEqual(['src/gql/']);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-web-codegen-'));
  try {
    const config = { ...real, schema: schemaPath, generates: { [path.join(tmp, 'gql') + '/']: outputs[0]![1] } };
    fs.writeFileSync(path.join(tmp, 'codegen.json'), JSON.stringify(config));
    const cli = path.join(webDir, 'node_modules/@graphql-codegen/cli/cjs/bin.js');
    const r = spawnSync(process.execPath, [cli, '--config', path.join(tmp, 'codegen.json'), '--silent'], { cwd: webDir, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`web codegen failed: ${r.stdout}${r.stderr}`);
    const names = [...new Set([...fs.readdirSync(committedGql), ...fs.readdirSync(path.join(tmp, 'gql'))])].sort();
    const read = (dir: string, f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : null);
    return names.filter((f) => read(committedGql, f) !== read(path.join(tmp, 'gql'), f)).map((f) => `apps/web/src/gql/${f}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

it('the SPA\'s committed GraphQL types match the SDL (run `pnpm --filter @sipedaki/web codegen` after `pnpm codegen`)', () => {
  expect(staleWebTypes(SDL_PATH)).toEqual([]);
}, 120_000);

it('the check fails when the SPA\'s committed types are stale (the SDL changed, the web codegen did not run)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-sdl-'));
  try {
    const changed = path.join(tmp, 'schema.graphql');
    const sdl = fs.readFileSync(SDL_PATH, 'utf8');
    const edited = sdl.replace(/enum RequestStatus \{\n/, 'enum RequestStatus {\n  ARCHIVED\n');
    expect(edited).not.toBe(sdl);
    fs.writeFileSync(changed, edited);
    expect(staleWebTypes(changed)).toEqual(['apps/web/src/gql/graphql.ts']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);

it('the committed migrations match prisma/schema.prisma (no schema change without a migration)', () => {
  const apiDir = path.resolve(__dirname, '..');
  const cli = require.resolve('prisma/build/index.js', { paths: [apiDir] });
  const r = spawnSync(
    process.execPath,
    [cli, 'migrate', 'diff', '--from-migrations', '../../prisma/migrations', '--to-schema-datamodel', '../../prisma/schema.prisma', '--exit-code'],
    { cwd: apiDir, env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL }, encoding: 'utf8', timeout: 120_000 },
  );
  // 0 = no difference, 2 = difference, anything else = the check itself failed.
  expect({ status: r.status, out: r.status === 0 ? '' : r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
});

it('the migrations deployed on the empty test database hold every table and the audit trigger', async () => {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    const tables = (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['AuditEvent', 'BidangSubmission', 'DataRequest', 'Disposition', 'PerformanceAnalysis', 'StoredDocument', 'User', '_prisma_migrations']));
    const applied = (await c.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).rows.map((r) => r.migration_name);
    const committed = fs.readdirSync(path.resolve(__dirname, '../../../prisma/migrations')).filter((d) => /^\d{14}_/.test(d));
    expect(applied.sort()).toEqual(committed.sort());
    const triggers = (await c.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal`)).rows.map((r) => r.tgname);
    expect(triggers.sort()).toEqual(['AuditEvent_no_truncate', 'AuditEvent_no_update_delete']);
  } finally {
    await c.end();
  }
});
