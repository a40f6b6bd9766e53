import { gatewayUrl, adminGql as gql, subgraphUrl } from './setup/hub';

async function scrape(graphqlUrl: string): Promise<string> {
  return (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
}

function value(text: string, metric: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('Prometheus metrics', () => {
  it('count and time operations by name, errors by code, and subgraph fetches by subgraph', async () => {
    const before = await scrape(gatewayUrl());
    await gql(`query MetricsProbe { organizations(first: 3) { nodes { name grantsReceived(first: 1) { totalCount } } } }`);
    await gql(`mutation MetricsProbeBad { createOrganization(input: { name: "", kind: NGO }) { organization { id } } }`);
    const after = await scrape(gatewayUrl());
    const delta = (metric: string, labels: Record<string, string>) => value(after, metric, labels) - value(before, metric, labels);
    expect(delta('ngohub_graphql_requests_total', { service: 'gateway', operation: 'MetricsProbe', outcome: 'ok' })).toBe(1);
    expect(delta('ngohub_graphql_requests_total', { service: 'gateway', operation: 'MetricsProbeBad', outcome: 'error' })).toBe(1);
    expect(delta('ngohub_graphql_errors_total', { service: 'gateway', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('ngohub_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'MetricsProbe' })).toBe(1);
    expect(delta('ngohub_subgraph_fetch_duration_seconds_count', { subgraph: 'funding', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it("show each subgraph's SQL statements and database pool", async () => {
    const text = await scrape(subgraphUrl('organizations'));
    expect(value(text, 'ngohub_sql_statements_total', { subgraph: 'organizations' })).toBeGreaterThan(0);
    expect(text).toMatch(/ngohub_db_pool_connections\{subgraph="organizations",state="used"\} \d+/);
    expect(text).toMatch(/ngohub_db_pool_connections\{subgraph="organizations",state="free"\} \d+/);
  });

  it('and the gateway is ready when every subgraph is', async () => {
    const response = await fetch(gatewayUrl().replace(/\/graphql$/, '/readyz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { supergraph: 'ok', organizations: 'ok', people: 'ok', funding: 'ok', training: 'ok' } });
  });
});
