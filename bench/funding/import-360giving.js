'use strict';
// Benchmark: imports a generated 360Giving file of 100,000 grants into a database of its own,
// with its own organizations subgraph process, and prints grants per second. Run after a build:
//   node bench/funding/import-360giving.js [--grants N]
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createLogger, migrateSubgraph, openSubgraphOrm } = require('@ngo-hub/kit');
const { freePort, runSubgraphCommand, startSubgraphProcess } = require('@ngo-hub/kit/processes');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { fundingSubgraph } = require('@ngo-hub/funding');
const { import360Giving } = require('@ngo-hub/funding/dist/src/three-sixty-giving/importer');
const { OrganizationDirectory } = require('@ngo-hub/funding/dist/src/services/organization-directory');
const { fileSource, formatOfFile } = require('@ngo-hub/funding/dist/src/three-sixty-giving/grant-source');
const { generate360Giving } = require('./generate-360giving');

const grantsArg = process.argv.indexOf('--grants');
const GRANTS = grantsArg > 0 ? Number(process.argv[grantsArg + 1]) : 100000;

/** grants/s of run 1 (JSON into an empty hub) before the importer kept what files say (bench/funding/README.md). */
const PREVIOUS_EMPTY_HUB_RATE = 6982;

function rateOf(report) {
  return Math.round(report.read / report.seconds);
}

function line(label, report) {
  return `${label.padEnd(46)} ${String(report.read).padStart(7)} read ${String(report.added).padStart(7)} added ${String(report.unchanged).padStart(7)} unchanged ${String(report.refused).padStart(4)} refused ${String(report.organizationsCreated).padStart(5)} orgs created  ${report.seconds.toFixed(2).padStart(6)} s  ${String(rateOf(report)).padStart(7)} grants/s`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ngohub-bench-360g-'));
  const database = await createTestDatabase('ngohub_bench_funding', { durable: true });
  // the organizations subgraph answers only requests signed with the gateway's secret
  const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', GATEWAY_SECRET: process.env.GATEWAY_SECRET ?? randomBytes(32).toString('hex') };
  let organizations;
  let orm;
  try {
    const first = join(dir, 'grants.json');
    const second = join(dir, 'more-grants.json');
    const third = join(dir, 'csv-grants.csv');
    let started = Date.now();
    await generate360Giving(first, { grants: GRANTS });
    await generate360Giving(second, { grants: GRANTS, seed: 2013, idPrefix: '360G-bench-more' });
    await generate360Giving(third, { grants: GRANTS, seed: 2014, idPrefix: '360G-bench-csv', format: 'csv' });
    console.log(
      `generated 2 files of ${GRANTS} grants (${(statSync(first).size / 1e6).toFixed(1)} MB each) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    await runSubgraphCommand('organizations', 'migrate', env);
    organizations = await startSubgraphProcess('organizations', await freePort(), env, 'ignore');
    await migrateSubgraph(fundingSubgraph, database.url, createLogger('bench', 'warn'));
    orm = await openSubgraphOrm(fundingSubgraph, database.url);
    const directory = OrganizationDirectory.forTool(organizations.url, env.GATEWAY_SECRET, '360giving-import-benchmark');
    const run = (file) => import360Giving(orm.em.fork(), directory, fileSource(file, formatOfFile(file)));

    console.log(`Node ${process.version}, PostgreSQL at ${new URL(database.url).host}, batches of 2000 grants`);
    const empty = await run(first);
    console.log(line('1. new JSON file, empty hub (creates orgs)', empty));
    console.log(line('2. same file again (idempotent: changes nothing)', await run(first)));
    const json = await run(second);
    console.log(line('3. another JSON file, organizations all known', json));
    const csv = await run(third);
    console.log(line('4. a CSV file, organizations all known', csv));
    console.log(
      `JSON into an empty hub: ${rateOf(empty)} grants/s, ${(rateOf(empty) / PREVIOUS_EMPTY_HUB_RATE).toFixed(2)}x the ${PREVIOUS_EMPTY_HUB_RATE} grants/s measured before`,
    );
    console.log(`CSV takes ${(csv.seconds / json.seconds).toFixed(2)}x the time of JSON for as many grants (runs 4 and 3)`);
  } finally {
    await orm?.close();
    await organizations?.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
