/**
 * Seeds the benchmark database: one office, 10 Bidang × 50 indicators (targets for 4 Triwulan),
 * a request at step 4 with every submission filled. Prints {requestId, kasubbag} as JSON.
 * Run by bench/dashboard.mjs under tsx with apps/api's tsconfig.
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
