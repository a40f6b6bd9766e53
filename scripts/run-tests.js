'use strict';
// `npm test` after the build: the end-to-end workspace (the longest run, which starts hubs of its
// own) and the other workspaces' suites, one at a time, side by side as two turbo runs. Turbo
// alone would start the end-to-end run last, when a slot frees up, and it sets the wall time.
// Each run's lines keep turbo's prefixes; the exit code is the first failure's.
const { join } = require('node:path');
const { runSideBySide } = require('./side-by-side');

const root = join(__dirname, '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');
runSideBySide([
  { name: 'e2e', command: turbo, args: ['run', 'test', '--filter=@ngo-hub/e2e'], cwd: root, prefix: false },
  { name: 'workspaces', command: turbo, args: ['run', 'test', '--filter=!@ngo-hub/e2e', '--concurrency=1'], cwd: root, prefix: false },
]);
