import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, served at /metrics. */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics });

export const sqlStatements = new Counter({
  name: 'ngohub_sql_statements_total',
  help: 'SQL statements sent to PostgreSQL by this process, by subgraph and work: "graphql" while answering a GraphQL request, "other" for background work (audit retention, erasure retries), readiness checks and start-up.',
  labelNames: ['subgraph', 'work'] as const,
  registers: [metrics],
});

const answering = new AsyncLocalStorage<true>();

/**
 * Runs `work` as the answer to one GraphQL request: the SQL it sends (its audit insert included)
 * counts as `work="graphql"`, so a count of a request's statements is not disturbed by background
 * work that happens to run at the same moment.
 */
export function answeringGraphQL<T>(work: () => Promise<T>): Promise<T> {
  return answering.run(true, work);
}

/** Counts one SQL statement sent by `subgraph`, attributed to the work that sent it. */
export function countSqlStatement(subgraph: string): void {
  sqlStatements.inc({ subgraph, work: answering.getStore() ? 'graphql' : 'other' });
}

export const graphqlRequests = new Counter({
  name: 'ngohub_graphql_requests_total',
  help: 'GraphQL operations answered, by service, operation name and outcome (ok, error).',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [metrics],
});

export const graphqlErrors = new Counter({
  name: 'ngohub_graphql_errors_total',
  help: 'GraphQL errors returned, by service and error code.',
  labelNames: ['service', 'code'] as const,
  registers: [metrics],
});

export const graphqlDuration = new Histogram({
  name: 'ngohub_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL operation to sending its response, by service and operation name.',
  labelNames: ['service', 'operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const subgraphFetchDuration = new Histogram({
  name: 'ngohub_subgraph_fetch_duration_seconds',
  help: 'Gateway → subgraph fetches, by subgraph and outcome (ok, error, timeout, circuit_open).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

/** What the pool inside knex (tarn) tells about its connections. */
export interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

const pools = new Map<string, PoolStats>();

export const dbPoolConnections = new Gauge({
  name: 'ngohub_db_pool_connections',
  help: 'Database pool connections by state (used, free, pending acquires), read at scrape time.',
  labelNames: ['subgraph', 'state'] as const,
  registers: [metrics],
  collect() {
    for (const [subgraph, pool] of pools) {
      this.set({ subgraph, state: 'used' }, pool.numUsed());
      this.set({ subgraph, state: 'free' }, pool.numFree());
      this.set({ subgraph, state: 'pending' }, pool.numPendingAcquires());
    }
  },
});

export function observePool(subgraph: string, pool: PoolStats): void {
  pools.set(subgraph, pool);
}

const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();

/**
 * The operation label: the client's operation name while there are few of them. Names are
 * chosen by callers, so after 200 distinct ones (or a strange one) the label becomes "other":
 * a caller must not be able to grow the metrics without bound.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^\w{1,64}$/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

/** Counts, times and classifies every GraphQL operation of an Apollo Server. */
export function metricsPlugin<C extends BaseContext>(service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const stopTimer = graphqlDuration.startTimer();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const operation = operationLabel(operationName);
          const resultErrors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const all = [...(errors ?? []), ...(resultErrors ?? [])];
          for (const error of resultErrors ?? errors ?? []) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
            graphqlErrors.inc({ service, code });
          }
          graphqlRequests.inc({ service, operation, outcome: all.length ? 'error' : 'ok' });
          stopTimer({ service, operation });
        },
      };
    },
  };
}
