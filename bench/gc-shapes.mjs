#!/usr/bin/env node
/**
 * `node bench/gc-shapes.mjs`: the object shapes that make V8's young generation keep a request's
 * objects (docs/decisions.md, "Session 8: that retention found"), each in a loop of its own, with
 * the young-generation figures V8 prints (`--trace-gc-nvp`): scavenges, mean pause, KB promoted
 * per scavenge, promotion rate. Each shape is paired with the form the API uses instead, so a
 * newer Node.js can be checked in a minute: when the "shape" rows look like their "instead" rows,
 * the workarounds (apps/api/src/http/server.ts, common/objects.ts, patches/@apollo__server*) are
 * no longer needed. Env: SECONDS per case (default 2), SEMI (--max-semi-space-size, default 64 as
 * the API's start script).
 */
import { spawn, spawnSync } from 'node:child_process';
import autocannon from 'autocannon';

const seconds = Number(process.env.SECONDS ?? 2);
const semi = process.env.SEMI ?? '64';

// Every case allocates the same garbage (an array of 100 small objects per iteration) and builds
// one object of the shape that references it, then yields to the event loop like a request does.
const CASES = {
  'loop, plain object (baseline)': 'x = { a: 1, b: j, c: 3 };',
  'shape 2: { ...base, key }': 'x = { ...{ a: 1, b: j, c: 3 }, z: 1 };',
  'instead: Object.assign({}, base, { key })': 'x = Object.assign({}, { a: 1, b: j, c: 3 }, { z: 1 });',
  'shape 3: accessor in an object literal': 'x = { b: j, get s() { return j.length; }, set s(v) { j.length = v; } };',
  'instead: accessor on a class': 'x = new WithAccessor(j);',
};

const program = (body) => `
class WithAccessor { #j; constructor(j) { this.b = j; this.#j = j; } get s() { return this.#j.length; } set s(v) { this.#j.length = v; } }
(async () => {
  let x, n = 0;
  const end = Date.now() + ${seconds * 1000};
  while (Date.now() < end) {
    const j = [];
    for (let i = 0; i < 100; i++) j.push({ i });
    ${body}
    await null;
    n++;
  }
  console.error('iterations=' + n);
})();`;

// Shape 1 shows only in a real HTTP server (in a loop that builds IncomingMessage objects itself it
// does not): a node:http server answering GETs, its request and response objects given their own
// prototypes per request as Express does (`Object.setPrototypeOf(req, app.request)`), or born
// with them (apps/api/src/http/server.ts), driven by autocannon over one connection.
const HTTP_CASES = {
  'shape 1: setPrototypeOf on each request': 'per',
  'instead: born with the prototypes': 'born',
  'node:http as it is (baseline)': 'none',
};
const server = (mode) => `
const http = require('node:http');
const reqProto = Object.create(http.IncomingMessage.prototype);
const resProto = Object.create(http.ServerResponse.prototype);
function Req(socket) { http.IncomingMessage.call(this, socket); }
Req.prototype = reqProto;
function Res(req, options) { http.ServerResponse.call(this, req, options); }
Res.prototype = resProto;
const options = '${mode}' === 'born' ? { IncomingMessage: Req, ServerResponse: Res } : {};
const s = http.createServer(options, (req, res) => {
  if ('${mode}' === 'per') { Object.setPrototypeOf(req, reqProto); Object.setPrototypeOf(res, resProto); }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ status: 'ok', at: req.url }));
});
s.listen(0, '127.0.0.1', () => process.send(s.address().port));`;

async function httpCase(mode) {
  const child = spawn(process.execPath, [`--max-semi-space-size=${semi}`, '--trace-gc-nvp', '-e', server(mode)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const port = await new Promise((r) => child.once('message', r));
  const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 1, duration: seconds });
  child.kill();
  await new Promise((r) => child.once('exit', r));
  return { stdout: out, iterations: result.requests.total };
}

function figures(stdout) {
  const scavenges = stdout.split('\n').filter((l) => / gc=s /.test(l)).map((l) => Object.fromEntries([...l.matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)])));
  // The first scavenges belong to start-up; the steady state is the second half of the run.
  const steady = scavenges.slice(Math.floor(scavenges.length / 2));
  const mean = (k) => steady.reduce((a, s) => a + (s[k] ?? 0), 0) / Math.max(1, steady.length);
  return { scavenges: scavenges.length, pause: mean('pause'), promotedKB: mean('promoted') / 1024, rate: mean('promotion_rate') };
}

const rows = [];
for (const [name, body] of Object.entries(CASES)) {
  const r = spawnSync(process.execPath, [`--max-semi-space-size=${semi}`, '--trace-gc-nvp', '-e', program(body)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
  rows.push({ name, iterations: Number(/iterations=(\d+)/.exec(r.stderr)?.[1] ?? 0), ...figures(r.stdout) });
}
for (const [name, mode] of Object.entries(HTTP_CASES)) {
  const r = await httpCase(mode);
  rows.push({ name, iterations: r.iterations, ...figures(r.stdout) });
}
const pad = (s, n) => String(s).padEnd(n);
process.stdout.write(`Node ${process.version}, --max-semi-space-size=${semi}, ${seconds} s per case\n`);
process.stdout.write(`${pad('case', 44)}${pad('iterations', 12)}${pad('scavenges', 11)}${pad('pause ms', 10)}${pad('promoted KB/scavenge', 22)}promotion rate\n`);
for (const r of rows) {
  process.stdout.write(`${pad(r.name, 44)}${pad(r.iterations, 12)}${pad(r.scavenges, 11)}${pad(r.pause.toFixed(2), 10)}${pad(r.promotedKB.toFixed(0), 22)}${r.rate.toFixed(1)} %\n`);
}
