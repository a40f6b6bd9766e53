module.exports = {
  preset: '@ngo-hub/kit',
  setupFiles: ['<rootDir>/test/setup/isolate-orm-metadata.ts'],
};
