'use strict';
// `npm run bench:subscriptions`: 1,000 graphql-ws subscribers on our gateway; events committed
// straight into a subgraph's outbox (so the clock starts at COMMIT), delivered through the relay,
// the hub event log, the federated payload resolution and the sockets. Baseline in the same run:
// a bare PostgreSQL LISTEN/NOTIFY round trip, the floor of any fan-out on PostgreSQL.
//   node bench/subscriptions/run.js [--subscribers 1000] [--events 200] [--rate 20] [--burst 500] [--entities 1] [--selections 1,100] [--threads 2] [--warm-up 20]
// --warm-up: events sent at the steady rate before the measured ones, not measured but reported: the first events after a
// thousand clients subscribe build their entity queries and payload plan and JIT-compile the send path.
// --threads: the subscribers' graphql-ws clients are spread over this many worker threads (clients.js).
// --gateways: gateway instances in front of the same subgraphs and event log, the subscribers spread over them (as behind a
// load balancer); 1 by default.
// --entities 0 selects no entity (eventId and summary only): the cost of the federated fetch shows as the difference.
// --selections: one round per value, with the subscribers spread over that many distinct selections
// (`organization { name people(first: k) { totalCount } }`, k = 1…n: two subgraphs, a different argument each).
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { join } = require('node:path');
const { Worker } = require('node:worker_threads');
const { createTestDatabase } = require('@ngo-hub/kit/testing/database');
const { entryPointOf, freePort, startService } = require('@ngo-hub/kit/processes');
const { SUBGRAPHS, seedId } = require('@ngo-hub/kit');
const { startHub } = require('@ngo-hub/gateway/dist/hub/hub');
const { cpuMilliseconds } = require('../shared/load');

function parseArgs(argv) {
  const options = {
    subscribers: 1000,
    events: 200,
    rate: 20,
    burst: 500,
    entities: 1,
    selections: [1, 100],
    profile: '',
    threads: 2,
    'warm-up': 20,
    gateways: 1,
  };
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
/** Milliseconds since the epoch, sub-millisecond: the clients' threads stamp arrivals on the same clock. */
const now = () => performance.timeOrigin + performance.now();
const CITY = 'Benchville';
const ORGANIZATION = seedId('org:npi');

/**
 * Commits one ORGANIZATION_CHANGED outbox event, as the organizations subgraph does. Returns when
 * the COMMIT was sent: the clock of every latency here (the floor's too), since a listener can
 * hear a NOTIFY before the committing client hears its own COMMIT acknowledged.
 */
async function commitEvent(db, n, summary = `bench ${n}`) {
  await db.query('begin');
  await db.query(`insert into organizations.outbox_event (topic, payload) values ('ORGANIZATION_CHANGED', $1)`, [
    JSON.stringify({
      summary,
      city: CITY,
      causes: [],
      refs: { organization: { id: ORGANIZATION } },
      fields: { change: 'UPDATED' },
      match: { city: CITY, n },
    }),
  ]);
  const sent = now();
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

/**
 * The subscribers, spread over `threads` worker threads (clients.js); resolves once all are
 * connected. `delivered()` counts what they received so far; `finish()` closes them and returns
 * every arrival as [event number, time].
 */
async function startSubscribers(urls, options) {
  const per = Math.ceil(options.subscribers / options.threads);
  const shares = [];
  for (let from = 0; from < options.subscribers; from += per) {
    const worker = new Worker(join(__dirname, 'clients.js'), {
      workerData: { urls, from, count: Math.min(per, options.subscribers - from), city: CITY, entities: options.entities, selections: options.selections },
    });
    const share = { worker, delivered: 0, arrivals: undefined };
    share.connected = new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (message) => {
        if (message.type === 'connected') resolve();
        else if (message.type === 'delivered') [share.delivered, share.warmedUp] = [message.delivered, message.warmedUp];
        else if (message.type === 'arrivals') share.arrivals(message.arrivals);
        else if (message.type === 'error') reject(new Error(message.message));
      });
    });
    shares.push(share);
  }
  await Promise.all(shares.map((share) => share.connected));
  return {
    delivered: () => shares.reduce((sum, share) => sum + share.delivered, 0),
    warmedUp: () => shares.reduce((sum, share) => sum + (share.warmedUp ?? 0), 0),
    async finish() {
      const lists = await Promise.all(
        shares.map(
          (share) =>
            new Promise((resolve) => {
              share.arrivals = resolve;
              share.worker.postMessage('finish');
            }),
        ),
      );
      await Promise.all(shares.map((share) => new Promise((resolve) => share.worker.once('exit', resolve))));
      const arrivals = [];
      for (const list of lists) for (let k = 0; k < list.length; k += 2) arrivals.push([list[k], list[k + 1]]);
      return arrivals;
    },
    dispose: () => Promise.all(shares.map((share) => share.worker.terminate())),
  };
}

