// Preload (node --require) for the benchmarked servers: counts every SQL statement sent by any
// pg client of the process, and answers the parent's 'sql-count' IPC message with the total.
const path = require('node:path');
const pg = require(require.resolve('pg', { paths: [path.resolve(__dirname, '../apps/api')] }));
let count = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  count++;
  return original.apply(this, args);
};
if (process.send) process.on('message', (m) => m === 'sql-count' && process.send({ sqlCount: count }));
