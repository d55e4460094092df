/**
 * How the benchmarks start the API: with the Node.js flags of the product's own start script
 * (`apps/api/package.json` "start", which the Dockerfile and `pnpm start` run), so that a bench
 * measures the API as it is deployed. Today that is `--max-semi-space-size=64`: a larger young
 * generation, so that the objects of the requests in flight die young instead of being copied
 * and promoted by every scavenge (bench/dashboard.mjs: the API's CPU per board answer fell by
 * 10–25 % at 50 connections; docs/decisions.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The node flags of `apps/api/package.json` scripts.start (the tokens between `node` and `--import`). */
export function apiNodeFlags() {
  const start = JSON.parse(fs.readFileSync(path.join(root, 'apps/api/package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`apps/api start script does not start with node: ${start}`);
  return words.slice(1, words.indexOf('--import')).filter((w) => w.startsWith('--'));
}
