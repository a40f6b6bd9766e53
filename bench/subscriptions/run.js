'use strict';
// `npm run bench:subscriptions`: 1,000 graphql-ws subscribers on our gateway; events committed
// straight into a subgraph's outbox (so the clock starts at COMMIT), delivered through the relay,
// the hub event log, the federated payload resolution and the sockets. Baseline in the same run:
// a bare PostgreSQL LISTEN/NOTIFY round trip, the floor of any fan-out on PostgreSQL.
//   node bench/subscriptions/run.js [--subscribers 1000] [--events 200] [--rate 20] [--burst 500] [--entities 1] [--selections 1,100]
// --entities 0 selects no entity (eventId and summary only): the cost of the federated fetch shows as the difference.
// --selections: one round per value, with the subscribers spread over that many distinct selections
// (`organization { name people(first: k) { totalCount } }`, k = 1…n: two subgraphs, a different argument each).
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { freePort } = require('@ngo-hub/kit/processes');
const { SUBGRAPHS, seedId } = require('@ngo-hub/kit');
const { startHub } = require('@ngo-hub/gateway/dist/hub/hub');
const { cpuMilliseconds } = require('../shared/load');

function parseArgs(argv) {
  const options = { subscribers: 1000, events: 200, rate: 20, burst: 500, entities: 1, selections: [1, 100], profile: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    options[key] = key === 'selections' ? argv[i + 1].split(',').map(Number) : key === 'profile' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return options;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const CITY = 'Benchville';
const ORGANIZATION = seedId('org:npi');

/**
 * Commits one ORGANIZATION_CHANGED outbox event, as the organizations subgraph does. Returns when
 * the COMMIT was sent: the clock of every latency here (the floor's too), since a listener can
 * hear a NOTIFY before the committing client hears its own COMMIT acknowledged.
 */
async function commitEvent(db, n) {
  await db.query('begin');
  await db.query(`insert into organizations.outbox_event (topic, payload) values ('ORGANIZATION_CHANGED', $1)`, [
    JSON.stringify({
      summary: `bench ${n}`,
      city: CITY,
      causes: [],
      refs: { organization: { id: ORGANIZATION } },
      fields: { change: 'UPDATED' },
      match: { city: CITY, n },
    }),
  ]);
  const sent = performance.now();
  await db.query('commit');
  return sent;
}

/** The floor: COMMIT sent → NOTIFY received by a plain pg client, same database, same machine. */
async function notifyFloor(databaseUrl, count) {
  const listener = new Client({ connectionString: databaseUrl });
  const sender = new Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query('listen bench_floor');
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const received = new Promise((resolve) => listener.once('notification', () => resolve(performance.now())));
    await sender.query('begin');
    await sender.query(`select pg_notify('bench_floor', $1)`, [String(i)]);
    const sent = performance.now();
    await sender.query('commit');
    latencies.push((await received) - sent);
    await sleep(5);
  }
  await Promise.all([listener.end(), sender.end()]);
  return latencies;
}

/** Subscriber i's selection: with n selections, subscribers i and i + n share one. */
function selectionOf(i, entities, selections) {
  if (!entities) return '';
  return selections > 1 ? `organization { name people(first: ${(i % selections) + 1}) { totalCount } }` : 'organization { name }';
}

async function connectSubscribers(url, count, onEvent, entities, selections) {
  const clients = [];
  const ready = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    clients.push(client);
    ready.push(
      new Promise((resolve, reject) => {
        client.on('connected', resolve);
        client.subscribe(
          { query: `subscription { sectorActivity(filter: { city: "${CITY}" }) { eventId summary ${selectionOf(i, entities, selections)} } }` },
          {
            next: (result) => onEvent(i, result),
            error: (error) => {
              console.error(`subscriber ${i} failed:`, error instanceof Error ? error.message : JSON.stringify(error));
              reject(error);
            },
            complete: () => undefined,
          },
        );
      }),
    );
    if (i % 100 === 99) await Promise.all(ready.slice(i - 99, i + 1));
  }
  await Promise.all(ready);
  return clients;
}

