'use strict';
// Benchmark: the sector dashboard under concurrent load through our gateway, through Hive Gateway
// (same subgraph processes, same supergraph) and against the hand-written SQL floor, in one run
// on one generated database; plus SQL statements per request at 10, 50 and 200 organizations.
//   node bench/dashboard/run.js [--orgs N --people N --grants N --courses N] [--database-url URL]
//                               [--city Shanghai | --cities 6] [--connections 16] [--duration 10] [--rounds 3]
// --cities N: requests take the N largest cities in turn (identical reads in flight become rare).
const assert = require('node:assert');
const { join } = require('node:path');
const { freePort, startService } = require('@ngo-hub/kit/processes');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { graphqlRequest } = require('@ngo-hub/kit/testing');
const { generateSector, DEFAULT_SIZES } = require('../data/generate');
const { startBenchHub, BENCH_GATEWAY_SECRET, ADMIN_HEADERS } = require('../shared/bench-hub');
const { load, median, spread } = require('../shared/load');
const { DASHBOARD_QUERY, dashboardPagesQuery } = require('./dashboard-query');
const { CITIES } = require('../data/vocabulary');

function parseArgs(argv) {
  const options = { ...DEFAULT_SIZES, databaseUrl: undefined, city: 'Shanghai', cities: 1, connections: 16, duration: 10, rounds: 3, first: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] =
      typeof DEFAULT_SIZES[key] === 'number' || ['connections', 'duration', 'rounds', 'first', 'cities'].includes(key) ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

/**
 * SQL statements each subgraph sends for one dashboard request of `count` organizations: one page
 * up to 100 (the page maximum), aliased pages of 100 beyond.
 */
async function statementsPerRequest(hub, city, count) {
  let query = DASHBOARD_QUERY;
  let variables = { city, first: count };
  if (count > 100) {
    const pages = Math.ceil(count / 100);
    query = dashboardPagesQuery(pages);
    variables = { city };
    let after;
    for (let i = 1; i < pages; i++) {
      const { data } = await graphqlRequest(
        hub.gatewayUrl,
        `query($city: String!, $after: String) { organizations(filter: { city: $city }, first: 100, after: $after) { pageInfo { endCursor } } }`,
        { city, after },
        ADMIN_HEADERS,
      );
      variables[`after${i}`] = after = data.organizations.pageInfo.endCursor;
    }
  }
  await graphqlRequest(hub.gatewayUrl, query, variables, ADMIN_HEADERS);
  const before = await hub.sqlStatements();
  const { errors, data } = await graphqlRequest(hub.gatewayUrl, query, variables, ADMIN_HEADERS);
  assert.ok(!errors, JSON.stringify(errors));
  const after = await hub.sqlStatements();
  const nodes = Object.values(data).reduce((sum, list) => sum + list.nodes.length, 0);
  return { nodes, pages: Object.keys(data).length, perSubgraph: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]])) };
}

async function answerOf(url, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ADMIN_HEADERS },
    body: JSON.stringify({ query: DASHBOARD_QUERY, variables }),
  });
  return response.json();
}

function row(name, r) {
  return `| ${name.padEnd(26)} | ${r.requestsPerSecond.toFixed(1).padStart(6)} | ${r.p50.toFixed(0).padStart(5)} | ${r.p99.toFixed(0).padStart(5)} | ${r.rssMb.toFixed(0).padStart(6)} | ${String(r.errors).padStart(6)} |`;
}

