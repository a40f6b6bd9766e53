// The production install (operations-production-install.test.ts) on its own: it builds the image's
// files and starts the compose file's services itself, so it needs none of the shared hub, and
// `npm test` runs it beside the other end-to-end files (scripts/run-e2e.js).
module.exports = {
  preset: '@ngo-hub/kit',
  testMatch: ['<rootDir>/operations-production-install.test.ts'],
};
