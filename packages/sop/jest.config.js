const swc = require('../../jest.swc.json');
module.exports = {
  displayName: 'sop',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
};
