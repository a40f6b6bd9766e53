module.exports = {
  preset: '@ngo-hub/kit',
  testMatch: ['<rootDir>/*.test.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
  // `npm test`'s hubs get equal time, not equal numbers of files (jest --shard)
  testSequencer: '<rootDir>/setup/balanced-sequencer.js',
};
