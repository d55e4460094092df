import { spawn } from 'node:child_process';
import path from 'node:path';
import { installJobSchema } from '../notification/job-runner';

const apiDir = path.resolve(__dirname, '../..');

/**
 * `prisma migrate deploy`, the one way migrations are applied (start-up, admin script, tests).
 * Asynchronous on purpose: with the embedded database the server runs in this very process, and
 * a synchronous child would deadlock it.
 */
export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const out = await prismaMigrateDeploy(databaseUrl);
  // The job runner's schema (graphile-worker's own migrations): jobs are enqueued with its SQL
  // functions inside the app's transactions, so it must exist before the app serves.
  await installJobSchema(databaseUrl);
  return out;
}

function prismaMigrateDeploy(databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [apiDir] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${out}`)),
    );
  });
}
