'use strict';
// `npm test` of the e2e workspace: the files that share one hub (jest.config.js, one at a time),
// and beside them the production install (jest.production-install.config.js), which spends its
// two and a half minutes installing and building a copy of the repository and needs no hub.
// Each run's lines are prefixed with its name; the exit code is the first failure's.
// `npx jest` alone still runs every file, one after the other; `npx jest <file>` runs one.
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');

const jest = require.resolve('jest/bin/jest');
const runs = [
  { name: 'hub', args: ['--testPathIgnorePatterns', 'operations-production-install', ...process.argv.slice(2)] },
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
