'use strict';
// Writes setup/durations.json (seconds per end-to-end file, for setup/balanced-sequencer.js) from
// a jest JSON report of a run of every file on one hub, on an otherwise idle machine:
//   cd test && npx jest --testPathIgnorePatterns operations-production-install --json --outputFile=/tmp/e2e.json
//   node scripts/record-durations.js /tmp/e2e.json
const { readFileSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const durations = Object.fromEntries(
  report.testResults.map((result) => [basename(result.name), Math.round((result.endTime - result.startTime) / 100) / 10]).sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(join(__dirname, '..', 'setup', 'durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
console.log(
  `${Object.keys(durations).length} files, ${Object.values(durations)
    .reduce((sum, s) => sum + s, 0)
    .toFixed(0)} s in all`,
);
