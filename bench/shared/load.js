'use strict';
// Load and what it costs: autocannon against a GraphQL endpoint, and the peak resident memory of
// the process answering, sampled from /proc while the load runs.
const autocannon = require('autocannon');
const { readdirSync, readFileSync } = require('node:fs');

function rssMegabytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** A process's command name, parent and fields after them from /proc/<pid>/stat, or undefined once it is gone. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return { command: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), parent: Number(fields[1]), fields };
  } catch {
    return undefined;
  }
}

/** Sums fields `from` to `to` of a stat's fields (clock ticks, USER_HZ = 100) as ms. */
function ticksMilliseconds(fields, from, to) {
  return (fields.slice(from, to + 1).reduce((sum, v) => sum + Number(v), 0) * 1000) / 100;
}

/** CPU time (user + system) a process has used so far, in ms; NaN once it is gone. */
function cpuMilliseconds(pid) {
  const own = stat(pid);
  return own ? ticksMilliseconds(own.fields, 11, 12) : NaN;
}

/**
 * CPU ms the machine's PostgreSQL has used so far (NaN when it does not run here): the postmaster's
 * own and its exited children's (each connection's backend, autovacuum), plus its live children's.
 * Backends come and go with connections, so a process's own figure would miss them.
 */
function postgresCpuMilliseconds() {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => ({ pid: Number(pid), ...stat(pid) }))
    .filter((p) => p.command === 'postgres');
  const pids = new Set(processes.map((p) => p.pid));
  const postmaster = processes.find((p) => !pids.has(p.parent));
  if (!postmaster) return NaN;
  let total = ticksMilliseconds(postmaster.fields, 11, 14); // utime, stime, cutime, cstime
  for (const p of processes) if (p.parent === postmaster.pid) total += ticksMilliseconds(p.fields, 11, 12);
  return total;
}

/**
 * Runs autocannon (POST; one body, or several taken in turn) and returns req/s, latencies, peak RSS of `pid`
 * and the CPU ms per request spent by `pid`, by each of `cpuPids` (e.g. the subgraphs) and, when the
 * database runs on this machine, by PostgreSQL (`postgres`: every connection's, not only the target's).
 */
async function load({ url, body, headers = {}, connections, durationSeconds, pid, cpuPids = {} }) {
  let peak = rssMegabytes(pid);
  const watched = { self: pid, ...cpuPids };
  const cpuBefore = Object.fromEntries(Object.entries(watched).map(([name, p]) => [name, cpuMilliseconds(p)]));
  const postgresBefore = postgresCpuMilliseconds();
  const timer = setInterval(() => (peak = Math.max(peak, rssMegabytes(pid))), 200);
  try {
    // `bodies`: requests take them in turn (each connection keeps cycling through them)
    const bodies = (Array.isArray(body) ? body : [body]).map((b) => JSON.stringify(b));
    let turn = 0;
    const result = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: bodies[0],
      requests: bodies.length > 1 ? [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }) }] : undefined,
      connections,
      duration: durationSeconds,
    });
    const cpuPerRequest = Object.fromEntries(
      Object.entries(watched).map(([name, p]) => [name, (cpuMilliseconds(p) - cpuBefore[name]) / Math.max(1, result.requests.total)]),
    );
    const postgres = postgresCpuMilliseconds() - postgresBefore;
    if (Number.isFinite(postgres)) cpuPerRequest.postgres = postgres / Math.max(1, result.requests.total);
    return {
      cpuPerRequest,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      total: result.requests.total,
      rssMb: peak,
    };
  } finally {
    clearInterval(timer);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spread of a series as (max - min) / median, in percent: how noisy the rounds were. */
function spread(values) {
  const m = median(values);
  return m ? ((Math.max(...values) - Math.min(...values)) / m) * 100 : 0;
}

module.exports = { load, median, spread, rssMegabytes, cpuMilliseconds };
