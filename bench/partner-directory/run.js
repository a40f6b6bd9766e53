'use strict';
// Benchmark: the "partner directory" — many callers reading public fields (organizations of a city
// and kind: names, place, causes, website), 20 distinct queries in turn — through our gateway
// without and with its response cache, and through Hive Gateway without and with its response cache
// plugin (`responseCaching`, in memory, shared by all callers), on the same subgraph processes and
// data. Each target's req/s is printed against the baseline measured in the same run: our gateway
// without its cache.
//   node bench/partner-directory/run.js [--database-url URL] [--connections 16] [--duration 10] [--rounds 2]
const assert = require('node:assert');
const { join } = require('node:path');
const { freePort, startService } = require('@ngo-hub/kit/processes');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { generateSector, DEFAULT_SIZES } = require('../data/generate');
const { startBenchHub, BENCH_GATEWAY_SECRET } = require('../shared/bench-hub');
const { load, median, spread } = require('../shared/load');
const { CITIES } = require('../data/vocabulary');

const DIRECTORY_QUERY = `
  query PartnerDirectory($city: String!, $kinds: [OrganizationKind!]) {
    organizations(filter: { city: $city, kinds: $kinds }, first: 20) {
      nodes { id name nameZh kind city province causeAreas website stage }
    }
  }`;

/** 20 distinct reads: the ten largest cities, NGOs and social enterprises of each. */
const BODIES = CITIES.slice(0, 10).flatMap((city) =>
  [['NGO'], ['SOCIAL_ENTERPRISE']].map((kinds) => ({ query: DIRECTORY_QUERY, variables: { city: city.name, kinds }, operationName: 'PartnerDirectory' })),
);

function parseArgs(argv) {
  const options = { databaseUrl: undefined, connections: 16, duration: 10, rounds: 2 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] = key === 'databaseUrl' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return options;
}

