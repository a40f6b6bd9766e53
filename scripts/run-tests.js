'use strict';
// `npm test` after the build: the end-to-end workspace (which starts hubs of its own and runs its
// files on two workers) beside the other workspaces' suites, longest first. Each of those runs in
// one process on one core, so they go one at a time while the end-to-end run shares the machine,
// and two at a time once it has ended: whichever finishes last would otherwise run alone on one
// of the two cores (the suites' chain outlasted the end-to-end run by 40-60 s in every full run
// of 3 December 2026). Lines keep turbo's prefixes (`@ngo-hub/kit:test: …`); the exit code is the
// first failure's, once everything has ended.
const { join } = require('node:path');
const { runPrefixed } = require('./side-by-side');

const root = join(__dirname, '..');
/** The usual order of the suites' lengths in `npm test`, longest first; a workspace not named here goes last. */
const LONGEST_FIRST = ['subgraphs/funding', 'subgraphs/kit', 'subgraphs/organizations', 'subgraphs/training', 'subgraphs/people', 'gateway'];
const rank = (folder) => (LONGEST_FIRST.includes(folder) ? LONGEST_FIRST.indexOf(folder) : LONGEST_FIRST.length);
/** Every workspace with a test script but the end-to-end one, longest first. */
const SUITES = require(join(root, 'package.json'))
  .workspaces.filter((folder) => folder !== 'test' && require(join(root, folder, 'package.json')).scripts?.test)
  .sort((a, b) => rank(a) - rank(b));

async function main() {
  const started = Date.now();
  const failures = [];
  let slots = 1;
  let wake = () => {};
  const e2e = runPrefixed({ command: join(root, 'node_modules', '.bin', 'turbo'), args: ['run', 'test', '--filter=@ngo-hub/e2e'], cwd: root }).then((code) => {
    if (code !== 0) failures.push({ name: '@ngo-hub/e2e', code });
    slots = 2;
    wake();
  });

  const waiting = [...SUITES];
  let running = 0;
  const suites = new Promise((resolve) => {
    const next = () => {
      while (running < slots && waiting.length) {
        const folder = waiting.shift();
        const name = require(join(root, folder, 'package.json')).name;
        running += 1;
        runPrefixed({ command: 'npm', args: ['run', 'test', '--silent'], cwd: join(root, folder), prefix: `${name}:test: ` }).then((code) => {
          if (code !== 0) failures.push({ name, code });
          running -= 1;
          if (!waiting.length && !running) resolve();
          else next();
        });
      }
    };
    wake = next;
    next();
  });

  await Promise.all([e2e, suites]);
  process.stdout.write(`\nnpm test: every suite ended ${((Date.now() - started) / 1000).toFixed(0)} s after the build\n`);
  for (const { name, code } of failures) process.stderr.write(`${name} failed (exit ${code})\n`);
  process.exit(failures[0]?.code ?? 0);
}

main();
