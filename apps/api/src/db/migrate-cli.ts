// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL (administrators, upgrades).
import { loadStartupConfig } from '../config';
import { migrateDeploy } from './migrate';

const config = loadStartupConfig(undefined, { serving: false });
if (!config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL belum diisi. (The embedded database is migrated by `pnpm start` itself.)\n');
  process.exit(2);
}
migrateDeploy(config.DATABASE_URL).then(
  (out) => process.stdout.write(out),
  (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
