import type { SubgraphDefinition } from '../subgraph';
import { migrateSubgraph, seedSubgraph, startSubgraph, type RunningSubgraph } from '../subgraph';
import { createLogger } from '../logger';
import { subgraphUrls } from '../config';
import { graphqlRequest, readCounter, type GraphQLResponse } from './http';

export interface TestSubgraph {
  running: RunningSubgraph;
  url: string;
  /** Sends an operation to the subgraph over HTTP. */
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** SQL statements this process has sent so far (the subgraph's own Prometheus counter). */
  sqlStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph in the test process on a free port against the run's database
 * (TEST_DATABASE_URL), with its migrations applied and, optionally, its seed loaded.
 */
export async function startTestSubgraph(definition: SubgraphDefinition, options: { seed?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestSubgraph> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest with the kit\'s globalSetup');
  const log = createLogger(definition.name, process.env.LOG_LEVEL ?? 'silent');
  await migrateSubgraph(definition, databaseUrl, log);
  if (options.seed) await seedSubgraph(definition, databaseUrl, log);
  const running = await startSubgraph(
    definition,
    { name: definition.name, host: '127.0.0.1', port: 0, databaseUrl, urls: subgraphUrls(options.env ?? process.env), logLevel: 'silent' },
    log,
  );
  const metricsUrl = running.url.replace(/\/graphql$/, '/metrics');
  return {
    running,
    url: running.url,
    request: <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => graphqlRequest<T>(running.url, query, variables, headers),
    sqlStatements: () => readCounter(metricsUrl, 'ngohub_sql_statements_total'),
    stop: () => running.stop().then(() => new Promise<void>((resolve) => running.server.close(() => resolve()))),
  };
}
