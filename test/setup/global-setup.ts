// Loads no ORM and no schema code: jest would share such globals with every test file.
import { randomBytes } from 'node:crypto';
import { startHub, type RunningHub } from '@ngo-hub/gateway/dist/hub/hub';
import { SUBGRAPHS } from '@ngo-hub/kit/config';
import { freePort } from '@ngo-hub/kit/processes';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';
import globalTeardown from './global-teardown';
import type { WorkerHub } from './worker-hub';

declare global {
  var __NGOHUB_E2E__: { database: TestDatabase; hub: RunningHub }[] | undefined;
}

/** One hub: a database of its own, the four subgraph processes (migrated and seeded) and the gateway process, on free ports. */
async function startOneHub(): Promise<{ database: TestDatabase; hub: RunningHub }> {
  const database = await createTestDatabase('ngohub_e2e');
  const ports = {
    gateway: await freePort(),
    ...Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const))),
  };
  const hub = await startHub({
    // webhooks are delivered by the gateways partners-webhooks.test.ts starts (short retry schedule, restarted);
    // a subgraph starved of CPU by npm test's other runs may take over 10 s for a fixture's batch of 25
    // mutations: the hubs' gateways wait a minute (operations-failure.test.ts tests the timeout itself)
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', WEBHOOK_DELIVERY: 'off', SUBGRAPH_TIMEOUT_MS: '60000' },
    ports,
    stdio: 'inherit',
  });
  return { database, hub };
}

/**
 * Starts the real hub for the end-to-end tests, one per jest worker (`--maxWorkers`, 1 unless
 * asked): a worker runs its files one at a time against its own hub (setup/worker-hub.ts), so what
 * a file counts (SQL statements, gauges) is its own, and a worker that finishes a file takes the
 * next one waiting, so the hubs finish together.
 */
export default async function globalSetup(config: { maxWorkers: number }): Promise<void> {
  // credentials of this run, shared by the hubs' processes and the tests (see setup/identities.ts)
  process.env.GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_ADMIN_API_KEY ??= `ngo_${randomBytes(20).toString('hex')}`;
  const started = await Promise.allSettled(Array.from({ length: Math.max(1, config.maxWorkers) }, startOneHub));
  globalThis.__NGOHUB_E2E__ = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    // jest runs no teardown after a failed setup: the hubs that did start are stopped here
    await globalTeardown();
    throw failed.reason;
  }
  const hubs: WorkerHub[] = globalThis.__NGOHUB_E2E__.map(({ database, hub }) => ({
    databaseUrl: database.url,
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, hub.subgraphs[name].url])),
  }));
  process.env.E2E_HUBS_STARTED = JSON.stringify(hubs);
}
