import { createTestDatabase, type TestDatabase } from './database';
import { TEST_GATEWAY_SECRET } from './identities';

declare global {
  var __NGOHUB_TEST_DATABASE__: TestDatabase | undefined;
}

/** Jest globalSetup: one database for the whole run of a workspace's tests (TEST_DATABASE_URL). */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  globalThis.__NGOHUB_TEST_DATABASE__ = database;
  process.env.TEST_DATABASE_URL = database.url;
  // subgraphs started in child processes and the tests' signed requests share it
  process.env.GATEWAY_SECRET ??= TEST_GATEWAY_SECRET;
}
