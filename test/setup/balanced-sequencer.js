'use strict';
// The order in which the end-to-end files start: longest first (durations.json, seconds per file
// on an idle two-core machine; `node scripts/record-durations.js` writes it from a `jest --json`
// report). `npm test` runs them on two jest workers, each with a hub of its own
// (setup/global-setup.ts), and a worker takes the next file when it is free: longest first, the
// two finish within a short file of each other. A file not listed counts as the median.
const Sequencer = require('@jest/test-sequencer').default;
const { basename } = require('node:path');
const DURATIONS = require('./durations.json');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 1;

class BalancedSequencer extends Sequencer {
  sort(tests) {
    const fallback = median(Object.values(DURATIONS));
    const weight = (test) => DURATIONS[basename(test.path)] ?? fallback;
    return [...tests].sort((a, b) => weight(b) - weight(a) || (a.path < b.path ? -1 : 1));
  }
}

module.exports = BalancedSequencer;
