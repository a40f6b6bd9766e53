'use strict';
// A jest reporter that writes setup/durations.json: the CPU seconds each end-to-end file costs,
// its own and its processes' (the hub's subgraphs and gateway, the gateways and browsers it
// starts), for setup/balanced-sequencer.js. Run every file on one hub on an idle machine:
//   cd test && npx jest --testPathIgnorePatterns operations-production-install --reporters default --reporters ./scripts/cpu-seconds-reporter.js
// CPU, not wall time: `npm test` runs both hubs beside the unit suites on two cores, where a file
// that mostly waits costs little and one that computes takes twice its idle time. Weighed by
// idle wall time, one hub took 60-70 s longer than the other.
const { readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const TICKS_PER_SECOND = 100;

/** utime+stime of a process, the same of its waited-for children, and its parent. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU seconds of this process, of the children it has reaped and of its living descendants. */
function cpuSecondsOfTree() {
  const processes = new Map();
  for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry)) processes.set(Number(entry), stat(entry));
  const children = new Map();
  for (const [pid, info] of processes) if (info) children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  let ticks = processes.get(process.pid).reaped;
  for (const stack = [process.pid]; stack.length;) {
    const pid = stack.pop();
    ticks += processes.get(pid)?.own ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

class CpuSecondsReporter {
  constructor() {
    this.seconds = {};
  }

  onTestFileStart() {
    this.startedAt = cpuSecondsOfTree();
  }

  onTestFileResult(test) {
    this.seconds[basename(test.path)] = Math.round((cpuSecondsOfTree() - this.startedAt) * 10) / 10;
  }

  onRunComplete() {
    const durations = Object.fromEntries(Object.entries(this.seconds).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(join(__dirname, '..', 'setup', 'durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
    const total = Object.values(durations).reduce((sum, s) => sum + s, 0);
    process.stderr.write(`durations.json: ${Object.keys(durations).length} files, ${total.toFixed(0)} CPU seconds in all\n`);
  }
}

module.exports = CpuSecondsReporter;
