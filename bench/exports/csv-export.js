'use strict';
// Benchmark: a CSV download of a million organizations (GET /export/organizations.csv) through our
// gateway, streamed page by page: rows per second, and the gateway's memory while it streams,
// sampled from its /metrics. Constant memory means the heap after a million rows is what it was
// after the first tenth of them.
//   node bench/exports/csv-export.js [--orgs 1000000] [--database-url URL]
const { randomBytes } = require('node:crypto');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { generateSector } = require('../data/generate');
const { startBenchHub, ADMIN_HEADERS } = require('../shared/bench-hub');

function parseArgs(argv) {
  const options = { orgs: 1_000_000, databaseUrl: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}: use --orgs N --database-url URL`);
    options[key] = key === 'orgs' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

/** The gateway's resident set and used heap, in bytes, from its Prometheus metrics. */
async function gatewayMemory(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const own = !options.databaseUrl;
  const database = own ? await createTestDatabase('ngohub_bench_exports', { durable: true }) : { url: options.databaseUrl, drop: async () => undefined };
  let hub;
  try {
    await generateSector(database.url, { orgs: options.orgs, people: 1000, grants: 1000, courses: 10 });
    // production mode refuses to start without a JWT secret of its own
    hub = await startBenchHub(database.url, { JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex') });
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    const metricsUrl = `${base}/metrics`;
    const before = await gatewayMemory(metricsUrl);

    const started = performance.now();
    const response = await fetch(`${base}/export/organizations.csv`, { headers: ADMIN_HEADERS });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    let lines = 0;
    let bytes = 0;
    let atTenth;
    let peakAfterTenth = { rss: 0, heap: 0 };
    let sampling = Promise.resolve();
    const samples = [];
    let nextSample = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) lines++;
      if (lines >= nextSample) {
        nextSample = lines + options.orgs / 200;
        sampling = sampling.then(async () => {
          const now = await gatewayMemory(metricsUrl);
          samples.push({ lines, ...now });
          if (!atTenth && lines >= options.orgs / 10) atTenth = now;
          else if (atTenth) peakAfterTenth = { rss: Math.max(peakAfterTenth.rss, now.rss), heap: Math.max(peakAfterTenth.heap, now.heap) };
        });
      }
    }
    await sampling;
    const seconds = (performance.now() - started) / 1000;
    const rows = lines - 1;
    console.log(
      `Node ${process.version}; ${rows.toLocaleString('en')} organizations, ${mb(bytes)} of CSV in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
    );
    console.log(`gateway before: rss ${mb(before.rss)}, heap ${mb(before.heap)}`);
    if (atTenth) {
      console.log(`gateway after a tenth of the rows: rss ${mb(atTenth.rss)}, heap ${mb(atTenth.heap)}`);
      console.log(`gateway peak over the rest:        rss ${mb(peakAfterTenth.rss)}, heap ${mb(peakAfterTenth.heap)}`);
      // a sawtooth's peaks say when the collector ran; its floor (the lowest sample of a stretch) is what stays
      const floor = (from, to) => Math.min(...samples.filter((x) => x.lines >= options.orgs * from && x.lines < options.orgs * to).map((x) => x.heap));
      const floors = [0, 0.25, 0.5, 0.75].map((from) => floor(from, from + 0.25));
      console.log(`gateway heap floor by quarter of the rows: ${floors.map(mb).join(', ')}`);
      console.log(`heap floor, last quarter / second quarter: ${(floors[3] / floors[1]).toFixed(2)} (goal <= 1.5: memory does not grow with the rows)`);
    }
    if (rows !== options.orgs) throw new Error(`expected ${options.orgs} rows, got ${rows}`);
  } finally {
    await hub?.stop();
    if (own) await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
