/**
 * The hand-written SQL (src/db/sql.ts and the feature registries `*.sql.ts`) against the migrated
 * database: every statement prepares, and returns exactly the columns and types its description
 * declares (the row types are checked against the descriptions by the compiler). The last test
 * changes copies of the tables and watches the check fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { TEST_DATABASE_URL } from './db-url';
import { checkStatement, registeredStatements, sourceFiles, SRC } from './sql-contract';

const statements = registeredStatements();

async function checkAll(client: pg.Client) {
  const problems: string[] = [];
  for (const { stmt } of statements) problems.push(...(await checkStatement(client, stmt)));
  return problems;
}

it('every hand-written statement lives in a feature registry (*.sql.ts) under a name of its own', () => {
  const outside = sourceFiles()
    .filter((f) => !f.endsWith('.sql.ts') && !['db/sql.ts', 'db/prisma.ts'].includes(path.relative(SRC, f)))
    .filter((f) => /\bstatement<|\bnew Sql\(|\.query\(\s*\{\s*name:/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f));
  expect(outside).toEqual([]);
  expect(statements.map((s) => s.file).sort()).toEqual(
    expect.arrayContaining(['auth/auth.sql.ts', 'data-request/data-request.sql.ts', 'submission/submission.sql.ts']),
  );
  const names = statements.map((s) => s.stmt.name);
  expect(new Set(names).size).toBe(names.length);
});

it('every registered statement prepares on the migrated database and returns the declared columns and types', async () => {
  expect(statements.length).toBeGreaterThanOrEqual(9);
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    expect(await checkAll(c)).toEqual([]);
  } finally {
    await c.end();
  }
});

it('the check fails when a table read by a statement changes and the statement does not follow (scratch copy of the tables)', async () => {
  // A scratch schema with a copy of every migrated table (columns, types, NOT NULL), searched
  // before public: the statements' unqualified table names then resolve to the copies, which can
  // be altered without touching the tables the other tests use. The enums stay in public.
  const schema = `contract_scratch_${process.pid}`;
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA ${schema}`);
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)).rows;
    for (const { tablename } of tables) await c.query(`CREATE TABLE ${schema}."${tablename}" (LIKE public."${tablename}" INCLUDING DEFAULTS)`);
    await c.query(`SET search_path = ${schema}, public`);
    expect(await checkAll(c)).toEqual([]);

    // A new column on a table whose whole row a statement returns (the bug issue 10 found: get(),
    // typed as the full Prisma row, returned it as undefined), a wider type, a column that became
    // nullable, and a renamed column.
    await c.query(`ALTER TABLE "DataRequest" ADD COLUMN "priority" integer NOT NULL DEFAULT 0`);
    await c.query(`ALTER TABLE "Bidang" ALTER COLUMN "sortOrder" TYPE bigint`);
    await c.query(`ALTER TABLE "StoredDocument" ALTER COLUMN "filename" DROP NOT NULL`);
    await c.query(`ALTER TABLE "Session" RENAME COLUMN "revokedAt" TO "endedAt"`);
    const problems = await checkAll(c);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^request\.by-id: returns the whole DataRequest row, but not its column\(s\) priority:/),
        'request.completeness: column sortOrder is int8, declared int4',
        'submission.of-request: column bidangSortOrder is int8, declared int4',
        expect.stringMatching(/^submission\.documents: column filename comes from StoredDocument\.filename, which may be null/),
        expect.stringMatching(/^auth\.session-actor(\.v2)?: does not prepare: column (s\.)?"?revokedAt"? does not exist/),
      ]),
    );
    // Statements over unchanged tables still agree.
    expect(problems.filter((p) => /^(request\.steps|submission\.values|submission\.reviews):/.test(p))).toEqual([]);
  } finally {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
});
