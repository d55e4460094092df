/** Every jest suite of the monorepo; `pnpm test` (scripts/test.mjs) runs it and prints the summary. */
module.exports = {
  projects: ['<rootDir>/packages/sop', '<rootDir>/apps/api'],
};
