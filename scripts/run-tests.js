'use strict';
// `npm test` after the build: the end-to-end workspace (the longest run, which starts hubs of its
// own) and the other workspaces' suites, one at a time, side by side as two turbo runs. Turbo
// alone would start the end-to-end run last, when a slot frees up, and it sets the wall time.
// Each run's lines keep turbo's prefixes; the exit code is the first failure's.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const turbo = join(__dirname, '..', 'node_modules', '.bin', 'turbo');
const runs = [
  ['run', 'test', '--filter=@ngo-hub/e2e'],
  ['run', 'test', '--filter=!@ngo-hub/e2e', '--concurrency=1'],
];

Promise.all(
  runs.map(
    (args) =>
      new Promise((resolve) => {
        const child = spawn(turbo, args, { cwd: join(__dirname, '..'), stdio: 'inherit' });
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      }),
  ),
).then((codes) => process.exit(codes.find((code) => code !== 0) ?? 0));
