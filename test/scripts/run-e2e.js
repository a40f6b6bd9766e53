'use strict';
// `npm test` of the e2e workspace: the files that share a hub (jest.config.js, one at a time, split
// between E2E_HUBS hubs), and beside them the production install (jest.production-install.config.js), which spends about
// two minutes installing a copy of the repository and needs no hub.
// Each run's lines are prefixed with its name; the exit code is the first failure's.
// `npx jest` alone still runs every file, one after the other; `npx jest <file>` runs one.
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');

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

function run({ name, args }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jest, ...args], { cwd: `${__dirname}/..`, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
    }
    child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0) }));
  });
}

Promise.all(runs.map(run)).then((results) => {
  const failed = results.filter((result) => result.code !== 0);
  for (const { name, code } of failed) process.stderr.write(`e2e run "${name}" failed (exit ${code})\n`);
  process.exit(failed[0]?.code ?? 0);
});
