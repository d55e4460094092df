import pg from 'pg';
import { migrateDeploy } from '../src/db/migrate';
import { adminUrl, BASE_TEST_DATABASE_URL, runDatabaseUrl } from './db-url';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Once per run: a fresh database for this run, migrated with the committed migrations exactly as
 * production is (`prisma migrate deploy`). Each test then makes its own office with factories,
 * so tests never share rows and need no cleanup. Databases left by runs that died are dropped.
 */
export default async function globalSetup() {
  const url = runDatabaseUrl(process.pid);
  process.env.SIPEDAKI_RUN_DATABASE_URL = url;
  const { admin, name } = adminUrl(url);
  const base = adminUrl(BASE_TEST_DATABASE_URL).name;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const existing = (await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${base}\\_%`])).rows.map((r) => r.datname as string);
    for (const db of existing) {
      const pid = Number(db.slice(base.length + 1));
      if (db === name || (Number.isInteger(pid) && pid > 0 && !alive(pid))) await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await migrateDeploy(url);
}