/** One round: subscribers connected with `options.selections` distinct selections, a steady rate, then a burst. */
async function round(hub, db, options, offset, setClients) {
  // every delivery: which event (its number, from the summary) and when it arrived
  const arrivals = [];
  let delivered = 0;
  const onEvent = (_i, result) => {
    const now = performance.now();
    const event = result.data && result.data.sectorActivity;
    if (!event || (options.entities && !event.organization)) throw new Error(`subscriber got ${JSON.stringify(result)}`);
    delivered += 1;
    arrivals.push([Number(event.summary.slice('bench '.length)) - offset, now]);
  };
  const url = hub.gatewayUrl.replace(/^http/, 'ws');
  const connectStart = performance.now();
  const clients = await connectSubscribers(url, options.subscribers, onEvent, options.entities, options.selections);
  setClients(clients);
  const metricsUrl = hub.gatewayUrl.replace(/\/graphql$/, '/metrics');
  // exactly this round's subscribers: the previous round's have closed
  while ((await openSubscriptions(metricsUrl)) !== options.subscribers) await sleep(50);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const resolutionsBefore = await counter(metricsUrl, 'ngohub_event_payload_resolutions_total');

  // CPU spent during the steady phase, per event: the gateway, the subgraphs, and this process (the 1,000 clients)
  const processes = { gateway: hub.gateway.child.pid, ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.child.pid])) };
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMilliseconds(pid)]));
  const clientsBefore = process.cpuUsage();
  // a steady rate: one event every 1000/rate ms, each committed on its own
  const committedAt = [];
  for (let n = 0; n < options.events; n++) {
    committedAt[n] = await commitEvent(db, offset + n);
    await sleep(1000 / options.rate);
  }
  await waitFor(
    () => delivered >= options.events * options.subscribers,
    60_000,
    () =>
      `${delivered} of ${options.events * options.subscribers} deliveries; events nobody got: ${[...Array(options.events).keys()].filter((n) => !arrivals.some(([m]) => m === n)).join(', ') || 'none'}`,
  );
  const clientsUsage = process.cpuUsage(clientsBefore);
  const cpuPerEvent = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, (cpuMilliseconds(pid) - cpuBefore[name]) / options.events]));
  cpuPerEvent.clients = (clientsUsage.user + clientsUsage.system) / 1000 / options.events;
  const latencies = arrivals.map(([n, at]) => at - committedAt[n]);
  // the first and the last delivery of each event: the pipeline's own latency, and the fan-out's spread after it
  const firstOfEvent = new Array(options.events).fill(Infinity);
  const lastOfEvent = new Array(options.events).fill(0);
  for (const [n, at] of arrivals) {
    if (n >= options.events) continue;
    firstOfEvent[n] = Math.min(firstOfEvent[n], at - committedAt[n]);
    lastOfEvent[n] = Math.max(lastOfEvent[n], at - committedAt[n]);
  }
  const resolutions = (await counter(metricsUrl, 'ngohub_event_payload_resolutions_total')) - resolutionsBefore;
  const rss = await counter(metricsUrl, 'process_resident_memory_bytes');

  const steady = { selections: options.selections, latencies, firstOfEvent, lastOfEvent, cpuPerEvent, connectSeconds, rss, resolutions };
  if (!options.burst) return steady;
  // a burst: events committed back to back by one connection; how fast all subscribers get them all
  const burstStart = performance.now();
  const deliveredBefore = delivered;
  for (let n = 0; n < options.burst; n++) committedAt[options.events + n] = await commitEvent(db, offset + options.events + n);
  const committedSeconds = (performance.now() - burstStart) / 1000;
  await waitFor(
    () => delivered - deliveredBefore >= options.burst * options.subscribers,
    300_000,
    () => `${delivered - deliveredBefore} of ${options.burst * options.subscribers} burst deliveries`,
  );
  const burstSeconds = (arrivals.slice(deliveredBefore).reduce((last, [, at]) => Math.max(last, at), 0) - burstStart) / 1000; // no spread: 500,000 arguments overflow the stack

  return { ...steady, burstSeconds, committedSeconds };
}

