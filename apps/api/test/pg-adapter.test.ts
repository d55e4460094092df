/**
 * db/pg-adapter.ts CatalogSafeClient: PostgreSQL's catalog types "char" (oid 18) and name (oid 19)
 * reach Prisma's adapter as text (oid 25), through pg.Pool's callback form and the promise form;
 * and the callback wrapper is made outside `query` (an arrow created inside that rest-parameter
 * method kept every query's result alive through young collections on Node 20: docs/decisions.md,
 * "Session 8").
 */
import pg from 'pg';
import { CatalogSafeClient } from '../src/db/pg-adapter';
import { TEST_DATABASE_URL } from './db-url';

const SQL = `SELECT 'r'::"char" AS kind, 'pg_class'::name AS relname, 7::int4 AS n`;

it('reports "char" and name columns as text in both query forms, and leaves other types alone', async () => {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, Client: CatalogSafeClient as unknown as typeof pg.Client, max: 1 });
  try {
    // pg.Pool.query passes a callback to the client.
    const viaPool = await pool.query(SQL);
    // Prisma's adapter uses the promise form on a checked-out client.
    const client = await pool.connect();
    let viaClient: pg.QueryResult;
    try {
      viaClient = await client.query(SQL);
    } finally {
      client.release();
    }
    for (const r of [viaPool, viaClient]) {
      expect(r.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
        ['kind', 25],
        ['relname', 25],
        ['n', 23],
      ]);
      expect(r.rows).toEqual([{ kind: 'r', relname: 'pg_class', n: 7 }]);
    }
  } finally {
    await pool.end();
  }
}, 60_000);

it('query creates no function of its own (the patching callback comes from outside)', () => {
  const source = CatalogSafeClient.prototype.query.toString();
  expect(source).toContain('patchingCallback(');
  expect(source).toContain('patchedResult');
  // No arrow function and no function expression inside the method.
  expect(source).not.toMatch(/=>|function\s*\(/);
});
