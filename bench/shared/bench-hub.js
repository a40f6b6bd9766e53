'use strict';
const { randomBytes } = require('node:crypto');
// The hub a benchmark measures: its four subgraph processes and our gateway, on free ports, on a
// database the benchmark generated (no seed, no migration: the generator migrated it).
const { freePort } = require('@ngo-hub/kit/processes');
const { readCounter } = require('@ngo-hub/kit/testing');
const { SUBGRAPHS } = require('@ngo-hub/kit');
const { startHub } = require('@ngo-hub/gateway/dist/hub/hub');

/** Shared by our gateway, the subgraphs and the Hive Gateway baseline, which signs the same way. */
const BENCH_GATEWAY_SECRET = randomBytes(32).toString('hex');
/** The dashboard is a partner's view (enrollments are not public): benchmarks ask as a hub admin. */
const BENCH_ADMIN_API_KEY = `ngo_${randomBytes(20).toString('hex')}`;
const ADMIN_HEADERS = { 'x-api-key': BENCH_ADMIN_API_KEY };

/**
 * Production mode with one limit lifted: the per-caller rate limit (every autocannon connection
 * is the same caller). The cost limit stays at its default: priced from the declared list sizes,
 * the 200-organization dashboard (two pages of 100) costs 83,802 of 100,000.
 */
const BENCH_LIMITS = { RATE_LIMIT_PER_SECOND: '0' };
/** Production refuses to start without a JWT secret of its own; the benchmarks sign no JWTs. */
const BENCH_JWT_SECRET = randomBytes(32).toString('hex');

async function startBenchHub(databaseUrl, extraEnv = {}) {
  const ports = { gateway: await freePort() };
  for (const name of SUBGRAPHS) ports[name] = await freePort();
  const hub = await startHub({
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      GATEWAY_SECRET: BENCH_GATEWAY_SECRET,
      HUB_ADMIN_API_KEY: BENCH_ADMIN_API_KEY,
      JWT_SECRET: BENCH_JWT_SECRET,
      ...BENCH_LIMITS,
      ...extraEnv,
    },
    ports,
    stdio: 'inherit',
    prepare: false,
  });
  return {
    ...hub,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, hub.subgraphs[name].url])),
    /** SQL statements each subgraph process has sent so far (its /metrics counter). */
    async sqlStatements() {
      const counts = await Promise.all(
        SUBGRAPHS.map((name) => readCounter(hub.subgraphs[name].url.replace(/\/graphql$/, '/metrics'), 'ngohub_sql_statements_total', { work: 'graphql' })),
      );
      return Object.fromEntries(SUBGRAPHS.map((name, i) => [name, counts[i]]));
    },
  };
}

module.exports = { startBenchHub, BENCH_GATEWAY_SECRET, ADMIN_HEADERS };