/** One round: subscribers connected with `options.selections` distinct selections, a steady rate, then a burst. */
async function round(hub, gateways, db, options, offset, setClients) {
  const connectStart = performance.now();
  const clients = await startSubscribers(
    gateways.map((gateway) => gateway.url.replace(/^http/, 'ws')),
    options,
  );
  setClients(clients);
  const metricsUrls = gateways.map((gateway) => gateway.url.replace(/\/graphql$/, '/metrics'));
  // exactly this round's subscribers: the previous round's have closed
  while ((await openSubscriptions(metricsUrls)) !== options.subscribers) await sleep(50);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  // warm-up, not measured: the first events plan the payload query, open the subgraph connections and compile the send path
  const warmUps = options['warm-up'];
  const warmCommittedAt = [];
  for (let k = 0; k < warmUps; k++) {
    warmCommittedAt[k] = await commitEvent(db, undefined, `warm-up ${k}`);
    await sleep(1000 / options.rate);
  }
  await waitFor(
    () => clients.warmedUp() >= warmUps * options.subscribers,
    60_000,
    () => `${clients.warmedUp()} warm-up deliveries`,
  );
  const resolutionsBefore = await counter(metricsUrls, 'ngohub_event_payload_resolutions_total');

  // CPU spent during the steady phase, per event: the gateway, the subgraphs, and this process (the clients' threads)
  const processes = {
    ...Object.fromEntries(gateways.map((gateway, k) => [`gateway ${k}`, gateway.child.pid])),
    ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.child.pid])),
  };
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMilliseconds(pid)]));
  const clientsBefore = process.cpuUsage();
  // a steady rate: one event every 1000/rate ms, each committed on its own
  const committedAt = [];
  for (let n = 0; n < options.events; n++) {
    committedAt[n] = await commitEvent(db, offset + n);
    await sleep(1000 / options.rate);
  }
  const steadyDeliveries = options.events * options.subscribers;
  await waitFor(
    () => clients.delivered() >= steadyDeliveries,
    60_000,
    () => `${clients.delivered()} of ${steadyDeliveries} deliveries`,
  );
  const clientsUsage = process.cpuUsage(clientsBefore);
  const cpuPerEvent = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, (cpuMilliseconds(pid) - cpuBefore[name]) / options.events]));
  cpuPerEvent.clients = (clientsUsage.user + clientsUsage.system) / 1000 / options.events;
  cpuPerEvent.gateway = gateways.reduce((sum, _, k) => sum + cpuPerEvent[`gateway ${k}`], 0);
  const resolutions = (await counter(metricsUrls, 'ngohub_event_payload_resolutions_total')) - resolutionsBefore;
  const rss = await counter(metricsUrls, 'process_resident_memory_bytes');

  // a burst: events committed back to back by one connection; how fast all subscribers get them all
  let burst = {};
  if (options.burst) {
    const burstStart = now();
    for (let n = 0; n < options.burst; n++) committedAt[options.events + n] = await commitEvent(db, offset + options.events + n);
    const committedSeconds = (now() - burstStart) / 1000;
    const all = (options.events + options.burst) * options.subscribers;
    await waitFor(
      () => clients.delivered() >= all,
      300_000,
      () => `${clients.delivered() - steadyDeliveries} of ${options.burst * options.subscribers} burst deliveries`,
    );
    burst = { burstStart, committedSeconds };
  }

  // every delivery: which event (its number, from the summary) and when it arrived
  const all = await clients.finish();
  // the last delivery of each warm-up event
  const warmUpLast = new Array(warmUps).fill(0);
  for (const [n, at] of all) if (n < 0) warmUpLast[-1 - n] = Math.max(warmUpLast[-1 - n], at - warmCommittedAt[-1 - n]);
  const arrivals = all.filter(([n]) => n >= 0).map(([n, at]) => [n - offset, at]);
  const steadyArrivals = arrivals.filter(([n]) => n < options.events);
  const latencies = steadyArrivals.map(([n, at]) => at - committedAt[n]);
  // the first and the last delivery of each event: the pipeline's own latency, and the fan-out's spread after it
  const firstOfEvent = new Array(options.events).fill(Infinity);
  const lastOfEvent = new Array(options.events).fill(0);
  for (const [n, at] of steadyArrivals) {
    firstOfEvent[n] = Math.min(firstOfEvent[n], at - committedAt[n]);
    lastOfEvent[n] = Math.max(lastOfEvent[n], at - committedAt[n]);
  }
  const steady = { selections: options.selections, latencies, firstOfEvent, lastOfEvent, warmUpLast, cpuPerEvent, connectSeconds, rss, resolutions };
  if (!options.burst) return steady;
  // no spread: 500,000 arguments overflow the stack
  const lastBurstArrival = arrivals.reduce((last, [n, at]) => (n >= options.events ? Math.max(last, at) : last), 0);
  return { ...steady, burstSeconds: (lastBurstArrival - burst.burstStart) / 1000, committedSeconds: burst.committedSeconds };
}

