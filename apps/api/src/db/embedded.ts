/**
 * The zero-setup database: PostgreSQL compiled to WebAssembly (PGlite), persisted in
 * DATA_DIR/pglite and served on a loopback port through pglite-socket, so the very same `pg` +
 * Prisma code runs on it. It serves one connection at a time (docs/decisions.md, "Performance"): the app's pool is
 * max 1 and the migration CLI gets its own slot. For demos and a first look, not production.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Two processes on one PGlite directory would corrupt it, so the directory is locked with the
 * owner's pid; a lock left by a process that no longer runs (kill -9, power loss) is taken over.
 */
function lock(dir: string): () => void {
  const file = path.join(dir, 'sipedaki.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(
          `Basis data tertanam di ${dir} sedang dipakai proses ${pid}. Hentikan proses itu dahulu, atau pakai DATA_DIR lain. ` +
            `(The embedded database is in use by process ${pid}.)`,
        );
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

export async function startEmbeddedDb(dataDir: string): Promise<EmbeddedDb> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const unlock = lock(dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 4 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
