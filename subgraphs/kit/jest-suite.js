'use strict';
// `npm test` of a workspace runs every file of its test/ folder as one jest test file.
//
// Jest gives each test file a module registry of its own: every file loads MikroORM, type-graphql,
// Apollo Server, graphql and the subgraph again, about 1.2 CPU-s of a file's 1.5 to 3 (CPU profile
// of organizations' access.test.ts, 3 December 2026), most of a workspace suite's own work. Here
// they load once per suite. Each file still runs under a describe block of its own name with its
// own hooks, on the run's one database as before; `npx jest` and `npx jest <file>` keep the
// workspace's jest.config.js, where each file has a registry of its own.
const { join } = require('node:path');

const ENTRY = join(__dirname, 'jest-suite', 'every-test-file.js');

/** The workspace's jest configuration, with its test/*.test.ts files run as one. */
module.exports = function everyTestFileAsOne(config, workspaceFolder) {
  return {
    ...config,
    rootDir: workspaceFolder,
    roots: ['<rootDir>', join(__dirname, 'jest-suite')],
    testMatch: [ENTRY],
    globals: { ...config.globals, ngohubTestFolder: join(workspaceFolder, 'test') },
  };
};
