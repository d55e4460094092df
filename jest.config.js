/** Every jest suite of the monorepo; `pnpm test` (scripts/test.mjs) runs it and prints the summary. */
module.exports = {
  projects: ['<rootDir>/packages/sop', '<rootDir>/apps/api'],
  // testTimeout is a global option: set in a project's config it is silently ignored, and every
  // hook and test ran at jest's 5-second default — integration tests timed out on a busy machine.
  testTimeout: 60000,
};
