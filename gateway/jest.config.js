// Unit tests of the gateway's own logic, kept beside the modules they test (src/**/__tests__):
// pure functions and classes, no database and no hub (the end-to-end tests live in test/).
const preset = require('@ngo-hub/kit/jest-preset');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
