/**
 * The embedded PGlite of `pnpm start` (src/db/embedded.ts) in a child process, for tests: PGlite
 * loads its parts with dynamic import(), which jest's module sandbox refuses. The child serves it
 * on a loopback port exactly as the app does in-process, prints its URL, and stops on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const apiDir = path.resolve(__dirname, '..');

export async function startEmbeddedDbProcess(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', CHILD], {
    cwd: apiDir,
    env: { ...process.env, SIPEDAKI_EMBEDDED_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`embedded database process exited (${code}) before it was ready`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const CHILD = `
const { startEmbeddedDb } = require('./src/db/embedded');
startEmbeddedDb(process.env.SIPEDAKI_EMBEDDED_DIR).then((db) => {
  process.stdout.write(db.url + '\\n');
  process.once('SIGTERM', () => db.stop().then(() => process.exit(0)));
}, (err) => { console.error(err); process.exit(1); });
`;
