'use strict';
// Runs commands side by side, each line of theirs prefixed with the run's name (unless `prefix` is
// false: turbo prefixes its own), and exits with the first failure's code once all have ended.
// Used by the e2e workspace's test script (test/scripts/run-e2e.js).
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');

/** @param {{ name: string, command: string, args: string[], cwd: string, prefix?: boolean }[]} runs */
function runSideBySide(runs) {
  const run = ({ name, command, args, cwd, prefix = true }) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { cwd, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
      if (prefix) {
        for (const [stream, out] of [
          [child.stdout, process.stdout],
          [child.stderr, process.stderr],
        ]) {
          createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
        }
      }
      child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0) }));
    });
  return Promise.all(runs.map(run)).then((results) => {
    const failed = results.filter((result) => result.code !== 0);
    for (const { name, code } of failed) process.stderr.write(`run "${name}" failed (exit ${code})\n`);
    process.exit(failed[0]?.code ?? 0);
  });
}

module.exports = { runSideBySide };
