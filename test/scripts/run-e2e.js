'use strict';
// `npm test` of the e2e workspace: the files that share a hub (jest.config.js), on E2E_HUBS jest
// workers with a hub each, and beside them the production install (jest.production-install.config.js),
// which spends about two minutes installing a copy of the repository and needs no hub.
// Each run's lines are prefixed with its name; the exit code is the first failure's.
// `npx jest` alone runs every file on one hub, one after the other; `npx jest <file>` runs one.
const { join } = require('node:path');
const { runSideBySide } = require('../../scripts/side-by-side');

const jest = require.resolve('jest/bin/jest');
// E2E_HUBS (default 2): how many hubs, each with its own database and processes, and as many jest
// workers. A worker runs its files one at a time against its own hub, so what one counts (SQL
// statements, gauges) is its own, and takes the next file waiting when it is free.
const hubs = Number(process.env.E2E_HUBS ?? 2);
runSideBySide(
  [
    { name: 'hubs', args: ['--testPathIgnorePatterns', 'operations-production-install', `--maxWorkers=${hubs}`, ...process.argv.slice(2)] },
    { name: 'install', args: ['--config', 'jest.production-install.config.js'] },
  ].map(({ name, args }) => ({ name, command: process.execPath, args: [jest, ...args], cwd: join(__dirname, '..') })),
);
