// Prisma CLI configuration: the WebAssembly schema engine over our patched pg adapter, so that
// migrate/generate run fully offline (see src/db/pg-adapter.ts and docs/decisions.md, "Tooling").
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createAdapter } from './src/db/pg-adapter';

// Same .env as the server (optional).
try {
  process.loadEnvFile(path.join(__dirname, '../../.env'));
} catch {
  /* no .env: defaults below */
}
// A config file turns off Prisma's own .env loading; the schema still validates `url`.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/sipedaki';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, '../../prisma/schema.prisma'),
  migrations: { path: path.join(__dirname, '../../prisma/migrations') },
  adapter: async () => createAdapter(process.env.DATABASE_URL!, { max: 2, allowExitOnIdle: true }),
});
