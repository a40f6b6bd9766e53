'use strict';
// How `npm test` splits the end-to-end files between its hubs (jest --shard, test/scripts/run-e2e.js):
// by how long each file takes, not by their number. Jest's own shards are equal counts of files
// in hash order, and a file takes from one second to a minute, so one hub could finish minutes
// before the other. Files are dealt longest first, each to the hub with the least time so far
// (durations.json, seconds per file on an idle two-core machine; `node scripts/record-durations.js`
// writes it from a `jest --json` report). A file not listed counts as the median.
const Sequencer = require('@jest/test-sequencer').default;
const { basename } = require('node:path');
const DURATIONS = require('./durations.json');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 1;

class BalancedSequencer extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const fallback = median(Object.values(DURATIONS));
    const weight = (test) => DURATIONS[basename(test.path)] ?? fallback;
    const order = [...tests].sort((a, b) => weight(b) - weight(a) || (a.path < b.path ? -1 : 1));
    const loads = new Array(shardCount).fill(0);
    const mine = [];
    for (const test of order) {
      const least = loads.indexOf(Math.min(...loads));
      loads[least] += weight(test);
      if (least === shardIndex - 1) mine.push(test);
    }
    return mine;
  }
}

module.exports = BalancedSequencer;
