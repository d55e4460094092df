/**
 * The board's office for bench/scale.mjs: bench/seed-dashboard.ts's office (10 Bidang × 50
 * indicators, a request at step 4 with every submission filled, made through the real services),
 * with one difference: interactive transactions may last 2 minutes instead of Prisma's 5 s. On a
 * machine shared by many (load average 20 on 2 cores), step 3 — freezing 500 targets in one
 * transaction — outlasts 5 s, and the seed then fails every time. Prints {requestId, kasubbag}.
 */
import { loadConfig } from '../apps/api/src/config';
import { migrateDeploy } from '../apps/api/src/db/migrate';
import { createPrisma } from '../apps/api/src/db/prisma';
import { seedReference } from '../apps/api/src/db/seed';
import { createServices } from '../apps/api/src/services';
import { makeCollectingRequest } from '../apps/api/test/scenario';

async function main() {
  const url = process.env.DATABASE_URL!;
  await migrateDeploy(url);
  const db = createPrisma(url, { max: 4 });
  const transaction = db.$transaction.bind(db) as (...a: unknown[]) => Promise<unknown>;
  (db as unknown as { $transaction: unknown }).$transaction = (arg: unknown, opts?: object) =>
    typeof arg === 'function' ? transaction(arg, { maxWait: 60_000, timeout: 120_000, ...opts }) : transaction(arg, opts);
  await seedReference(db);
  const services = createServices(db, loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }));
  const s = await makeCollectingRequest(db, services, { bidang: Number(process.env.BIDANG ?? 10), indicatorsPerBidang: Number(process.env.INDICATORS ?? 50) });
  process.stdout.write(`${JSON.stringify({ requestId: s.requestId, kasubbag: s.users.kasubbag.username })}\n`);
  await db.$disconnect();
  process.exit(0);
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
