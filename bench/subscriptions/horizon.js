'use strict';
// `node bench/subscriptions/horizon.js [--seconds 8]`: checks the event relay's horizon under
// concurrent writers. 12 sessions commit rows (txid default pg_current_xact_id(), as the outbox
// does) while a relay loop takes rows below a horizon in (txid, id) order with a checkpoint, as
// the relay does; afterwards every row at or below the checkpoint must have been taken once.
// Each horizon runs twice: with no other activity, and with a write transaction left open in
// another database on the server. Prints rows taken and lost for the relay's horizon
// (HORIZON_SQL), the server-wide snapshot xmin (the old relay) and pg_stat_activity's backend_xid
// of this database (the tempting shortcut, which loses rows).
const { Client } = require('pg');
const { HORIZON_SQL } = require('@ngo-hub/gateway/dist/subscriptions/relay');

const HORIZONS = {
  relay: HORIZON_SQL,
  'server-wide xmin': `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`,
  'pg_stat_activity backend_xid': `with next as (select pg_snapshot_xmax(pg_current_snapshot())::text::numeric as n),
     running as (select backend_xid as xid from pg_stat_activity where datname = current_database() and backend_xid is not null),
     widened as (select next.n - ((next.n % 4294967296) - r.xid::text::numeric + 4294967296) % 4294967296 as txid from running r, next)
     select least((select n from next), (select min(txid) from widened))::text as horizon`,
};

async function run(url, otherUrl, horizon, seconds, otherOpen) {
  const connect = async (u) => {
    const c = new Client({ connectionString: u });
    c.on('error', (error) => console.error(`a session of ${u.split('/').pop()} failed: ${error.message}`));
    await c.connect();
    return c;
  };
  const setup = await connect(url);
  await setup.query('drop table if exists outbox; create table outbox (id bigserial primary key, txid xid8 not null default pg_current_xact_id(), n int)');
  await setup.end();
  const other = await connect(otherUrl);
  if (otherOpen) {
    await other.query('begin');
    await other.query('select pg_current_xact_id()');
  }
  const writers = await Promise.all(Array.from({ length: 12 }, () => connect(url)));
  let stop = false;
  const work = writers.map(async (c) => {
    while (!stop) {
      await c.query('begin');
      await c.query('select pg_current_xact_id()'); // the change itself, before the outbox row
      await c.query('select pg_sleep(random() * 0.005)');
      await c.query('insert into outbox (n) values (1)');
      await c.query('commit');
    }
  });
  const relay = await connect(url);
  let checkpoint = ['0', '0'];
  const taken = new Map();
  try {
    for (const until = Date.now() + seconds * 1000; Date.now() < until;) {
      const {
        rows: [h],
      } = await relay.query(horizon);
      await relay.query('begin');
      const { rows } = await relay.query(
        `select id::text, txid::text from outbox where (txid, id) > ($1::xid8, $2::bigint) and txid < $3::xid8 order by txid, id limit 500`,
        [...checkpoint, h.horizon],
      );
      await relay.query('commit');
      for (const row of rows) taken.set(row.id, (taken.get(row.id) ?? 0) + 1);
      if (rows.length) checkpoint = [rows.at(-1).txid, rows.at(-1).id];
    }
  } finally {
    stop = true;
    await Promise.all(work);
  }
  const { rows: committed } = await relay.query(`select count(*)::int as n from outbox`);
  const { rows: below } = await relay.query(`select id::text from outbox where (txid, id) <= ($1::xid8, $2::bigint)`, checkpoint);
  const lost = below.filter((r) => !taken.has(r.id)).length;
  const twice = [...taken.values()].filter((n) => n > 1).length;
  await other.query('rollback').catch(() => undefined);
  await Promise.all([relay.end(), other.end(), ...writers.map((c) => c.end())]);
  return { committed: committed[0].n, taken: taken.size, lost, twice };
}

async function main() {
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 8;
  // databases of its own on the server at DATABASE_URL (default: the local PostgreSQL)
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const on = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  const databases = ['relay_horizon_check', 'relay_horizon_other'];
  for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`).then(() => admin.query(`create database ${name}`));
  const [database, other] = databases.map((name) => ({ url: on(name), drop: () => admin.query(`drop database if exists ${name} with (force)`) }));
  const lines = ['', `Relay horizon under 12 concurrent writers, ${seconds} s each (bench/subscriptions/horizon.js)`];
  try {
    for (const [name, sql] of Object.entries(HORIZONS)) {
      for (const otherOpen of [false, true]) {
        const r = await run(database.url, other.url, sql, seconds, otherOpen);
        console.error(`${name}${otherOpen ? ', other database busy' : ''}: ${JSON.stringify(r)}`);
        lines.push(
          `  ${name.padEnd(30)} ${otherOpen ? 'other database busy' : 'quiet server       '}  committed ${String(r.committed).padStart(6)}  taken ${String(r.taken).padStart(6)}  lost ${r.lost}  twice ${r.twice}`,
        );
      }
    }
  } finally {
    await database.drop();
    await other.drop();
    await admin.end();
  }
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