async function openSubscriptions(metricsUrls) {
  return counter(metricsUrls, 'ngohub_subscriptions_active', (line) => line.includes('field="sectorActivity"'));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const database = await createTestDatabase('ngohub_bench_live', { durable: true });
  const ports = { gateway: await freePort() };
  for (const name of SUBGRAPHS) ports[name] = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_SECOND: '0',
    // --profile DIR: every hub process writes a CPU profile there when it stops
    ...(options.profile ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${options.profile}`.trim() } : {}),
  };
  const hub = await startHub({ env, ports, stdio: 'inherit' });
  // --gateways N: N - 1 more instances in front of the same subgraphs and log
  const gateways = [hub.gateway];
  const db = new Client({ connectionString: database.url });
  let clients;
  try {
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, hub.subgraphs[name].url]));
    while (gateways.length < options.gateways) {
      gateways.push(
        await startService({
          name: `gateway ${gateways.length}`,
          entryPoint: entryPointOf('@ngo-hub/gateway', 'dist/main.js'),
          env: { ...env, ...urls, HOST: '127.0.0.1' },
          port: await freePort(),
          stdio: 'inherit',
        }),
      );
    }
    await db.connect();
    const floor = await notifyFloor(database.url, options.events);
    const rounds = [];
    let offset = 0;
    for (const selections of options.selections) {
      rounds.push(await round(hub, gateways, db, { ...options, selections }, offset, (c) => (clients = c)));
      offset += options.events + options.burst;
      await clients?.dispose();
      clients = undefined;
    }
    return { options, floor, rounds };
  } finally {
    await clients?.dispose();
    await db.end();
    await Promise.all(gateways.slice(1).map((gateway) => gateway.stop()));
    await hub.stop();
    await database.drop();
  }
}

/** A metric summed over its lines (those `only` keeps) and over the gateways. */
async function counter(metricsUrls, name, only = () => true) {
  const texts = await Promise.all(metricsUrls.map(async (url) => (await fetch(url)).text()));
  return texts
    .flatMap((text) => text.split('\n'))
    .filter((l) => (l.startsWith(`${name} `) || l.startsWith(`${name}{`)) && only(l))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

function report(r) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const { subscribers, events, rate, burst, gateways } = r.options;
  const rows = [];
  for (const x of r.rounds) {
    const p50 = percentile(x.latencies, 50);
    const p99 = percentile(x.latencies, 99);
    rows.push(
      [
        `${subscribers} subscribers, ${x.selections} selection${x.selections > 1 ? 's' : ''}${gateways > 1 ? `, ${gateways} gateways` : ''}`,
        '',
        `connected in ${x.connectSeconds.toFixed(1)} s`,
      ],
      ...(x.warmUpLast.length
        ? [
            [
              '  warm-up (not measured)',
              `${x.warmUpLast.length} events`,
              `the first after subscribing: last delivery ${ms(x.warmUpLast[0])}; the last warm-up event's ${ms(x.warmUpLast[x.warmUpLast.length - 1])}`,
            ],
          ]
        : []),
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
        `gateway${gateways > 1 ? `s (${gateways}, together)` : ''}; subgraphs ${SUBGRAPHS.map((name) => `${name} ${x.cpuPerEvent[name].toFixed(1)}`).join(', ')}; the bench's ${subscribers} clients (${r.options.threads} threads) ${x.cpuPerEvent.clients.toFixed(1)}`,
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
      ['  gateway RSS', `${Math.round(x.rss / 1048576)} MiB`, `with ${subscribers} sockets open${gateways > 1 ? `, over ${gateways} gateways` : ''}`],
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
