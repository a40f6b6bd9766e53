import { readCounter } from '@ngo-hub/kit/testing/client';
import { gql, subgraphUrl } from './setup/hub';
import { adminHeaders } from './setup/identities';

const CITY = 'Fetchshare City';

async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables, adminHeaders());
  expect(errors).toBeUndefined();
  return data!;
}

async function createOrganization(name: string, kind = 'NGO'): Promise<string> {
  const data = await ok<{ createOrganization: { organization: { id: string } } }>(
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
    { input: { name, kind, city: CITY } },
  );
  return data.createOrganization.organization.id;
}

/** Requests the organizations subgraph has answered so far (its /metrics). */
function organizationsRequests(): Promise<number> {
  return readCounter(subgraphUrl('organizations').replace(/\/graphql$/, '/metrics'), 'ngohub_graphql_requests_total');
}

const GRANTS_OF_FUNDER = `query($funderId: ID!) { grants(filter: { funderId: $funderId }, first: 20) { nodes { title funder { id name } recipient { name } } } }`;
type Grants = { grants: { nodes: { title: string; funder: { id: string; name: string }; recipient: { name: string } }[] } };

describe('the gateway asks subgraphs for each thing once', () => {
  let funderId: string;

  beforeAll(async () => {
    funderId = await createOrganization('Fetchshare Foundation', 'FOUNDATION');
    for (let i = 0; i < 6; i++) {
      const recipient = await createOrganization(`Fetchshare Recipient ${i}`);
      await ok('mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }', {
        input: {
          title: `Fetchshare grant ${i}`,
          amountAwarded: { amount: '100.00', currency: 'CNY' },
          recipientOrganizationId: recipient,
          fundingOrganizationId: funderId,
          awardDate: '2024-05-01',
        },
      });
    }
  }, 60_000);

  it('answers an entity met many times in one fetch at every place it was met', async () => {
    const { grants } = await ok<Grants>(GRANTS_OF_FUNDER, { funderId });
    expect(grants.nodes).toHaveLength(6);
    for (const grant of grants.nodes) expect(grant.funder).toEqual({ id: funderId, name: 'Fetchshare Foundation' });
    expect(new Set(grants.nodes.map((g) => g.recipient.name)).size).toBe(6);
  });

  it('sends identical reads in flight at once to a subgraph once, and gives each caller the whole answer', async () => {
    const before = await organizationsRequests();
    const answers = await Promise.all(Array.from({ length: 12 }, () => gql<Grants>(GRANTS_OF_FUNDER, { funderId }, adminHeaders())));
    const after = await organizationsRequests();
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(answers[0].data);
    }
    expect(answers[0].data!.grants.nodes).toHaveLength(6);
    // each request needs one organizations fetch (funders and recipients); shared ones are sent once
    expect(after - before).toBeLessThan(12);
  });
});
