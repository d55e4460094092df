import pg from 'pg';
import { migrateDeploy } from '../src/db/migrate';
import { adminUrl, TEST_DATABASE_URL } from './db-url';

/**
 * Once per run: a fresh test database, migrated with the committed migrations exactly as
 * production is (`prisma migrate deploy`). Each test then makes its own office with factories,
 * so tests never share rows and need no cleanup.
 */
export default async function globalSetup() {
  const { admin, name } = adminUrl(TEST_DATABASE_URL);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await migrateDeploy(TEST_DATABASE_URL);
}
