// `pnpm db:seed`: reference data always; the demo office only when SEED_DEMO is on
// (default outside production). Idempotent: running it twice changes nothing.
import { loadStartupConfig } from '../config';
import { createPrisma } from './prisma';
import { seedDemo, seedReference } from './seed';

async function run() {
  const config = loadStartupConfig(undefined, { serving: false });
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL belum diisi.');
  const db = createPrisma(config.DATABASE_URL, { max: 2 });
  try {
    await seedReference(db);
    process.stdout.write('Data referensi (hari libur, skala kategori) tersimpan.\n');
    if (config.seedDemo) {
      const r = await seedDemo(db, { password: config.DEMO_PASSWORD, year: new Date().getFullYear(), documentsDir: config.documentsDir });
      process.stdout.write(`Kantor demo ${r.created ? 'dibuat' : 'sudah ada'}.\n`);
    } else {
      process.stdout.write('SEED_DEMO mati: pengguna demo tidak dibuat.\n');
    }
  } finally {
    await db.$disconnect();
  }
}
run().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
