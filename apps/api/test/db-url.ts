/** The test database: TEST_DATABASE_URL, or a database of its own on the local PostgreSQL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test';

export function adminUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = u.pathname.replace(/^\//, '');
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}
