/**
 * CPU time of processes, for the benches that print what a request costs besides how long it
 * takes (on a busy machine the wall clock mostly measures the wait for a core). Linux /proc only:
 * elsewhere every reading is NaN, and the benches print it as such.
 */
import fs from 'node:fs';

/** CPU milliseconds (user + system) process `pid` has used so far (10 ms ticks); NaN if unreadable. */
export function cpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * The PostgreSQL backends serving `client`'s database (but `client` itself), for `since`:
 * `const db = await databaseCpu(probe); …; const ms = await db.since()`. The CPU a backend
 * spent is counted from the first reading; a backend that ends in between is not counted (its
 * time is gone from /proc), one that starts in between counts whole.
 */
export async function databaseCpu(client) {
  const snapshot = async () => {
    const pids = (await client.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) => r.pid);
    return new Map(pids.map((pid) => [pid, cpuMs(pid)]));
  };
  const before = await snapshot();
  return {
    async since() {
      let ms = 0;
      for (const [pid, t] of await snapshot()) ms += t - (before.get(pid) ?? 0);
      return ms;
    },
  };
}
