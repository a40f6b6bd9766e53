'use strict';
// Where the subgraphs' CPU goes under the six-city dashboard: runs the hub with `node --cpu-prof`,
// asks the dashboard of the six largest cities in turn, stops the hub (the profiles are written at
// exit) and prints, per process, CPU ms per dashboard and its busy time by library.
//   node bench/dashboard/profile.js [--database-url URL] [--connections 4] [--duration 20] [--first 50] [--keep DIR]
// Without --database-url it generates the default data into a database of its own and drops it.
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { generateSector, DEFAULT_SIZES } = require('../data/generate');
const { startBenchHub, ADMIN_HEADERS } = require('../shared/bench-hub');
const { load } = require('../shared/load');
const { DASHBOARD_QUERY } = require('./dashboard-query');
const { CITIES } = require('../data/vocabulary');

/** Busy time is charged to the nearest frame (leaf first) of the first matching category. */
const CATEGORIES = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['audit trail (kit)', (f) => /kit\/dist\/audit\//.test(f.url)],
  ['@Auth guards (kit)', (f) => /kit\/dist\/auth\/auth\.decorator/.test(f.url)],
  ['row reading (kit read-rows)', (f) => /kit\/dist\/read-rows/.test(f.url)],
  ['MikroORM entities (create, hydrate, identity map)', (f) => /@mikro-orm\/core/.test(f.url)],
  ['SQL building (MikroORM QueryBuilder, knex)', (f) => /@mikro-orm\/(knex|postgresql)|node_modules\/knex\//.test(f.url)],
  ['SQL driver (pg: protocol, rows, type parsers)', (f) => /node_modules\/(pg|pg-protocol|postgres-array|postgres-date|pg-types)\//.test(f.url)],
  ['kit pagination and loaders', (f) => /kit\/dist\/(pagination|loaders)/.test(f.url) || /node_modules\/dataloader/.test(f.url)],
  ['type-graphql resolver wrapping', (f) => /node_modules\/type-graphql/.test(f.url)],
  ['graphql execution', (f) => /node_modules\/graphql\//.test(f.url)],
  ['Apollo Server, gateway, federation, serialization', (f) => /@apollo\//.test(f.url) || f.functionName === 'prettyJSONStringify'],
  ['subgraph resolvers and services', (f) => /subgraphs\/(organizations|people|funding|training)\/dist/.test(f.url)],
];
const STARTUP = /^(wrapSafe|compileFunction|buildSchema|generateFromMetadata|discoverEntities)$/;

function summarise(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const busy = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const stack = [];
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id).callFrame);
    if (stack.some((f) => STARTUP.test(f.functionName))) continue;
    const frame = stack.find((f) => CATEGORIES.some(([, match]) => match(f)));
    const category = frame ? CATEGORIES.find(([, match]) => match(frame))[0] : 'other (node internals, http)';
    if (category === 'idle') continue;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    busy.set(category, (busy.get(category) ?? 0) + dt);
  }
  const name = /subgraphs\/(\w+)\/dist\/src\/index\.js/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'gateway';
  return { name, total, busy };
}

async function main() {
  const options = { databaseUrl: undefined, connections: 4, duration: 20, first: 50, keep: undefined };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] = ['connections', 'duration', 'first'].includes(key) ? Number(argv[i + 1]) : argv[i + 1];
  }
  const own = !options.databaseUrl;
  const database = own ? await createTestDatabase('ngohub_bench_profile', { durable: true }) : { url: options.databaseUrl, drop: async () => undefined };
  const dir = options.keep ?? mkdtempSync(join(tmpdir(), 'ngohub-profile-'));
  let hub;
  try {
    if (own) await generateSector(database.url, DEFAULT_SIZES);
    hub = await startBenchHub(database.url, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` });
    const body = CITIES.slice(0, 6).map((c) => ({ query: DASHBOARD_QUERY, variables: { city: c.name, first: options.first }, operationName: 'Dashboard' }));
    const cpuPids = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.child.pid]));
    const target = { url: hub.gatewayUrl, pid: hub.gateway.child.pid, cpuPids, body, headers: ADMIN_HEADERS, connections: options.connections };
    await load({ ...target, durationSeconds: 3 });
    const result = await load({ ...target, durationSeconds: options.duration });
    console.log(
      `six cities, ${options.first} organizations, ${options.connections} connections, ${options.duration} s under --cpu-prof: ${result.total} dashboards, ${result.errors} errors`,
    );
    console.log(
      `CPU ms per dashboard: ${Object.entries(result.cpuPerRequest)
        .map(([k, ms]) => `${k === 'self' ? 'gateway' : k} ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
    await hub.stop();
    hub = undefined;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
      const { name, total, busy } = summarise(join(dir, file));
      console.log(`\n${name}: ${(total / 1e6).toFixed(1)} s busy (start-up and idle left out)`);
      for (const [category, t] of [...busy].sort((a, b) => b[1] - a[1])) console.log(`${((100 * t) / total).toFixed(0).padStart(4)}%  ${category}`);
    }
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  } finally {
    await hub?.stop();
    if (own) await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
