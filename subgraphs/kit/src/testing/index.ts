import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL } from '../config';
import { dropDatabase, ensureDatabase, serverAnswers } from '../database';
import { databaseOn, startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { createLogger } from '../logger';
export * from './subgraph';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test run: on the server at DATABASE_URL, else on the local
 * PostgreSQL at 127.0.0.1:5432 when it answers, else on an embedded PostgreSQL started for the
 * run. `drop` removes the database (and stops the embedded server).
 */
export async function createTestDatabase(prefix = 'ngohub_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const configured = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let url: string;
  if (await serverAnswers(configured)) {
    url = databaseOn(configured, name);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'ngohub-pg-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedPostgres({ dataDir, port, log: createLogger('test-postgres', 'warn'), persistent: false });
    url = databaseOn(embedded.serverUrl, name);
  }
  await ensureDatabase(url);
  return {
    url,
    async drop() {
      await dropDatabase(url);
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads a Prometheus counter's value (summed over its labels) from a /metrics endpoint. */
export async function readCounter(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** Posts a GraphQL operation and returns the parsed body with the HTTP status. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: never[] };
  return { status: response.status, ...body };
}
