import crypto from 'node:crypto';
import pg from 'pg';
/**
 * Each jest run gets a database of its own, `<base>_<pid>` on the server of TEST_DATABASE_URL
 * (default: the local PostgreSQL), so parallel runs never drop each other's data. global-setup
 * creates and migrates it and publishes its URL to the workers; global-teardown drops it.
 */
export const BASE_TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test';

export function runDatabaseUrl(pid: number): string {
  const u = new URL(BASE_TEST_DATABASE_URL);
  u.pathname = `/${u.pathname.replace(/^\//, '')}_${pid}`;
  return u.toString();
}

export const TEST_DATABASE_URL = process.env.SIPEDAKI_RUN_DATABASE_URL ?? runDatabaseUrl(process.pid);

export function adminUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = u.pathname.replace(/^\//, '');
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}

/** A new, empty database next to the run's test database (migrate it yourself); `drop()` removes it. */
export async function freshDatabase(tag: string) {
  const u = new URL(TEST_DATABASE_URL);
  const name = `${u.pathname.replace(/^\//, '')}_${tag}_${crypto.randomBytes(3).toString('hex')}`;
  u.pathname = `/${name}`;
  const url = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl(url).admin });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl(url).admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
