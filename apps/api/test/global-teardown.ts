import pg from 'pg';
import { adminUrl } from './db-url';

export default async function globalTeardown() {
  const url = process.env.SIPEDAKI_RUN_DATABASE_URL;
  if (!url || process.env.KEEP_TEST_DATABASE) return;
  const { admin, name } = adminUrl(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
