import { hashApiKey, IDENTITY_HEADER, seedId, signIdentity, callerIdentity } from '@ngo-hub/kit';
import {
  asAdmin,
  asAnonymous,
  asMember,
  asPerson,
  asService,
  graphqlRequest,
  startTestSubgraph,
  testGatewaySecret,
  type TestSubgraph,
} from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { failure, unique } from './support/fixtures';

const NPI = seedId('org:npi');
const SPINACHINA = seedId('org:spinachina');
/** The seed's illustrative hub account that administers NPI. */
const NPI_ADMIN = seedId('person:npi-hub-admin');

const UPDATE = `mutation($id: ID!, $stage: DevelopmentStage) { updateOrganization(id: $id, input: { stage: $stage }) { organization { id stage } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix role revokedAt } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } } }`;
const CREDENTIAL = `query($hash: String!) { _apiKeyCredential(hash: $hash) { id organizationId role } }`;

describe('who may write an organization, and its members and API keys', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  });
  afterAll(() => subgraph?.stop());

  it('refuses a request without the gateway signature, and one with a forged or expired signature', async () => {
    const unsigned = await graphqlRequest(subgraph.url, '{ organizations(first: 1) { totalCount } }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unsigned.data).toBeUndefined();

    const forged = await graphqlRequest(subgraph.url, '{ organizations(first: 1) { totalCount } }', undefined, {
      [IDENTITY_HEADER]: await signIdentity(callerIdentity({ admin: true }), 'not-the-gateway-secret-but-long-enough-0123456789'),
    });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const { SignJWT } = await import('jose');
    const expired = await new SignJWT({ identity: { kind: 'caller', admin: true, memberships: [] } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('ngo-hub-gateway')
      .setAudience('ngo-hub-subgraph')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(new TextEncoder().encode(testGatewaySecret()));
    const late = await graphqlRequest(subgraph.url, '{ organizations(first: 1) { totalCount } }', undefined, { [IDENTITY_HEADER]: expired });
    expect(late.status).toBe(401);

    const health = await fetch(subgraph.url.replace(/\/graphql$/, '/healthz'));
    expect(health.status).toBe(200);
  });

  it("lets only the organization's editors and hub admins change it", async () => {
    const anonymous = await subgraph.as(asAnonymous()).request(UPDATE, { id: NPI, stage: 'MATURE' });
    expect(failure(anonymous).code).toBe('UNAUTHENTICATED');
    const otherOrganization = await subgraph.as(asMember(SPINACHINA, 'ADMIN')).request(UPDATE, { id: NPI, stage: 'MATURE' });
    expect(failure(otherOrganization).code).toBe('FORBIDDEN');
    expect(failure(otherOrganization).message).toMatch(/Mutation.updateOrganization is for editors and admins/);
    const editor = await subgraph
      .as(asMember(NPI, 'EDITOR'))
      .request<{ updateOrganization: { organization: { stage: string } } }>(UPDATE, { id: NPI, stage: 'MATURE' });
    expect(editor.errors).toBeUndefined();
    expect(editor.data!.updateOrganization.organization.stage).toBe('MATURE');
    const admin = await subgraph.as(asAdmin()).request(UPDATE, { id: SPINACHINA, stage: 'GROWTH' });
    expect(admin.errors).toBeUndefined();
  });

  it('creates an API key shown once and stored only as its hash, and revokes it', async () => {
    const name = unique('dashboard');
    const created = await subgraph
      .as(asPerson(NPI_ADMIN, [{ organizationId: NPI, role: 'ADMIN' }]))
      .request<{ createApiKey: { key: string; apiKey: { id: string; prefix: string; role: string } } }>(CREATE_KEY, { input: { organizationId: NPI, name } });
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(key).toMatch(/^ngo_[0-9a-f]{40}$/);
    expect(apiKey).toMatchObject({ prefix: key.slice(0, 12), role: 'EDITOR' });
    const stored = await subgraph.running.orm.em.fork().getConnection().execute(`select hash from organizations.api_key where id = ?`, [apiKey.id]);
    expect(stored).toEqual([{ hash: hashApiKey(key) }]);

    const found = await subgraph.as(asService('gateway')).request<{ _apiKeyCredential: unknown }>(CREDENTIAL, { hash: hashApiKey(key) });
    expect(found.data!._apiKeyCredential).toEqual({ id: apiKey.id, organizationId: NPI, role: 'EDITOR' });

    const listed = await subgraph
      .as(asMember(NPI, 'ADMIN'))
      .request<{ organization: { apiKeys: { id: string }[] } }>(`query($id: ID!) { organization(id: $id) { apiKeys { id } } }`, { id: NPI });
    expect(listed.data!.organization.apiKeys.map((k) => k.id)).toContain(apiKey.id);

    const revoked = await subgraph.as(asMember(NPI, 'ADMIN')).request<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(REVOKE_KEY, { id: apiKey.id });
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).toBeTruthy();
    const again = await subgraph.as(asMember(NPI, 'ADMIN')).request(REVOKE_KEY, { id: apiKey.id });
    expect(failure(again).code).toBe('CONFLICT');
    const gone = await subgraph.as(asService('gateway')).request<{ _apiKeyCredential: unknown }>(CREDENTIAL, { hash: hashApiKey(key) });
    expect(gone.data!._apiKeyCredential).toBeNull();
  });

  it("lets only the organization's admins manage keys: editors, other organizations and anonymous callers are refused", async () => {
    for (const identity of [asMember(NPI, 'EDITOR'), asMember(SPINACHINA, 'ADMIN'), asPerson(NPI_ADMIN)]) {
      const response = await subgraph.as(identity).request(CREATE_KEY, { input: { organizationId: NPI, name: 'not allowed' } });
      expect(failure(response).code).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    const keys = await subgraph
      .as(asMember(NPI, 'EDITOR'))
      .request<{ organization: { apiKeys: unknown } }>(`query($id: ID!) { organization(id: $id) { name apiKeys { id } } }`, { id: NPI });
    expect(keys.data!.organization.apiKeys).toBeNull();
    expect(failure(keys).code).toBe('FORBIDDEN');
  });

  it("answers the internal credential fields to the hub's services only", async () => {
    const response = await subgraph.as(asAdmin()).request(CREDENTIAL, { hash: 'x' });
    expect(failure(response).code).toBe('FORBIDDEN');
    const memberships = await subgraph
      .as(asService('gateway'))
      .request<{ _membershipsOf: unknown[] }>(`query($id: ID!) { _membershipsOf(personId: $id) { organizationId role } }`, { id: NPI_ADMIN });
    expect(memberships.data!._membershipsOf).toEqual([{ organizationId: NPI, role: 'ADMIN' }]);
  });

  it("lists members to the organization's members only, in one statement for many organizations", async () => {
    const hidden = await subgraph
      .as(asAnonymous())
      .request<{ organization: { members: unknown } }>(`query($id: ID!) { organization(id: $id) { members { role } } }`, { id: NPI });
    expect(hidden.data!.organization.members).toBeNull();
    const seen = await subgraph
      .as(asMember(NPI))
      .request<{ organization: { members: { role: string; person: { id: string } }[] } }>(
        `query($id: ID!) { organization(id: $id) { members { role person { id } } } }`,
        { id: NPI },
      );
    expect(seen.data!.organization.members).toContainEqual({ role: 'ADMIN', person: { id: NPI_ADMIN } });
    const before = await subgraph.sqlStatements();
    const many = await subgraph.as(asAdmin()).request(`{ organizations(first: 20) { nodes { members { role } apiKeys { id } } } }`);
    expect(many.errors).toBeUndefined();
    expect((await subgraph.sqlStatements()) - before).toBeLessThanOrEqual(4);
  });
  it("makes a person who creates an organization its ADMIN member, and an API key or hub admin that creates one nobody's", async () => {
    const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
    const MEMBERS = `query($id: ID!) { _membershipsOf(personId: $id) { organizationId role } }`;
    const founder = '7a0d1c52-3f7e-4b7e-9a55-2f1f0c7b9e01';
    const created = await subgraph
      .as(asPerson(founder))
      .request<{ createOrganization: { organization: { id: string } } }>(CREATE, { input: { name: unique('Founded'), kind: 'NGO' } });
    expect(created.errors).toBeUndefined();
    const memberships = await subgraph.as(asService('gateway')).request<{ _membershipsOf: unknown[] }>(MEMBERS, { id: founder });
    expect(memberships.data!._membershipsOf).toEqual([{ organizationId: created.data!.createOrganization.organization.id, role: 'ADMIN' }]);

    const byAdmin = await subgraph
      .as(asAdmin())
      .request<{ createOrganization: { organization: { id: string } } }>(CREATE, { input: { name: unique('Registered'), kind: 'NGO' } });
    const members = await subgraph
      .as(asAdmin())
      .request<{ organization: { members: unknown[] } }>(`query($id: ID!) { organization(id: $id) { members { role } } }`, {
        id: byAdmin.data!.createOrganization.organization.id,
      });
    expect(members.data!.organization.members).toEqual([]);
  });
});
