'use strict';
// A share of the benchmark's subscribers, in a worker thread of the bench process: graphql-ws
// clients as a dashboard opens them, each recording when each event arrived. Dashboards run on
// their viewers' machines; in one thread the thousand clients' own work (~23 ms of CPU per event)
// queued behind itself and was measured as the hub's latency.
//   workerData: { urls, from, count, city, entities, selections }: subscriber i connects to urls[i mod urls.length]
// Posts { type: 'connected' }, then { type: 'delivered', delivered, warmedUp } every 50 ms (warm-up events are counted apart); on 'finish' posts
// { type: 'arrivals', arrivals } (event number, -1 - k for warm-up event k; time since the epoch in ms: pairs in a Float64Array)
// and closes its clients.
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

/** Milliseconds since the epoch, sub-millisecond: comparable across the bench's threads. */
const now = () => performance.timeOrigin + performance.now();

/** Subscriber i's selection: with n selections, subscribers i and i + n share one. */
function selectionOf(i, entities, selections) {
  if (!entities) return '';
  return selections > 1 ? `organization { name people(first: ${(i % selections) + 1}) { totalCount } }` : 'organization { name }';
}

async function main() {
  const { urls, from, count, city, entities, selections } = workerData;
  const arrivals = [];
  let delivered = 0;
  let warmedUp = 0;
  const onEvent = (result) => {
    const at = now();
    const event = result.data && result.data.sectorActivity;
    if (!event || (entities && !event.organization)) throw new Error(`subscriber got ${JSON.stringify(result)}`);
    if (event.summary.startsWith('warm-up')) {
      // warm-up event k is recorded as -1 - k
      warmedUp += 1;
      return void arrivals.push(-1 - Number(event.summary.slice('warm-up '.length)), at);
    }
    delivered += 1;
    arrivals.push(Number(event.summary.slice('bench '.length)), at);
  };
  const clients = [];
  for (let start = 0; start < count; start += 100) {
    const ready = [];
    for (let i = from + start; i < from + Math.min(count, start + 100); i++) {
      const client = createClient({ url: urls[i % urls.length], webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      clients.push(client);
      ready.push(
        new Promise((resolve, reject) => {
          client.on('connected', resolve);
          client.subscribe(
            { query: `subscription { sectorActivity(filter: { city: "${city}" }) { eventId summary ${selectionOf(i, entities, selections)} } }` },
            {
              next: onEvent,
              error: (error) => reject(new Error(`subscriber ${i} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`)),
              complete: () => undefined,
            },
          );
        }),
      );
    }
    await Promise.all(ready);
  }
  parentPort.postMessage({ type: 'connected' });
  const progress = setInterval(() => parentPort.postMessage({ type: 'delivered', delivered, warmedUp }), 50);
  parentPort.on('message', async (message) => {
    if (message !== 'finish') return;
    clearInterval(progress);
    const list = Float64Array.from(arrivals);
    parentPort.postMessage({ type: 'arrivals', arrivals: list }, [list.buffer]);
    await Promise.all(clients.map((client) => client.dispose()));
    parentPort.close();
  });
}

main().catch((error) => parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
