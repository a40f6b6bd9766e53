import { createTestDatabase, type TestDatabase } from './database';
import type { SubgraphName } from '../config';
import { TEST_GATEWAY_SECRET } from './identities';
import { startSharedNeighbours } from './shared-neighbours';

declare global {
  var __NGOHUB_TEST_DATABASE__: TestDatabase | undefined;
}

/**
 * Jest globalSetup: one database for the whole run of a workspace's tests (TEST_DATABASE_URL),
 * and the neighbour subgraphs its jest config lists in `globals.ngohubNeighbours`, started once
 * for every file (see shared-neighbours.ts).
 */
export default async function globalSetup(_global: unknown, project?: { globals?: Record<string, unknown> }): Promise<void> {
  const database = await createTestDatabase();
  globalThis.__NGOHUB_TEST_DATABASE__ = database;
  process.env.TEST_DATABASE_URL = database.url;
  // subgraphs started in child processes and the tests' signed requests share it
  process.env.GATEWAY_SECRET ??= TEST_GATEWAY_SECRET;
  const neighbours = (project?.globals?.ngohubNeighbours ?? []) as SubgraphName[];
  if (neighbours.length) await startSharedNeighbours(neighbours, { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
}
