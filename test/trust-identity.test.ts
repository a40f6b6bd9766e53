import { graphqlRequest, IDENTITY_HEADER, seedId } from '@ngo-hub/kit/testing/client';
import { gql, subgraphUrl } from './setup/hub';
import { adminHeaders, apiKeyHeaders, userHeaders, userJwt } from './setup/identities';

const NPI = seedId('org:npi');
/** The seed's illustrative hub account that administers NPI. */
const NPI_ADMIN = seedId('person:npi-hub-admin');
const UPDATE = `mutation($id: ID!, $website: String) { updateOrganization(id: $id, input: { website: $website }) { organization { website } } }`;

describe('identity: who the hub believes, and bypassing the gateway', () => {
  it.each(['organizations', 'people', 'funding', 'training'] as const)(
    'the %s subgraph refuses a request without the gateway signature, or with a forged one',
    async (name) => {
      const unsigned = await graphqlRequest(subgraphUrl(name), '{ __typename }');
      expect(unsigned.status).toBe(401);
      expect(unsigned.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const forged = await graphqlRequest(subgraphUrl(name), '{ __typename }', undefined, { [IDENTITY_HEADER]: await userJwt(NPI_ADMIN, { admin: true }) });
      expect(forged.status).toBe(401);
      expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(forged)).not.toMatch(/at \w+ \(|select |stack/i);
    },
  );

  it('lets anonymous callers read the public directory but not write', async () => {
    const read = await gql<{ organization: { name: string } }>(`query($id: ID!) { organization(id: $id) { name } }`, { id: NPI });
    expect(read.data!.organization.name).toMatch(/NPI/);
    const write = await gql(UPDATE, { id: NPI, website: 'https://anonymous.example.org' });
    expect(write.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad credential as UNAUTHENTICATED rather than treating it as anonymous', async () => {
    const badCredentials: Record<string, string>[] = [
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${await userJwt(NPI_ADMIN, { secret: 'some-other-secret-that-is-long-enough-000' })}` },
      { authorization: `Bearer ${await userJwt(NPI_ADMIN, { audience: 'another-app' })}` },
      { authorization: `Bearer ${await userJwt(NPI_ADMIN, { expiresIn: '-1m' })}` },
      { 'x-api-key': `ngo_${'0'.repeat(40)}` },
      { 'x-api-key': 'short' },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ];
    for (const headers of badCredentials) {
      const response = await gql(`{ organizations(first: 1) { totalCount } }`, undefined, headers);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    }
  });

  it('lets a user with a JWT write for the organization they administer, and no other', async () => {
    const lu = await userHeaders(NPI_ADMIN);
    const own = await gql<{ updateOrganization: { organization: { website: string } } }>(UPDATE, { id: NPI, website: 'https://www.npi.org.cn/' }, lu);
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateOrganization.organization.website).toBe('https://www.npi.org.cn/');
    const other = await gql(UPDATE, { id: seedId('org:spinachina'), website: 'https://spina.example.org' }, lu);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("accepts an organization's API key for its own data, and refuses it within seconds of revocation", async () => {
    const created = await gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation { createApiKey(input: { organizationId: "${NPI}", name: "e2e key" }) { key apiKey { id } } }`,
      undefined,
      await userHeaders(NPI_ADMIN),
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    const used = await gql(UPDATE, { id: NPI, website: 'https://npi.example.org' }, apiKeyHeaders(key));
    expect(used.errors).toBeUndefined();
    const asHeader = await gql(UPDATE, { id: NPI, website: 'https://npi.example.org' }, { authorization: `ApiKey ${key}` });
    expect(asHeader.errors).toBeUndefined();
    const revoked = await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } } }`, { id: apiKey.id }, adminHeaders());
    expect(revoked.errors).toBeUndefined();
    const deadline = Date.now() + 15_000;
    let code: unknown;
    while (Date.now() < deadline) {
      code = (await gql(`{ __typename }`, undefined, apiKeyHeaders(key))).errors?.[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(code).toBe('UNAUTHENTICATED');
  });
});