async function answer(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

async function measure(targets, options, log) {
  const results = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (const target of targets) await load({ ...target, body: BODIES, connections: options.connections, durationSeconds: 3 }); // warm-up (and the caches)
  for (let round = 0; round < options.rounds; round++) {
    for (const target of targets.map((_, i) => targets[(i + round) % targets.length])) {
      const result = await load({ ...target, body: BODIES, connections: options.connections, durationSeconds: options.duration });
      results[target.name].push(result);
      log(
        `  round ${round + 1} ${target.name.padEnd(34)} ${result.requestsPerSecond.toFixed(1)} req/s p50 ${result.p50} ms p99 ${result.p99} ms errors ${result.errors}`,
      );
    }
  }
  return results;
}

async function runPartnerDirectory(options, log = console.log) {
  const own = !options.databaseUrl;
  const database = own ? await createTestDatabase('ngohub_bench_directory', { durable: true }) : { url: options.databaseUrl, drop: async () => undefined };
  const results = {};
  try {
    await generateSector(database.url, DEFAULT_SIZES);
    // without the cache: its own hub, so no answer is cached before
    let hub = await startBenchHub(database.url, { RESPONSE_CACHE: 'off' });
    try {
      const expected = await Promise.all(BODIES.map((body) => answer(hub.gatewayUrl, body)));
      for (const a of expected) assert.ok(!a.errors && a.data.organizations.nodes.length > 0, JSON.stringify(a).slice(0, 300));
      Object.assign(results, await measure([{ name: 'our gateway, no response cache', url: hub.gatewayUrl, pid: hub.gateway.child.pid }], options, log));
      await hub.stop();
      hub = await startBenchHub(database.url, { RESPONSE_CACHE: 'on' });
      const startHive = async (env) =>
        startService({
          name: 'hive-gateway',
          entryPoint: join(__dirname, '..', 'dashboard', 'hive-gateway.js'),
          env: { ...process.env, SUBGRAPH_URLS: JSON.stringify(hub.subgraphUrls), GATEWAY_SECRET: BENCH_GATEWAY_SECRET, ...env },
          port: await freePort(),
        });
      const hive = await startHive({ RESPONSE_CACHE: 'off' });
      const hiveCached = await startHive({ RESPONSE_CACHE: 'on' });
      try {
        for (const [i, body] of BODIES.entries()) {
          assert.deepStrictEqual(await answer(hub.gatewayUrl, body), expected[i], 'our cached gateway answers differently');
          assert.deepStrictEqual(await answer(hive.url, body), expected[i], 'Hive Gateway answers differently');
          assert.deepStrictEqual(await answer(hiveCached.url, body), expected[i], 'Hive Gateway with its response cache answers differently');
        }
        // both caches hold the 20 answers now: asked again, no subgraph runs SQL
        const before = await hub.sqlStatements();
        for (const body of BODIES) for (const url of [hub.gatewayUrl, hiveCached.url]) await answer(url, body);
        const after = await hub.sqlStatements();
        assert.deepStrictEqual(after, before, 'a cached answer ran SQL');
        log('answers checked: the 20 directory reads are the same through the four targets, and both caches answer them without SQL');
        Object.assign(
          results,
          await measure(
            [
              { name: 'our gateway, response cache', url: hub.gatewayUrl, pid: hub.gateway.child.pid },
              { name: 'Hive Gateway, no response cache', url: hive.url, pid: hive.child.pid },
              { name: 'Hive Gateway, response cache', url: hiveCached.url, pid: hiveCached.child.pid },
            ],
            options,
            log,
          ),
        );
      } finally {
        await Promise.all([hive.stop(), hiveCached.stop()]);
      }
    } finally {
      await hub.stop();
    }
  } finally {
    if (own) await database.drop();
  }
  return {
    options,
    summary: Object.fromEntries(
      Object.entries(results).map(([name, runs]) => [
        name,
        {
          requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          rssMb: median(runs.map((r) => r.rssMb)),
          errors: runs.reduce((s, r) => s + r.errors, 0),
          spread: spread(runs.map((r) => r.requestsPerSecond)),
        },
      ]),
    ),
  };
}

const BASELINE = 'our gateway, no response cache';

function printPartnerDirectory({ options, summary }, log = console.log) {
  log(
    `\nPartner directory: 20 distinct public reads in turn, anonymous callers; autocannon ${options.connections} connections, ${options.duration} s x ${options.rounds} rounds (medians)`,
  );
  const baseline = summary[BASELINE].requestsPerSecond;
  log('| target                             |  req/s | x baseline | p50 ms | p99 ms | RSS MB | errors | spread |');
  log('|------------------------------------|-------:|-----------:|------:|------:|-------:|-------:|-------:|');
  for (const [name, r] of Object.entries(summary)) {
    log(
      `| ${name.padEnd(34)} | ${r.requestsPerSecond.toFixed(1).padStart(6)} | ${(r.requestsPerSecond / baseline).toFixed(2).padStart(10)} | ${String(r.p50).padStart(5)} | ${String(r.p99).padStart(5)} | ${r.rssMb.toFixed(0).padStart(6)} | ${String(r.errors).padStart(6)} | ${r.spread.toFixed(0).padStart(5)}% |`,
    );
  }
  log(`baseline (x 1.00): ${BASELINE}, measured in this run`);
  const rate = (name) => summary[name].requestsPerSecond;
  log(`ratio req/s ours cached / ours uncached: ${(rate('our gateway, response cache') / rate(BASELINE)).toFixed(2)}`);
  log(`ratio req/s Hive cached / Hive uncached: ${(rate('Hive Gateway, response cache') / rate('Hive Gateway, no response cache')).toFixed(2)}`);
  log(`ratio req/s ours cached / Hive cached: ${(rate('our gateway, response cache') / rate('Hive Gateway, response cache')).toFixed(2)}`);
  log(`ratio req/s ours uncached / Hive uncached: ${(rate(BASELINE) / rate('Hive Gateway, no response cache')).toFixed(2)}`);
}

module.exports = { runPartnerDirectory, printPartnerDirectory, parseArgs };

if (require.main === module) {
  runPartnerDirectory(parseArgs(process.argv.slice(2)))
    .then((result) => printPartnerDirectory(result))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
