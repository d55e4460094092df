/**
 * The per-address login limit (auth/login-rate-limit.ts) on its store, PostgreSQL: the window,
 * settle / release, Retry-After, the sweep of quiet addresses, and the atomic reservation — two
 * limiters on two connection pools (two API processes, as far as the database can tell) reserving
 * at once for one address never take more places than the limit. The same on the embedded PGlite.
 * Times are injected (`now`), so no assertion depends on how fast the machine is.
 * (login-attacks.test.ts and hardening.test.ts cover the limit over HTTP; two-processes.test.ts
 * with two real API processes.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginRateLimiter, type Reservation, type ReserveResult } from '../src/auth/login-rate-limit';
import { migrateDeploy } from '../src/db/migrate';
import { createPrisma, type Db } from '../src/db/prisma';
import { freshDatabase } from './db-url';
import { startEmbeddedDbProcess } from './embedded-db';
import { uniqueLoopbackAddress } from './loopback';

const print = (line: string) => process.stdout.write(`[login-rate-limit] ${line}\n`);
const WINDOW = 60_000;
const T0 = Date.parse('2026-11-30T08:00:00Z');

const placeOf = (r: ReserveResult): Reservation => {
  if (!('reservation' in r)) throw new Error(`refused: retry after ${r.retryAfterSeconds} s`);
  return r.reservation;
};
const waitOf = (r: ReserveResult): number | null => ('retryAfterSeconds' in r ? r.retryAfterSeconds : null);

// A database of its own: the sweep deletes every address's old rows, and the times here are
// made up — in the run's shared database they would sweep other test files' attempts.
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let db2: Db;
beforeAll(async () => {
  database = await freshDatabase('limit');
  await migrateDeploy(database.url);
  db = createPrisma(database.url, { max: 4 });
  db2 = createPrisma(database.url, { max: 4 });
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await db2?.$disconnect();
  await database?.drop();
});

const rowsOf = (ip: string) => db.loginAttempt.findMany({ where: { ip }, orderBy: { at: 'asc' } });

describe('LoginRateLimiter on PostgreSQL', () => {
  it('takes places up to the limit; a full window of failures waits for its oldest; of attempts still checked, 1 s', async () => {
    const ip = uniqueLoopbackAddress();
    const limiter = new LoginRateLimiter(db, 3, WINDOW);
    const places = [placeOf(await limiter.reserve(ip, T0)), placeOf(await limiter.reserve(ip, T0 + 10_000)), placeOf(await limiter.reserve(ip, T0 + 20_000))];
    // Three attempts still being checked: one may succeed in a moment.
    expect(waitOf(await limiter.reserve(ip, T0 + 25_000))).toBe(1);
    for (const p of places) await limiter.settle(p);
    // Three failures: the oldest (T0) leaves the window at T0 + 60 s, 35 s after T0 + 25 s.
    const wait = waitOf(await limiter.reserve(ip, T0 + 25_000));
    const rows = await rowsOf(ip);
    print(`limit 3: 3 places, a 4th while checking → 1 s, after 3 failures → ${wait} s; rows ${rows.map((r) => r.settled).join(',')}`);
    expect(wait).toBe(35);
    expect(rows.map((r) => r.settled)).toEqual([true, true, true]);
    // The refusals took no place.
    expect(rows).toHaveLength(3);
  });

  it('a success gives its place back; a failure keeps it until it leaves the window, then its row is gone', async () => {
    const ip = uniqueLoopbackAddress();
    const limiter = new LoginRateLimiter(db, 2, WINDOW);
    const ok = placeOf(await limiter.reserve(ip, T0));
    const bad = placeOf(await limiter.reserve(ip, T0 + 1_000));
    await limiter.release(ok);
    await limiter.settle(bad);
    expect((await rowsOf(ip)).map((r) => r.id)).toEqual([bad.id]);
    // One place free (the success's), then full.
    placeOf(await limiter.reserve(ip, T0 + 2_000));
    expect(waitOf(await limiter.reserve(ip, T0 + 3_000))).toBe(1);
    // A minute after the failure it has left the window: its row is deleted by the sweep of the next reservation.
    const later = await limiter.reserve(ip, T0 + 2_000 + WINDOW);
    const rows = await rowsOf(ip);
    expect(placeOf(later).id).toBe(rows.at(-1)!.id);
    expect(rows.map((r) => r.at.getTime())).toEqual([T0 + 2_000 + WINDOW]);
  });

  it('the rows of an address that went quiet are swept by a reservation of another address', async () => {
    const quiet = uniqueLoopbackAddress();
    const other = uniqueLoopbackAddress();
    const limiter = new LoginRateLimiter(db, 5, WINDOW);
    await limiter.settle(placeOf(await limiter.reserve(quiet, T0)));
    expect(await rowsOf(quiet)).toHaveLength(1);
    await limiter.reserve(other, T0 + WINDOW + 1);
    expect(await rowsOf(quiet)).toHaveLength(0);
  });

  it('30 reservations at once for one address from two processes (two pools), limit 10: exactly 10 places', async () => {
    const ip = uniqueLoopbackAddress();
    const a = new LoginRateLimiter(db, 10, WINDOW);
    const b = new LoginRateLimiter(db2, 10, WINDOW);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).reserve(ip, T0 + i)));
    const taken = results.filter((r) => 'reservation' in r).length;
    print(`30 simultaneous reservations over 2 pools, limit 10: ${taken} taken, ${30 - taken} refused; rows ${(await rowsOf(ip)).length}`);
    expect(taken).toBe(10);
    expect(await rowsOf(ip)).toHaveLength(10);
    // Refused while the 10 are being checked: 1 s.
    expect(results.filter((r) => 'retryAfterSeconds' in r).every((r) => waitOf(r) === 1)).toBe(true);
  }, 60_000);
});

describe('LoginRateLimiter on the embedded PGlite (the zero-setup run)', () => {
  let dir: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedDbProcess>>;
  let pglite: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-limit-'));
    embedded = await startEmbeddedDbProcess(dir);
    await migrateDeploy(embedded.url);
    // One connection, as the app runs on PGlite.
    pglite = createPrisma(embedded.url, { max: 1, embedded: true });
  }, 180_000);
  afterAll(async () => {
    await pglite?.$disconnect();
    await embedded?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the same semantics over one connection: 8 at once against a limit of 5, settle, release, Retry-After', async () => {
    const limiter = new LoginRateLimiter(pglite, 5, WINDOW);
    const ip = '192.0.2.10';
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => limiter.reserve(ip, T0 + i)));
    const places = results.filter((r): r is { reservation: Reservation } => 'reservation' in r).map((r) => r.reservation);
    expect(places).toHaveLength(5);
    await limiter.release(places[0]!);
    for (const p of places.slice(1)) await limiter.settle(p);
    placeOf(await limiter.reserve(ip, T0 + 10_000));
    const wait = waitOf(await limiter.reserve(ip, T0 + 10_000));
    print(`PGlite: 8 at once, limit 5 → ${places.length} places; after 1 success and 4 failures, one more place, then a wait of ${wait} s`);
    // The 6th place is still being checked: 1 s.
    expect(wait).toBe(1);
    expect(await pglite.loginAttempt.count({ where: { ip } })).toBe(5);
  }, 60_000);
});
