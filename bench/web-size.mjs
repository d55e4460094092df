#!/usr/bin/env node
/**
 * Initial JavaScript of the SPA, gzipped: the entry chunk named in apps/web/dist/index.html plus
 * every chunk it imports statically (what a phone downloads before the first page shows).
 * Lazy route chunks are not counted. Builds first unless --no-build (then reads dist/ as is).
 * Goal: ≤ 150 KB gzipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const dist = path.join(web, 'dist');
const GOAL_KB = 150;

if (!process.argv.includes('--no-build') || !fs.existsSync(path.join(dist, 'index.html'))) {
  const r = spawnSync('pnpm', ['--filter', '@sipedaki/web', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('build failed');
    process.exit(1);
  }
}

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
const seen = new Set();
const queue = entries.map((p) => path.join(dist, p.replace(/^\//, '')));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file) || !fs.existsSync(file)) continue;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  // Static imports only: `import … from "./x.js"` and `import "./x.js"`; `import("./x.js")` is lazy.
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
  for (const m of code.matchAll(/(?:^|[;}\s])export\s*[\w*{}\s,$]+from\s*["']([^"']+\.js)["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
}

let raw = 0;
let gz = 0;
const rows = [];
for (const f of seen) {
  const buf = fs.readFileSync(f);
  const g = zlib.gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  rows.push(`  ${path.relative(dist, f).padEnd(40)} ${(buf.length / 1024).toFixed(1).padStart(8)} KB  ${(g / 1024).toFixed(1).padStart(7)} KB gz`);
}
const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const kb = gz / 1024;
console.log('Initial JS (entry + static imports):');
console.log(rows.join('\n'));
console.log(`initial JS gzipped: ${kb.toFixed(1)} KB (raw ${(raw / 1024).toFixed(1)} KB, ${seen.size} of ${all.length} chunks)`);
console.log(`goal: ${GOAL_KB} KB gzipped`);
console.log(`ratio: ${(kb / GOAL_KB).toFixed(2)} (${kb <= GOAL_KB ? 'within' : 'OVER'} the goal)`);
process.exit(kb <= GOAL_KB ? 0 : 1);
