module.exports = {
  preset: '@ngo-hub/kit',
  testMatch: ['<rootDir>/*.test.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
};
