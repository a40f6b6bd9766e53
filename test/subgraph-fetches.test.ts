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

/** Requests a subgraph has answered so far (its /metrics). */
function requestsOf(name: 'organizations' | 'training'): Promise<number> {
  return readCounter(subgraphUrl(name).replace(/\/graphql$/, '/metrics'), 'ngohub_graphql_requests_total');
}
const organizationsRequests = () => requestsOf('organizations');

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

describe('the entity fetches an operation runs side by side against one subgraph', () => {
  const city = `Fetchmerge City ${Math.random().toString(36).slice(2, 8)}`;
  /** One page of one person of the city, under `alias`, with a field of training's that an anonymous caller is refused. */
  const page = (alias: string, after: boolean) =>
    `${alias}: people(filter: { city: $city }, first: 1${after ? ', after: $after' : ''}) { nodes { name enrollments { totalCount } } pageInfo { endCursor } }`;
  type Answer = { data?: Record<string, unknown>; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
  const errorsOf = (answer: Answer) =>
    (answer.errors ?? [])
      .map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }))
      .sort((x, y) => JSON.stringify(x.path).localeCompare(JSON.stringify(y.path)));

  beforeAll(async () => {
    for (const name of ['Fetchmerge Ana', 'Fetchmerge Bo']) {
      await ok('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', { input: { name, city, visibility: 'PUBLIC' } });
    }
  });

  it('go as one request, and each list gets its data and errors as if asked alone, for a caller refused a field', async () => {
    const first = (await gql(`query($city: String!) { ${page('a', false)} }`, { city })) as Answer;
    const after = (first.data!.a as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const second = (await gql(`query($city: String!, $after: String) { ${page('b', true)} }`, { city, after })) as Answer;
    expect(errorsOf(first).map((e) => e.code)).toEqual([expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/)]);

    const before = await requestsOf('training');
    const both = (await gql(`query($city: String!, $after: String) { ${page('a', false)} ${page('b', true)} }`, { city, after })) as Answer;
    expect((await requestsOf('training')) - before).toBe(1);
    expect(both.data).toEqual({ ...first.data, ...second.data });
    expect(errorsOf(both)).toEqual(errorsOf({ errors: [...(first.errors ?? []), ...(second.errors ?? [])] }));
  });
});
