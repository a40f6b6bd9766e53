'use strict';
// Load and what it costs: autocannon against a GraphQL endpoint, and the peak resident memory of
// the process answering, sampled from /proc while the load runs.
const autocannon = require('autocannon');
const { readFileSync } = require('node:fs');

function rssMegabytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs autocannon (POST, same body every request) and returns req/s, latencies and peak RSS. */
async function load({ url, body, headers = {}, connections, durationSeconds, pid }) {
  let peak = rssMegabytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMegabytes(pid))), 200);
  try {
    const result = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      connections,
      duration: durationSeconds,
    });
    return {
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

module.exports = { load, median, spread, rssMegabytes };
