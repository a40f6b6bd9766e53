'use strict';
// `npm test` of the e2e workspace: the files that share a hub (jest.config.js, one at a time, split
// between E2E_HUBS hubs), and beside them the production install (jest.production-install.config.js), which spends about
// two minutes installing a copy of the repository and needs no hub.
// Each run's lines are prefixed with its name; the exit code is the first failure's.
// `npx jest` alone still runs every file, one after the other; `npx jest <file>` runs one.
const { join } = require('node:path');
const { runSideBySide } = require('../../scripts/side-by-side');

const jest = require.resolve('jest/bin/jest');
// E2E_HUBS (default 2): how many hubs, each with its own database and processes, share the files
// (jest --shard); within a hub the files run one at a time, so what one counts (SQL statements,
// gauges) is its own.
const hubs = Number(process.env.E2E_HUBS ?? 2);
const runs = [
  ...Array.from({ length: hubs }, (_, i) => ({
    name: hubs > 1 ? `hub ${i + 1}` : 'hub',
    args: ['--testPathIgnorePatterns', 'operations-production-install', ...(hubs > 1 ? [`--shard=${i + 1}/${hubs}`] : []), ...process.argv.slice(2)],
  })),
  { name: 'install', args: ['--config', 'jest.production-install.config.js'] },
];

runSideBySide(runs.map(({ name, args }) => ({ name, command: process.execPath, args: [jest, ...args], cwd: join(__dirname, '..') })));
