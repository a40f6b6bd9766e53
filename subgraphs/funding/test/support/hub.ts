import { asAdmin, identityHeaders, sharedNeighbour, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { fundingSubgraph } from '../../src';

export interface FundingHub {
  funding: TestSubgraph;
  /** The run's organizations subgraph, a child process shared by its files (jest.config.js). */
  organizations: { url: string };
  stop(): Promise<void>;
}

/**
 * The funding subgraph in this process, with its seed, in front of the run's organizations
 * subgraph (migrated and seeded), both on the run's database.
 */
export async function startFundingHub(): Promise<FundingHub> {
  const organizations = sharedNeighbour('organizations');
  // fundingFlows and the 360Giving export ask the organizations subgraph from within resolvers, at ORGANIZATIONS_URL
  process.env.ORGANIZATIONS_URL = organizations.url;
  const funding = await startTestSubgraph(fundingSubgraph, {
    seed: true,
    identity: asAdmin(),
    env: { ...process.env, ORGANIZATIONS_URL: organizations.url },
  });
  return { funding, organizations, stop: () => funding.stop() };
}

/** Creates an organization through the organizations subgraph's own API; returns its id. */
export async function createOrganization(organizations: { url: string }, name: string, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(organizations.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await identityHeaders(asAdmin())) },
    body: JSON.stringify({
      query: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
      variables: { input: { name, kind: 'NGO', city: 'Chengdu', ...fields } },
    }),
  });
  const body = (await response.json()) as { data?: { createOrganization: { organization: { id: string } } }; errors?: unknown };
  if (!body.data) throw new Error(`could not create organization ${name}: ${JSON.stringify(body.errors)}`);
  return body.data.createOrganization.organization.id;
}
