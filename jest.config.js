/**
 * Every jest suite of the monorepo; `pnpm test` (scripts/test.mjs) runs it and prints the summary.
 * testTimeout and maxWorkers are global options: jest ignores them inside a project's own config
 * (it warns only about maxWorkers), so the API's 30 s never applied and its integration tests ran
 * under the 5 s default — four of them timed out on a machine with one core kept busy.
 * 60 s gives real work (a database per run, argon2 logins, PDF rendering) room on a loaded
 * machine; no test asserts a duration.
 */
module.exports = {
  projects: ['<rootDir>/packages/sop', '<rootDir>/apps/api'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
