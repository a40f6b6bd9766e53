'use strict';
// Benchmark: filtered, paginated listings through our gateway, one request at a time, on the
// generated sector; p50/p95 per listing, and EXPLAIN (ANALYZE, BUFFERS) of the SQL each subgraph
// sends for it, written to a report.
//   node bench/listing/run.js [--orgs N --people N --grants N --courses N] [--database-url URL]
//                             [--requests 100] [--report bench/reports/listing.md]
const assert = require('node:assert');
const { writeFileSync } = require('node:fs');
const { openSubgraphOrm } = require('@ngo-hub/kit');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { generateSector, DEFAULT_SIZES } = require('../data/generate');
const { startBenchHub, BENCH_GATEWAY_SECRET } = require('../shared/bench-hub');
const { OrganizationDirectory } = require('@ngo-hub/funding/dist/src/services/organization-directory');
const { LISTINGS } = require('./listings');

const DEFINITIONS = {
  organizations: () => require('@ngo-hub/organizations').organizationsSubgraph,
  people: () => require('@ngo-hub/people').peopleSubgraph,
  funding: () => require('@ngo-hub/funding').fundingSubgraph,
  training: () => require('@ngo-hub/training').trainingSubgraph,
};

function parseArgs(argv) {
  const options = { ...DEFAULT_SIZES, databaseUrl: undefined, requests: 100, report: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] = key in DEFAULT_SIZES || key === 'requests' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function post(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

/** Times `requests` sequential requests of one listing; returns p50, p95, max (ms) and the first page. */
async function timeListing(url, listing, requests) {
  const variables = { filter: listing.filter };
  if (listing.secondPage) {
    const first = await post(url, listing.query, variables);
    variables.after = Object.values(first.data)[0].pageInfo.endCursor;
  }
  const answer = await post(url, listing.query, variables);
  assert.ok(!answer.errors, `${listing.name}: ${JSON.stringify(answer.errors)}`);
  const page = Object.values(answer.data)[0];
  for (let i = 0; i < 5; i++) await post(url, listing.query, variables);
  const times = [];
  const deadline = Date.now() + 20_000; // a listing slow enough to need more than 20 s is told with fewer samples
  for (let i = 0; i < requests && (i < 5 || Date.now() < deadline); i++) {
    const started = process.hrtime.bigint();
    await post(url, listing.query, variables);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { variables, rows: page.nodes.length, samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) };
}

/** The SQL the subgraph's own listing function sends for these variables, each with its plan. */
async function explainListing(orms, hub, listing, variables) {
  const orm = orms[listing.service.subgraph];
  const knex = orm.em.getConnection().getKnex();
  const statements = [];
  const capture = (query) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  const list = require(listing.service.module)[listing.service.fn];
  knex.on('query', capture);
  try {
    const directory = listing.service.directory ? [OrganizationDirectory.forTool(hub.subgraphUrls.organizations, BENCH_GATEWAY_SECRET, 'bench')] : [];
    const page = await list(orm.em.fork(), ...directory, listing.filter, { first: 20, after: variables.after });
    if (listing.counted) await page.totalCount;
  } finally {
    knex.removeListener('query', capture);
  }
  // the statements as PostgreSQL received them: `$n` parameters, which knex.raw does not take
  const plans = [];
  const connection = await knex.client.acquireConnection();
  try {
    for (const statement of statements) {
      const result = await connection.query(`explain (analyze, buffers) ${statement.sql}`, statement.bindings);
      const sql = statement.sql.replace(/\$(\d+)/g, (_, n) => knex.raw('?', [statement.bindings[Number(n) - 1]]).toString());
      plans.push({ sql, plan: result.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
  return plans;
}

async function runListingBenchmark(options, log = console.log) {
  const own = !options.databaseUrl;
  const database = own ? await createTestDatabase('ngohub_bench_listing', { durable: true }) : { url: options.databaseUrl, drop: async () => undefined };
  let hub;
  const orms = {};
  try {
    const { sector } = await generateSector(database.url, options);
    hub = await startBenchHub(database.url);
    for (const [name, definition] of Object.entries(DEFINITIONS)) orms[name] = await openSubgraphOrm(definition(), database.url);
    const results = [];
    for (const listing of LISTINGS) {
      const timing = await timeListing(hub.gatewayUrl, listing, options.requests);
      const plans = await explainListing(orms, hub, listing, timing.variables);
      results.push({ listing, ...timing, plans });
      log(`  ${listing.name.padEnd(48)} p50 ${timing.p50.toFixed(1).padStart(6)} ms  p95 ${timing.p95.toFixed(1).padStart(6)} ms  (${timing.rows} rows)`);
    }
    return { results, sizes: sector.sizes, options };
  } finally {
    for (const orm of Object.values(orms)) await orm.close();
    await hub?.stop();
    if (own) await database.drop();
  }
}

function listingTable({ results }) {
  const lines = ['| listing (first: 20) | rows | requests | p50 ms | p95 ms | max ms | p95 < 50 ms |', '|---|---:|---:|---:|---:|---:|:---:|'];
  for (const r of results)
    lines.push(
      `| ${r.listing.name} | ${r.rows} | ${r.samples} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p95 < 50 ? 'yes' : 'NO'} |`,
    );
  return lines.join('\n');
}

function writeReport(path, result, machine) {
  const { results, sizes, options } = result;
  const sections = results.map((r) =>
    [
      `### ${r.listing.name}`,
      '',
      `Through the gateway: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms over ${r.samples} sequential requests. Filter: \`${JSON.stringify(r.listing.filter)}\`${r.variables.after ? ', second page' : ''}.`,
      '',
      ...r.plans.flatMap((p) => ['```sql', p.sql, '```', '', '```', p.plan, '```', '']),
    ].join('\n'),
  );
  writeFileSync(
    path,
    [
      '# Listing benchmark: query plans',
      '',
      `Generated by \`npm run bench:listing\` on ${new Date().toISOString().slice(0, 10)}: ${sizes.orgs.toLocaleString('en')} organizations, ${sizes.people.toLocaleString('en')} people, ${sizes.grants.toLocaleString('en')} grants, ${sizes.courses.toLocaleString('en')} courses (seed ${options.seed}). ${machine}`,
      '',
      'Each SQL statement is the one the owning subgraph sends for the listing (captured from its own listing function), followed by `EXPLAIN (ANALYZE, BUFFERS)`.',
      '',
      listingTable(result),
      '',
      ...sections,
    ].join('\n'),
  );
}

module.exports = { runListingBenchmark, listingTable, writeReport, parseArgs };

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  runListingBenchmark(options)
    .then((result) => {
      console.log(`\n${listingTable(result)}`);
      if (options.report) writeReport(options.report, result, `Node ${process.version}, ${require('node:os').cpus().length} cores.`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
