module.exports = {
  preset: '@ngo-hub/kit',
  setupFiles: ['<rootDir>/test/support/fresh-orm-metadata.js'],
};
