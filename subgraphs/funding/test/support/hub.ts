import { freePort, startSubgraphProcess, type ChildService } from '@ngo-hub/kit';
import { asAdmin, identityHeaders, prepareOnce, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { fundingSubgraph } from '../../src';

export interface FundingHub {
  funding: TestSubgraph;
  organizations: ChildService;
  stop(): Promise<void>;
}

/**
 * The funding subgraph in this process, with its seed, and the real organizations subgraph in a
 * child process (migrated and seeded), both on the run's database.
 */
export async function startFundingHub(): Promise<FundingHub> {
  const env = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'warn' };
  await prepareOnce('organizations', env);
  const organizations = await startSubgraphProcess('organizations', await freePort(), env);
  // fundingFlows and the 360Giving export ask the organizations subgraph from within resolvers, at ORGANIZATIONS_URL
  process.env.ORGANIZATIONS_URL = organizations.url;
  try {
    const funding = await startTestSubgraph(fundingSubgraph, {
      seed: true,
      identity: asAdmin(),
      env: { ...process.env, ORGANIZATIONS_URL: organizations.url },
    });
    return {
      funding,
      organizations,
      async stop() {
        await funding.stop();
        await organizations.stop();
      },
    };
  } catch (error) {
    await organizations.stop();
    throw error;
  }
}

/** Creates an organization through the organizations subgraph's own API; returns its id. */
export async function createOrganization(organizations: ChildService, name: string, fields: Record<string, unknown> = {}): Promise<string> {
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
