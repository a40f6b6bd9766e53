'use strict';
/* global describe, test */
// The one test file of a workspace's `npm test` (jest-suite.js): each test file of the workspace
// under a describe block named after it, required while jest collects that block, so that its
// hooks and tests belong to the block as they belonged to the file. Files run in path order.
const { readdirSync } = require('node:fs');
const { join, sep } = require('node:path');

const folder = globalThis.ngohubTestFolder;
// the preset's testMatch: test/**/*.test.ts
const files = readdirSync(folder, { recursive: true })
  .filter((name) => name.endsWith('.test.ts') && !name.split(sep).includes('node_modules'))
  .sort();
for (const name of files) {
  describe(name, () => {
    try {
      require(join(folder, name));
    } catch (error) {
      // a file that cannot load fails on its own; the other files still run
      test('loads', () => {
        throw error;
      });
    }
  });
}
