/**
 * `pnpm start`: the whole product in one process. Without DATABASE_URL it starts the embedded
 * PostgreSQL (PGlite) in DATA_DIR, migrates it, seeds the reference data (and the demo office
 * outside production), then serves the API and the built SPA on one port.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { listen } from './http/server';
import { DIGEST_CRONTAB } from './notification/notification.service';
import { logger } from './common/logger';
import { loadStartupConfig } from './config';
import { startEmbeddedDb } from './db/embedded';
import { migrateDeploy } from './db/migrate';
import { createPrisma } from './db/prisma';
import { DEMO_USERNAMES, seedBootstrap, seedDemo, seedReference } from './db/seed';
import { seedDemoHistory } from './monitoring/demo-history';

async function main() {
  const config = loadStartupConfig();
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDb(config.DATA_DIR);
  if (embedded) logger.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL kosong: memakai PostgreSQL tertanam (PGlite)');
  const url = embedded?.url ?? config.DATABASE_URL ?? '';
  await migrateDeploy(url);
  const db = createPrisma(url, { max: embedded ? 1 : 10, embedded: !!embedded });
  await seedReference(db);
  if (config.seedDemo) await seedDemo(db, { password: config.DEMO_PASSWORD, year: new Date().getFullYear(), documentsDir: config.documentsDir });
  const bootstrapped = await seedBootstrap(db, {
    username: config.BOOTSTRAP_ADMIN_USERNAME,
    password: config.BOOTSTRAP_ADMIN_PASSWORD,
    officeCode: config.BOOTSTRAP_OFFICE_CODE,
    officeName: config.BOOTSTRAP_OFFICE_NAME,
    regency: config.BOOTSTRAP_OFFICE_REGENCY,
    pemdaAdmin: config.BOOTSTRAP_PEMDA_ADMIN,
  });
  if (bootstrapped === 'CREATED') logger.info({ username: config.BOOTSTRAP_ADMIN_USERNAME, pemdaAdmin: !!config.BOOTSTRAP_PEMDA_ADMIN }, 'administrator awal dibuat');
  if (bootstrapped === 'PEMDA_ADMIN_GRANTED') logger.info({ username: config.BOOTSTRAP_ADMIN_USERNAME }, 'administrator awal kini juga Administrator Pemda');

  const { app, stop, services } = await createApp(config, db, { databaseUrl: url });
  // A few months of finished requests in the demo office, once (the SOP monitoring shows them).
  if (config.seedDemo && (config.SEED_DEMO_HISTORY ?? true)) await seedDemoHistory(db, services, config.ANALYSIS_DEVIATION_PCT);
  // The job runner (notifications, reminders, escalations, digest, webhook deliveries) and the
  // live stream's LISTEN; both stop (jobs in flight finished) on shutdown.
  await services.jobs.start(DIGEST_CRONTAB);
  await services.notifications.startLive(url, !!embedded);
  const server: Server = await listen(app, config.PORT, config.HOST);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  const lines = [
    '',
    `SIPEDAKI berjalan di ${base}  (GraphQL: ${base}/graphql)`,
    embedded ? `Basis data: PostgreSQL tertanam di ${config.DATA_DIR}/pglite` : 'Basis data: DATABASE_URL',
  ];
  if (config.seedDemo) {
    lines.push(`Masuk sebagai salah satu pengguna demo, kata sandi "${config.DEMO_PASSWORD}":`);
    for (const u of DEMO_USERNAMES) lines.push(`  ${u.username.padEnd(22)} ${u.jabatan}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'menghentikan server');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close();
    server.closeIdleConnections?.();
    const step = async (name: string, fn: () => Promise<unknown>) => {
      const t0 = Date.now();
      await fn().catch((err) => logger.warn({ err, step: name }, 'shutdown step failed'));
      logger.debug({ step: name, ms: Date.now() - t0 }, 'shutdown step done');
    };
    await step('jobs + apollo', stop);
    await step('database', () => db.$disconnect());
    if (embedded) await step('embedded', () => embedded.stop());
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  logger.fatal({ err }, 'gagal memulai SIPEDAKI');
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
