const swc = require('../../jest.swc.json');

/** API and service tests, against a real PostgreSQL migrated once per run (test/global-setup). */
module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/env.ts'],
  // Used when jest runs from apps/api alone; the monorepo run takes it (a global option) from the root config.
  testTimeout: 60_000,
};
