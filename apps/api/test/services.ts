/**
 * The services on the test database without the HTTP server, for tests that call them directly
 * with the clock passed in (calendar, timing, monitoring, LKjIP). Its own small pool, closed after
 * the file's last test; a data directory of its own, so that two files never share stored files.
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config';
import { createPrisma } from '../src/db/prisma';
import { createServices } from '../src/services';
import { TEST_DATABASE_URL } from './db-url';

export function servicesOnTestDb(name: string, config: Partial<Record<string, string>> = {}) {
  const dataDir = fs.mkdtempSync(`/tmp/sipedaki-${name}-`);
  const db = createPrisma(TEST_DATABASE_URL, { max: 3 });
  const services = createServices(db, loadConfig({ NODE_ENV: 'test', DATABASE_URL: TEST_DATABASE_URL, DATA_DIR: dataDir, ...config }));
  afterAll(() => db.$disconnect());
  return { db, services, dataDir };
}
