import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL } from '../config';
import { dropDatabase, ensureDatabase, serverAnswers, withClient } from '../database';
import { databaseOn, startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { createLogger } from '../logger';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test run: on the server at DATABASE_URL, else on the local
 * PostgreSQL at 127.0.0.1:5432 when it answers, else on an embedded PostgreSQL started for the
 * run. `drop` removes the database (and stops the embedded server). A test's commits return before
 * the WAL reaches the disk (`synchronous_commit = off`), as nothing in it must survive a crash;
 * `durable` keeps production's commits, for benchmarks that measure writes and their latency.
 */
export async function createTestDatabase(prefix = 'ngohub_test', { durable = false }: { durable?: boolean } = {}): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const configured = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let url: string;
  if (await serverAnswers(configured)) {
    url = databaseOn(configured, name);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'ngohub-pg-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach it
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedPostgres({ dataDir, port, log: createLogger('test-postgres', 'warn'), persistent: false });
    url = databaseOn(embedded.serverUrl, name);
  }
  await ensureDatabase(url);
  if (!durable) await withClient(url, (client) => client.query(`alter database ${client.escapeIdentifier(name)} set synchronous_commit = off`));
  return {
    url,
    async drop() {
      await dropDatabase(url);
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
