'use strict';
// `npm run bench`: every benchmark on one generated database of the modest default size (or the
// sizes given), each measuring its baseline in the same run, then one summary table.
//   node bench/run-all.js [--orgs N --people N --grants N --courses N] [--duration 10] [--rounds 3]
const { spawn } = require('node:child_process');
const { cpus, totalmem } = require('node:os');
const { join } = require('node:path');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { generateSector, DEFAULT_SIZES } = require('./data/generate');
const { runDashboardBenchmark, printDashboard } = require('./dashboard/run');
const { runListingBenchmark, listingTable } = require('./listing/run');
const { runPartnerDirectory, printPartnerDirectory } = require('./partner-directory/run');
const { BENCH_GATEWAY_SECRET } = require('./shared/bench-hub');
const { runValidationBenchmark } = require('./limits/validation-cpu');

function parseArgs(argv) {
  const options = { ...DEFAULT_SIZES, duration: 10, rounds: 3, connections: 16 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] = Number(argv[i + 1]);
  }
  return options;
}

/** The 360Giving import benchmark (bench/funding) in its own process; its first line's grants/s. */
function runImportBenchmark() {
  return new Promise((resolve, reject) => {
    // its organizations subgraph answers only signed requests: a secret for this run
    const env = { ...process.env, GATEWAY_SECRET: process.env.GATEWAY_SECRET ?? BENCH_GATEWAY_SECRET };
    const child = spawn(process.execPath, [join(__dirname, 'funding', 'import-360giving.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`import benchmark exited with code ${code}`));
      const rates = [...output.matchAll(/(\d+) grants\/s/g)].map((m) => Number(m[1]));
      resolve(rates);
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const machine = `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const database = await createTestDatabase('ngohub_bench', { durable: true });
  let dashboard;
  let mixed;
  let listing;
  let directory;
  try {
    await generateSector(database.url, options);
    const shared = { ...options, databaseUrl: database.url };
    console.log('\n== sector dashboard, one city (identical requests)');
    dashboard = await runDashboardBenchmark({ ...shared, city: 'Shanghai', cities: 1, first: 50 });
    printDashboard(dashboard);
    console.log('\n== sector dashboard, six cities in turn');
    mixed = await runDashboardBenchmark({ ...shared, city: 'Shanghai', cities: 6, first: 50 });
    printDashboard(mixed);
    console.log('\n== partner directory (public reads, response caches)');
    directory = await runPartnerDirectory({ databaseUrl: database.url, connections: 16, duration: 10, rounds: 2 });
    printPartnerDirectory(directory);
    console.log('\n== listings');
    listing = await runListingBenchmark({ ...shared, requests: 50 });
    console.log(listingTable(listing));
  } finally {
    await database.drop();
  }
  console.log('\n== 360Giving import (bench/funding, 100,000 grants, database of its own)');
  const imports = await runImportBenchmark();
  console.log('\n== validation CPU of the worst operations callers may send (bench/limits)');
  const validation = runValidationBenchmark();

  const row = (label, r) => `| ${label} | ${r.requestsPerSecond.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.rssMb.toFixed(0)} |`;
  const ratios = (d) => {
    const s = d.summary;
    return `ours/Hive req/s ${(s['our gateway (Apollo)'].requestsPerSecond / s['Hive Gateway 2.x'].requestsPerSecond).toFixed(2)}, ours/floor p50 ${(s['our gateway (Apollo)'].p50 / s['hand-written SQL floor'].p50).toFixed(2)}`;
  };
  const worst = listing.results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const sql = Object.values(dashboard.counts).map(({ perSubgraph }) => Object.values(perSubgraph).reduce((x, y) => x + y, 0));
  console.log(`\n== summary (${machine}; ${options.orgs} organizations, ${options.people} people, ${options.grants} grants, ${options.courses} courses)`);
  console.log('| dashboard (50 organizations) | req/s | p50 ms | p99 ms | RSS MB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r] of Object.entries(dashboard.summary)) console.log(row(`one city: ${name}`, r));
  for (const [name, r] of Object.entries(mixed.summary)) console.log(row(`six cities: ${name}`, r));
  console.log(`ratios, one city: ${ratios(dashboard)} | six cities: ${ratios(mixed)} (goals: >= 2, <= 3)`);
  const d = directory.summary;
  console.log(
    `partner directory req/s: ours cached ${d['our gateway, response cache'].requestsPerSecond.toFixed(1)}, uncached ${d['our gateway, no response cache'].requestsPerSecond.toFixed(1)}, Hive cached ${d['Hive Gateway, response cache'].requestsPerSecond.toFixed(1)}, uncached ${d['Hive Gateway, no response cache'].requestsPerSecond.toFixed(1)}; ours cached / Hive cached ${(d['our gateway, response cache'].requestsPerSecond / d['Hive Gateway, response cache'].requestsPerSecond).toFixed(2)}`,
  );
  console.log(`SQL statements per dashboard request at 10 / 50 / 100 / 200 (two pages) organizations: ${sql.join(' / ')}`);
  console.log(
    `listings: ${listing.results.filter((r) => r.p95 < 50).length} of ${listing.results.length} under 50 ms p95; slowest: ${worst.listing.name} (${worst.p95.toFixed(1)} ms)`,
  );
  console.log(`360Giving import: ${imports.join(' / ')} grants/s (empty hub / same file again / new grants; goal >= 5,000)`);
  console.log(
    `validation CPU of the worst allowed operation: ${validation.worstAllowedMs.toFixed(1)} ms (${validation.worstShape}); its largest batch ${validation.batchMs.toFixed(0)} ms`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
