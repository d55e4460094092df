/**
 * Generated artefacts are committed and must match the code: the GraphQL SDL (what other offices'
 * systems are given) and the Prisma migrations (what administrators deploy).
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { renderSdl } from '../src/schema/emit-cli';
import { SDL_PATH } from '../src/schema/build-schema';
import { TEST_DATABASE_URL } from './db-url';

it('the committed schema.graphql matches the schema the code builds (run `pnpm codegen` after a change)', async () => {
  expect(fs.readFileSync(SDL_PATH, 'utf8')).toBe(await renderSdl());
});

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
