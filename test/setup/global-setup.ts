// Loads no ORM and no schema code: jest would share such globals with every test file.
import { randomBytes } from 'node:crypto';
import { startHub, type RunningHub } from '@ngo-hub/gateway/dist/hub/hub';
import { SUBGRAPHS } from '@ngo-hub/kit/config';
import { freePort } from '@ngo-hub/kit/processes';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';

declare global {
  var __NGOHUB_E2E__: { database: TestDatabase; hub: RunningHub } | undefined;
}

/**
 * Starts the real hub once for the end-to-end tests: a database of its own, the four subgraph
 * processes (migrated and seeded) and the gateway process, on free ports.
 */
export default async function globalSetup(): Promise<void> {
  // credentials of this run, shared by the hub's processes and the tests (see setup/identities.ts)
  process.env.GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_ADMIN_API_KEY ??= `ngo_${randomBytes(20).toString('hex')}`;
  const database = await createTestDatabase('ngohub_e2e');
  const ports = {
    gateway: await freePort(),
    ...Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const))),
  };
  const hub = await startHub({
    // webhooks are delivered by the gateways partners-webhooks.test.ts starts (short retry schedule, restarted)
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', WEBHOOK_DELIVERY: 'off' },
    ports,
    stdio: 'inherit',
  });
  globalThis.__NGOHUB_E2E__ = { database, hub };
  process.env.TEST_DATABASE_URL = database.url;
  process.env.E2E_GATEWAY_URL = hub.gatewayUrl;
  process.env.E2E_SUBGRAPH_URLS = JSON.stringify(Object.fromEntries(SUBGRAPHS.map((name) => [name, hub.subgraphs[name].url])));
}
