'use strict';
// Runs commands side by side, each line of theirs prefixed (turbo prefixes its own), and exits
// with the first failure's code once all have ended. `runSideBySide` serves the e2e workspace's
// test script (test/scripts/run-e2e.js); `runPrefixed` also serves `npm test` (scripts/run-tests.js).
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');

/**
 * Runs one command in `cwd`, each line of its output after `prefix` (none: its output as it is);
 * resolves with its exit code.
 * @param {{ command: string, args: string[], cwd: string, prefix?: string }} run
 * @returns {Promise<number>}
 */
function runPrefixed({ command, args, cwd, prefix }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (prefix) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
      }
    }
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** @param {{ name: string, command: string, args: string[], cwd: string, prefix?: boolean }[]} runs */
function runSideBySide(runs) {
  const run = ({ name, prefix = true, ...command }) => runPrefixed({ ...command, prefix: prefix ? `[${name}] ` : undefined }).then((code) => ({ name, code }));
  return Promise.all(runs.map(run)).then((results) => {
    const failed = results.filter((result) => result.code !== 0);
    for (const { name, code } of failed) process.stderr.write(`run "${name}" failed (exit ${code})\n`);
    process.exit(failed[0]?.code ?? 0);
  });
}

module.exports = { runPrefixed, runSideBySide };
