module.exports = {
  preset: '@ngo-hub/kit',
  setupFiles: ['<rootDir>/test/support/isolate-orm-metadata.ts'],
};
