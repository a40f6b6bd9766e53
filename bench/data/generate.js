'use strict';
// Sector-scale data for the benchmarks, written into each subgraph's own tables with batched
// inserts. Reproducible (seeded), idempotent per database (a second run writes nothing).
//   node bench/data/generate.js [--orgs N] [--people N] [--grants N] [--courses N] [--seed N] [--database-url URL]
const { Pool } = require('pg');
const { ensureDatabase, redact, SUBGRAPHS } = require('@ngo-hub/kit');
const { runSubgraphCommand } = require('@ngo-hub/kit/processes');
const { planSector } = require('./sector');
const organizations = require('./organizations');
const people = require('./people');
const funding = require('./funding');
const training = require('./training');

/** The small default: a CI smoke run and `npm run bench` take seconds to generate it. */
const DEFAULT_SIZES = { orgs: 2000, people: 20000, grants: 20000, courses: 1000, seed: 2026 };

function parseArgs(argv) {
  const options = { ...DEFAULT_SIZES, databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ngohub_bench' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (key === 'database-url') options.databaseUrl = value;
    else if (key in DEFAULT_SIZES && /^\d+$/.test(value ?? '')) options[key] = Number(value);
    else throw new Error(`unknown or bad option ${argv[i - 1]} ${value ?? ''}: use --orgs N --people N --grants N --courses N --seed N --database-url URL`);
  }
  return options;
}

/** Migrates every subgraph on the database, then writes the sector; returns rows written. */
async function generateSector(databaseUrl, sizes = DEFAULT_SIZES, log = (text) => process.stderr.write(`${text}\n`)) {
  const options = { ...DEFAULT_SIZES, ...sizes };
  await ensureDatabase(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  for (const name of SUBGRAPHS) await runSubgraphCommand(name, 'migrate', env);
  const started = Date.now();
  log(
    `generating seed ${options.seed}: ${options.orgs} organizations, ${options.people} people, ${options.grants} grants, ${options.courses} courses into ${redact(databaseUrl)}`,
  );
  const sector = planSector(options);
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    let rows = 0;
    rows += await organizations.writeOrganizations(pool, sector);
    rows += await people.writePeople(pool, sector);
    rows += await funding.writeFunding(pool, sector);
    rows += await training.writeTraining(pool, sector);
    // statistics and the visibility map, as autovacuum would leave them after a load (index-only scans need it)
    if (rows > 0)
      for (const table of [...organizations.tables, ...people.tables, ...funding.tables, ...training.tables]) await pool.query(`vacuum analyze ${table}`);
    log(`${rows.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { rows, sector };
  } finally {
    await pool.end();
  }
}

module.exports = { generateSector, DEFAULT_SIZES };

if (require.main === module) {
  const { databaseUrl, ...sizes } = parseArgs(process.argv.slice(2));
  generateSector(databaseUrl, sizes).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