async function openSubscriptions(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('ngohub_subscriptions_active{field="sectorActivity"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const database = await createTestDatabase('ngohub_bench_live');
  const ports = { gateway: await freePort() };
  for (const name of SUBGRAPHS) ports[name] = await freePort();
  const hub = await startHub({
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      GATEWAY_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_SECOND: '0',
      // --profile DIR: every hub process writes a CPU profile there when it stops
      ...(options.profile ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${options.profile}`.trim() } : {}),
    },
    ports,
    stdio: 'inherit',
  });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  let clients = [];
  try {
    const floor = await notifyFloor(database.url, options.events);
    const rounds = [];
    let offset = 0;
    for (const selections of options.selections) {
      rounds.push(await round(hub, db, { ...options, selections }, offset, (c) => (clients = c)));
      offset += options.events + options.burst;
      await Promise.all(clients.map((c) => c.dispose()));
      clients = [];
    }
    return { options, floor, rounds };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await db.end();
    await hub.stop();
    await database.drop();
  }
}

async function counter(metricsUrl, name) {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

function report(r) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const { subscribers, events, rate, burst } = r.options;
  const rows = [];
  for (const x of r.rounds) {
    const p50 = percentile(x.latencies, 50);
    const p99 = percentile(x.latencies, 99);
    rows.push(
      [`${subscribers} subscribers, ${x.selections} selection${x.selections > 1 ? 's' : ''}`, '', `connected in ${x.connectSeconds.toFixed(1)} s`],
      ['  commit → received p50', ms(p50), `floor (LISTEN/NOTIFY) p50 ${ms(percentile(r.floor, 50))}: ratio ${(p50 / percentile(r.floor, 50)).toFixed(1)}`],
      ['  commit → received p99', ms(p99), `floor p99 ${ms(percentile(r.floor, 99))}: ratio ${(p99 / percentile(r.floor, 99)).toFixed(1)}; goal < 100 ms`],
      [
        '  first delivery of each event',
        `p50 ${ms(percentile(x.firstOfEvent, 50))}`,
        `p90 ${ms(percentile(x.firstOfEvent, 90))}: commit → relay → log → payload fetch → the first socket`,
      ],
      [
        '  last delivery of each event',
        `p50 ${ms(percentile(x.lastOfEvent, 50))}`,
        `p90 ${ms(percentile(x.lastOfEvent, 90))}, max ${ms(Math.max(...x.lastOfEvent))}: when every event's last subscribers wait, the fan-out sets p99`,
      ],
      [
        '  CPU ms per event',
        ms(x.cpuPerEvent.gateway),
        `gateway; subgraphs ${SUBGRAPHS.map((name) => `${name} ${x.cpuPerEvent[name].toFixed(1)}`).join(', ')}; the bench's ${subscribers} clients ${x.cpuPerEvent.clients.toFixed(1)}`,
      ],
      ['  deliveries measured', String(x.latencies.length), `${events} events at ${rate}/s × ${subscribers} subscribers`],
      ['  payload fetches', String(x.resolutions), `for ${events} events (${x.selections} distinct selections): merged into one per event`],
      ...(burst ? [] : [['  (no burst)', '', '--burst 0']]),
      ...(burst
        ? [
            ['  burst', `${burst} events`, `committed in ${x.committedSeconds.toFixed(2)} s, all delivered to all in ${x.burstSeconds.toFixed(2)} s`],
            ['  burst throughput', `${Math.round(burst / x.burstSeconds)} events/s`, `${Math.round((burst * subscribers) / x.burstSeconds)} deliveries/s`],
          ]
        : []),
      ['  gateway RSS', `${Math.round(x.rss / 1048576)} MiB`, `with ${subscribers} sockets open`],
    );
  }
  const width = Math.max(...rows.map((row) => row[0].length));
  const lines = ['', 'Live updates (bench/subscriptions)', ...rows.map(([a, b, c]) => `  ${a.padEnd(width)}  ${b.padStart(14)}  ${c}`)];
  return lines.join('\n');
}

async function waitFor(condition, timeoutMs, progress) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for deliveries: ${progress()}`);
    await sleep(20);
  }
}

module.exports = { main, report };
if (require.main === module) {
  main()
    .then((result) => console.log(report(result)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
