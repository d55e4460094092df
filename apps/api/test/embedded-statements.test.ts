/**
 * The embedded PGlite serves every connection from one session, so a statement prepared under a
 * name by one connection is still there for the next one. The hand-written SQL therefore runs
 * unnamed on it (`createPrisma(url, { embedded: true })`): before, `pnpm start` answered every
 * sign-in with an internal error once the pool had closed an idle connection and opened another.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Sql, statement } from '../src/db/sql';
import { startEmbeddedDbProcess } from './embedded-db';

const ONE = statement<{ one: number }>()({ name: 'test.embedded.one', params: [], columns: { one: 'int4' }, text: 'SELECT 1::int4 AS one' });

let embedded: Awaited<ReturnType<typeof startEmbeddedDbProcess>>;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-embedded-stmt-'));
  embedded = await startEmbeddedDbProcess(dataDir);
}, 120_000);
afterAll(async () => {
  await embedded?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The same statement through two connections, one after the other (as the pool does after an idle close). */
async function twoConnections(named: boolean): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
    try {
      results.push(await new Sql(pool, named).one(ONE, []).catch((e: Error) => e.message));
    } finally {
      await pool.end();
    }
  }
  return results;
}

it('a named statement prepared by one connection breaks the next connection on PGlite (why the embedded run goes unnamed)', async () => {
  expect(await twoConnections(true)).toEqual([{ one: 1 }, expect.stringMatching(/already exists/)]);
}, 60_000);

it('unnamed, every new connection runs the statement', async () => {
  expect(await twoConnections(false)).toEqual([{ one: 1 }, { one: 1 }]);
}, 60_000);
