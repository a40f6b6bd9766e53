import { callerIdentity, type Identity } from '@ngo-hub/kit';
import { asAdmin, asAnonymous, asPerson, asService, identityHeaders, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { unique } from './support/fixtures';

// The Cache-Control a subgraph answers with is what the gateway's response cache keeps an answer by.
const DIRECTORY = 'query($city: String!) { organizations(filter: { city: $city }, first: 5) { nodes { id name city } } }';
const CITY = unique('Cache Hint City');

/** The answer's Cache-Control header (null without one) and its data. */
async function ask(subgraph: TestSubgraph, identity: Identity, query = DIRECTORY): Promise<{ cacheControl: string | null; body: unknown }> {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await identityHeaders(identity)) },
    body: JSON.stringify({ query, variables: { city: CITY } }),
  });
  return { cacheControl: response.headers.get('cache-control'), body: await response.json() };
}

describe("cache hints: a subgraph's Cache-Control", () => {
  let subgraph: TestSubgraph;
  const partnerKey = () => callerIdentity({ apiKeyId: '0b7c6c1e-3f39-4d2a-9d5e-2f7a9d0e1a11', memberships: [] });

  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph);
    const created = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(asAdmin())) },
      body: JSON.stringify({
        query: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
        variables: { input: { name: unique('Cache Hint NGO'), kind: 'NGO', city: CITY } },
      }),
    });
    expect(((await created.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
  afterAll(() => subgraph?.stop());

  it("gives anonymous callers and partners' API keys the directory's max-age, shareable", async () => {
    for (const identity of [asAnonymous(), partnerKey()]) {
      expect((await ask(subgraph, identity)).cacheControl).toBe('max-age=300, public');
    }
  });

  it('gives those callers a count its shorter max-age, and a write no-store', async () => {
    const count = await ask(subgraph, asAnonymous(), 'query($city: String!) { organizations(filter: { city: $city }) { totalCount } }');
    expect(count.cacheControl).toBe('max-age=10, public');
    const write = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(partnerKey())) },
      body: JSON.stringify({ query: 'mutation { createOrganization(input: { name: "x", kind: NGO }) { organization { id } } }' }),
    });
    expect(write.headers.get('cache-control')).toBe('no-store');
  });

  it('sends no hints to people, hub admins and the hub’s services, whose answers no shared cache keeps: the same data, no Cache-Control', async () => {
    const shared = await ask(subgraph, asAnonymous());
    for (const identity of [asAdmin(), asPerson('5d0c7c43-6f1a-4e0e-9b53-6c1e0f5a2b77'), asService()]) {
      const answer = await ask(subgraph, identity);
      expect(answer).toEqual({ cacheControl: null, body: shared.body });
    }
  });
});
