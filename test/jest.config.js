module.exports = {
  preset: '@ngo-hub/kit',
  testMatch: ['<rootDir>/*.test.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
  // after the preset's (jest concatenates them): the hub of the worker that runs the file
  setupFiles: ['<rootDir>/setup/worker-hub.ts'],
  // longest first, so that `npm test`'s workers (a hub each) finish together
  testSequencer: '<rootDir>/setup/balanced-sequencer.js',
};