async function runDashboardBenchmark(options, log = console.log) {
  const own = !options.databaseUrl;
  const database = own ? await createTestDatabase('ngohub_bench_dashboard', { durable: true }) : { url: options.databaseUrl, drop: async () => undefined };
  const services = [];
  let hub;
  try {
    await generateSector(database.url, options);
    hub = await startBenchHub(database.url);
    const hiveGateway = await startService({
      name: 'hive-gateway',
      entryPoint: join(__dirname, 'hive-gateway.js'),
      env: { ...process.env, SUBGRAPH_URLS: JSON.stringify(hub.subgraphUrls), GATEWAY_SECRET: BENCH_GATEWAY_SECRET },
      port: await freePort(),
    });
    services.push(hiveGateway);
    const floor = await startService({
      name: 'sql-floor',
      entryPoint: join(__dirname, 'sql-floor.js'),
      env: { ...process.env, DATABASE_URL: database.url },
      port: await freePort(),
    });
    services.push(floor);

    const cities = options.cities > 1 ? CITIES.slice(0, options.cities).map((c) => c.name) : [options.city];
    for (const city of cities) {
      const variables = { city, first: options.first };
      const ours = await answerOf(hub.gatewayUrl, variables);
      assert.ok(!ours.errors, `our gateway answered errors: ${JSON.stringify(ours.errors)}`);
      assert.strictEqual(ours.data.organizations.nodes.length, options.first, `fewer than ${options.first} organizations in ${city}: generate more`);
      assert.deepStrictEqual(await answerOf(hiveGateway.url, variables), ours, 'Hive Gateway answers differently from ours');
      assert.deepStrictEqual(await answerOf(floor.url, variables), ours, 'the SQL floor answers differently from our gateway');
      log(
        `answers checked: our gateway, Hive Gateway and the SQL floor give the same ${JSON.stringify(ours).length.toLocaleString('en')}-byte answer for ${options.first} organizations of ${city}`,
      );
    }

    const counts = {};
    for (const first of [10, 50, 100, 200]) counts[first] = await statementsPerRequest(hub, cities[0], first);

    const subgraphPids = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.child.pid]));
    const targets = [
      { name: 'our gateway (Apollo)', url: hub.gatewayUrl, pid: hub.gateway.child.pid, cpuPids: subgraphPids },
      { name: 'Hive Gateway 2.x', url: hiveGateway.url, pid: hiveGateway.child.pid, cpuPids: subgraphPids },
      { name: 'hand-written SQL floor', url: floor.url, pid: floor.child.pid },
    ];
    const body = cities.map((city) => ({ query: DASHBOARD_QUERY, variables: { city, first: options.first }, operationName: 'Dashboard' }));
    const results = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (const target of targets) await load({ ...target, body, headers: ADMIN_HEADERS, connections: options.connections, durationSeconds: 3 }); // warm-up
    for (let round = 0; round < options.rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const target of order) {
        const result = await load({ ...target, body, headers: ADMIN_HEADERS, connections: options.connections, durationSeconds: options.duration });
        results[target.name].push(result);
        const cpu = Object.entries(result.cpuPerRequest)
          .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
          .join(', ');
        log(
          `  round ${round + 1} ${target.name.padEnd(24)} ${result.requestsPerSecond.toFixed(1)} req/s p50 ${result.p50} ms p99 ${result.p99} ms; CPU ms/request: ${cpu}`,
        );
      }
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([name, runs]) => [
        name,
        {
          requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          rssMb: median(runs.map((r) => r.rssMb)),
          errors: runs.reduce((sum, r) => sum + r.errors, 0),
          spread: spread(runs.map((r) => r.requestsPerSecond)),
          cpuPerRequest: Object.fromEntries(Object.keys(runs[0].cpuPerRequest).map((k) => [k, median(runs.map((r) => r.cpuPerRequest[k]))])),
        },
      ]),
    );
    return { summary, counts, options: { ...options, cities } };
  } finally {
    for (const service of services) await service.stop();
    await hub?.stop();
    if (own) await database.drop();
  }
}

function printDashboard({ summary, counts, options }, log = console.log) {
  const ours = summary['our gateway (Apollo)'];
  const hive = summary['Hive Gateway 2.x'];
  const floor = summary['hand-written SQL floor'];
  log(
    `\nSector dashboard, ${options.first} organizations of ${options.cities.join(', ')}${options.cities.length > 1 ? ' in turn' : ''}; autocannon ${options.connections} connections, ${options.duration} s x ${options.rounds} rounds (medians)`,
  );
  log('| target                     |  req/s | p50 ms | p99 ms | RSS MB | errors |');
  log('|----------------------------|-------:|------:|------:|-------:|-------:|');
  for (const [name, r] of Object.entries(summary)) log(row(name, r));
  log(`ratio req/s ours / Hive: ${(ours.requestsPerSecond / hive.requestsPerSecond).toFixed(2)} (goal >= 2)`);
  log(`ratio p50 ours / SQL floor: ${(ours.p50 / floor.p50).toFixed(2)} (goal <= 3)`);
  const subgraphCpu = Object.entries(ours.cpuPerRequest)
    .filter(([name]) => name !== 'self' && name !== 'postgres')
    .reduce((sum, [, ms]) => sum + ms, 0);
  log(`subgraph CPU ms per dashboard, ours: ${subgraphCpu.toFixed(1)} (goal <= 40)`);
  log(`req/s spread between rounds: ours ${ours.spread.toFixed(0)}%, Hive ${hive.spread.toFixed(0)}%, floor ${floor.spread.toFixed(0)}%`);
  for (const [name, r] of Object.entries(summary)) {
    log(
      `CPU ms per request, ${name}: ${Object.entries(r.cpuPerRequest)
        .map(([k, ms]) => `${k === 'self' ? 'gateway/server' : k} ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
  }
  log('\nSQL statements per dashboard request, per subgraph');
  log('| organizations asked (got) | pages | organizations | people | funding | training | total |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [first, { nodes, pages, perSubgraph: c }] of Object.entries(counts)) {
    log(
      `| ${first} (${nodes}) | ${pages} | ${c.organizations} | ${c.people} | ${c.funding} | ${c.training} | ${c.organizations + c.people + c.funding + c.training} |`,
    );
  }
}

module.exports = { runDashboardBenchmark, printDashboard, parseArgs };

if (require.main === module) {
  runDashboardBenchmark(parseArgs(process.argv.slice(2)))
    .then((result) => printDashboard(result))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
