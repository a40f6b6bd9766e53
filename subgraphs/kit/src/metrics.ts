import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, served at /metrics. */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics });

export const sqlStatements = new Counter({
  name: 'ngohub_sql_statements_total',
  help: 'SQL statements sent to PostgreSQL by this process.',
  labelNames: ['subgraph'] as const,
  registers: [metrics],
});

export const graphqlRequests = new Counter({
  name: 'ngohub_graphql_requests_total',
  help: 'GraphQL requests answered, by outcome.',
  labelNames: ['service', 'outcome'] as const,
  registers: [metrics],
});
