import type { SubgraphDefinition } from '../subgraph';
import { migrateSubgraph, seedSubgraph, startSubgraph, type RunningSubgraph } from '../subgraph';
import { createLogger } from '../logger';
import { subgraphUrls } from '../config';
import type { Identity } from '../auth/identity';
import { graphqlRequest, readCounter, type GraphQLResponse } from './http';
import { asAnonymous, identityHeaders, testGatewaySecret } from './identities';

export interface TestSubgraph {
  running: RunningSubgraph;
  url: string;
  /** Sends an operation to the subgraph over HTTP, signed for the suite's identity (default: anonymous). */
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The same, acting as another identity (`asAdmin()`, `asPerson(id)`, `asMember(orgId)`). */
  as(identity: Identity): Pick<TestSubgraph, 'request'>;
  /** SQL statements this subgraph has sent so far answering GraphQL requests (its own Prometheus counter; background work not counted). */
  sqlStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph in the test process on a free port against the run's database
 * (TEST_DATABASE_URL), with its migrations applied and, optionally, its seed loaded.
 */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: { seed?: boolean; env?: NodeJS.ProcessEnv; identity?: Identity } = {},
): Promise<TestSubgraph> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error("TEST_DATABASE_URL is not set: run the tests through jest with the kit's globalSetup");
  const log = createLogger(definition.name, process.env.LOG_LEVEL ?? 'silent');
  await migrateSubgraph(definition, databaseUrl, log);
  if (options.seed) await seedSubgraph(definition, databaseUrl, log);
  const running = await startSubgraph(
    definition,
    {
      name: definition.name,
      host: '127.0.0.1',
      port: 0,
      databaseUrl,
      urls: subgraphUrls(options.env ?? process.env),
      logLevel: 'silent',
      gatewaySecret: testGatewaySecret(),
      auditRetentionDays: 730,
    },
    log,
  );
  const metricsUrl = running.url.replace(/\/graphql$/, '/metrics');
  const requester = (identity: Identity) => ({
    request: async <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
      graphqlRequest<T>(running.url, query, variables, { ...(await identityHeaders(identity)), ...headers }),
  });
  return {
    running,
    url: running.url,
    request: requester(options.identity ?? asAnonymous()).request,
    as: requester,
    sqlStatements: () => readCounter(metricsUrl, 'ngohub_sql_statements_total', { subgraph: definition.name, work: 'graphql' }),
    stop: () => running.stop().then(() => new Promise<void>((resolve) => running.server.close(() => resolve()))),
  };
}
