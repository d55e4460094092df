// Preload (node --require) for the benchmarked servers: counts every SQL statement sent by any
// pg client of the process and answers the parent's IPC messages: 'sql-count' with the total,
// 'cpu' with the process's CPU time so far (user + system, µs) — the parent divides the CPU spent
// during a run by the requests served: a figure a busy machine disturbs far less than req/s.
const path = require('node:path');
const pg = require(require.resolve('pg', { paths: [path.resolve(__dirname, '../apps/api')] }));
let count = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  count++;
  return original.apply(this, args);
};
if (process.send) {
  process.on('message', (m) => {
    if (m === 'sql-count') process.send({ sqlCount: count });
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send({ cpuMicros: u.user + u.system });
    }
  });
}
