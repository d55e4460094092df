#!/usr/bin/env node
/**
 * `pnpm db:new-migration <name>`: writes the SQL that takes the committed migrations to the
 * current prisma/schema.prisma into prisma/migrations/<timestamp>_<name>/migration.sql.
 * Uses `prisma migrate diff` (verified offline with our adapter); `prisma migrate dev` works for
 * the first migration but its data-loss check fails with the WebAssembly engine here.
 * Needs a PostgreSQL for the shadow database (DATABASE_URL, default the local one).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: pnpm db:new-migration <name>');
  process.exit(2);
}
const apiDir = path.join(root, 'apps/api');
const cli = path.join(apiDir, 'node_modules/prisma/build/index.js');
const r = spawnSync(process.execPath, [cli, 'migrate', 'diff', '--from-migrations', '../../prisma/migrations', '--to-schema-datamodel', '../../prisma/schema.prisma', '--script'], { cwd: apiDir, encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr || r.stdout);
  process.exit(1);
}
const sql = r.stdout.trim();
if (!sql || sql === '-- This is an empty migration.') {
  console.log('No schema change: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
console.log(`wrote ${path.relative(root, dir)}/migration.sql — review it, then commit it.`);
