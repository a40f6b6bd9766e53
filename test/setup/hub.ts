import type { SubgraphName } from '@ngo-hub/kit';
import { graphqlRequest, readCounter } from '@ngo-hub/kit/testing/client';
import { adminHeaders } from './identities';

/** The running gateway's /graphql URL (started by the global setup). */
export function gatewayUrl(): string {
  const url = process.env.E2E_GATEWAY_URL;
  if (!url) throw new Error('E2E_GATEWAY_URL is not set: run through jest (test/jest.config.js)');
  return url;
}

export function subgraphUrl(name: SubgraphName): string {
  return (JSON.parse(process.env.E2E_SUBGRAPH_URLS ?? '{}') as Record<SubgraphName, string>)[name];
}

/** Sends an operation to the gateway over HTTP, as any client would. */
export function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  return graphqlRequest<T>(gatewayUrl(), query, variables, headers);
}

/** As `gql`, as a hub admin unless other headers are given: for tests about data, not about who may see it. */
export function adminGql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = adminHeaders()) {
  return graphqlRequest<T>(gatewayUrl(), query, variables, headers);
}

/** As `adminGql`, returning the data and failing the test with the errors when there are any. */
export async function must<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = adminHeaders()): Promise<T> {
  const { data, errors } = await adminGql<T>(query, variables, headers);
  if (errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(errors)}`);
  return data!;
}

/** SQL statements each subgraph process has sent so far answering GraphQL requests, read from its /metrics. */
export async function sqlStatements(): Promise<Record<SubgraphName, number>> {
  const names: SubgraphName[] = ['organizations', 'people', 'funding', 'training'];
  const counts = await Promise.all(
    names.map((name) => readCounter(subgraphUrl(name).replace(/\/graphql$/, '/metrics'), 'ngohub_sql_statements_total', { work: 'graphql' })),
  );
  return Object.fromEntries(names.map((name, i) => [name, counts[i]])) as Record<SubgraphName, number>;
}

/** SQL statements each subgraph sent while `action` ran. */
export async function countSql(action: () => Promise<unknown>): Promise<Record<SubgraphName, number>> {
  const before = await sqlStatements();
  await action();
  const after = await sqlStatements();
  return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - before[name as SubgraphName]])) as Record<SubgraphName, number>;
}
