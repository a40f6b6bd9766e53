'use strict';
// `node bench/subscriptions/relay-queue.js [--seconds 8]`: the event relay's outbox reading under
// 12 concurrent writers, on a quiet server, with a write transaction left open in another database,
// and with one left open in the same database (a migration, a batch job). Two ways of reading:
//   queue    what the relay does (gateway/src/subscriptions/relay.ts): take the committed rows not
//            yet marked relayed, in id order, and mark them in the same transaction;
//   horizon  what it did before: take rows in (txid, id) order below the oldest transaction still
//            running in this database, with a checkpoint.
// Prints rows committed, taken, still waiting when the run stops, taken twice, lost (committed
// before the end, never taken once the open transaction ended), and the p50/p99 of insert → taken.
const { Client } = require('pg');

// the old relay's horizon: the oldest transaction running in this database (see git history of relay.ts)
const HORIZON_SQL = `with s as (select pg_current_snapshot() as snap),
      elsewhere as (
        select l.transactionid::text as xid from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'transactionid' and l.mode = 'ExclusiveLock' and l.granted and a.datname is distinct from current_database())
 select least(pg_snapshot_xmax(s.snap),
              (select min(x) from pg_snapshot_xip(s.snap) x where (x::text::numeric % 4294967296)::text not in (select xid from elsewhere)))::text as horizon
   from s`;

const READERS = {
  async queue(relay) {
    await relay.query('begin');
    const { rows } = await relay.query(
      `select id::text, extract(epoch from clock_timestamp() - occurred_at) * 1000 as lag from outbox where relayed_at is null order by id limit 500 for update`,
    );
    if (rows.length) await relay.query(`update outbox set relayed_at = now() where id = any($1::bigint[])`, [rows.map((r) => r.id)]);
    await relay.query('commit');
    return rows;
  },
  async horizon(relay, state) {
    const {
      rows: [h],
    } = await relay.query(HORIZON_SQL);
    const { rows } = await relay.query(
      `select id::text, txid::text, extract(epoch from clock_timestamp() - occurred_at) * 1000 as lag from outbox
        where (txid, id) > ($1::xid8, $2::bigint) and txid < $3::xid8 order by txid, id limit 500`,
      [...(state.checkpoint ?? ['0', '0']), h.horizon],
    );
    if (rows.length) state.checkpoint = [rows.at(-1).txid, rows.at(-1).id];
    return rows;
  },
};

const percentile = (values, p) => (values.length ? values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] : NaN);

async function run(url, otherUrl, reader, seconds, busy) {
  const connect = async (u) => {
    const c = new Client({ connectionString: u });
    c.on('error', (error) => console.error(`a session of ${u.split('/').pop()} failed: ${error.message}`));
    await c.connect();
    return c;
  };
  const setup = await connect(url);
  await setup.query(`drop table if exists outbox; drop table if exists unrelated;
    create table outbox (id bigserial primary key, txid xid8 not null default pg_current_xact_id(), occurred_at timestamptz not null default clock_timestamp(), relayed_at timestamptz);
    create index on outbox (id) where relayed_at is null; create table unrelated (n int)`);
  await setup.end();
  const open = busy === 'quiet' ? undefined : await connect(busy === 'other database' ? otherUrl : url);
  if (open) {
    await open.query('begin');
    await open.query(busy === 'other database' ? 'select pg_current_xact_id()' : 'insert into unrelated values (1)');
  }
  const writers = await Promise.all(Array.from({ length: 12 }, () => connect(url)));
  let stop = false;
  const work = writers.map(async (c) => {
    while (!stop) {
      await c.query('begin');
      await c.query('select pg_current_xact_id()'); // the change itself, before the outbox row
      await c.query('select pg_sleep(random() * 0.005)');
      await c.query('insert into outbox default values');
      await c.query('commit');
    }
  });
  const relay = await connect(url);
  const state = {};
  const taken = new Map();
  const lags = [];
  const take = async () => {
    const rows = await READERS[reader](relay, state);
    for (const row of rows) {
      taken.set(row.id, (taken.get(row.id) ?? 0) + 1);
      lags.push(Number(row.lag));
    }
    return rows.length;
  };
  try {
    for (const until = Date.now() + seconds * 1000; Date.now() < until;) await take();
  } finally {
    stop = true;
    await Promise.all(work);
  }
  const { rows: committed } = await relay.query(`select count(*)::int as n from outbox`);
  const waiting = committed[0].n - taken.size;
  // the open transaction ends; whatever is still not taken after draining is lost
  if (open) await open.query('rollback');
  while ((await take()) > 0);
  const lost = committed[0].n - taken.size;
  const twice = [...taken.values()].filter((n) => n > 1).length;
  await Promise.all([relay.end(), ...(open ? [open.end()] : []), ...writers.map((c) => c.end())]);
  return { committed: committed[0].n, taken: committed[0].n - waiting, waiting, lost, twice, p50: percentile([...lags], 50), p99: percentile([...lags], 99) };
}

async function main() {
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 8;
  // databases of its own on the server at DATABASE_URL (default: the local PostgreSQL)
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const on = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  const databases = ['relay_queue_check', 'relay_queue_other'];
  for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`).then(() => admin.query(`create database ${name}`));
  const [database, other] = databases.map((name) => ({ url: on(name), drop: () => admin.query(`drop database if exists ${name} with (force)`) }));
  const lines = ['', `Relay reading the outbox under 12 concurrent writers, ${seconds} s each (bench/subscriptions/relay-queue.js)`];
  try {
    for (const reader of Object.keys(READERS)) {
      for (const busy of ['quiet', 'other database', 'same database']) {
        const r = await run(database.url, other.url, reader, seconds, busy);
        console.error(`${reader}, ${busy}: ${JSON.stringify(r)}`);
        lines.push(
          `  ${reader.padEnd(8)} ${`open transaction: ${busy === 'quiet' ? 'none' : busy}`.padEnd(34)} committed ${String(r.committed).padStart(6)}  taken ${String(r.taken).padStart(6)}  waiting ${String(r.waiting).padStart(6)}  lost ${r.lost}  twice ${r.twice}  insert→taken p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`,
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
