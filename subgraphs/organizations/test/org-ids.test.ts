import { newId } from '@ngo-hub/kit';
import { asAdmin, asService, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { creditCodeCheckCharacter } from '../src/services/credit-code';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id country orgId orgIds } } }`;
const BY_ORG_ID = `query($orgId: String) { organization(orgId: $orgId) { id orgId orgIds } }`;

describe('org-ids of organizations (360Giving identity)', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  it("keeps every org-id an organization is published with, after its credit code's, and finds it by any of them", async () => {
    const tag = newId().slice(0, 8);
    const first17 = `5231011${String(Date.now()).slice(-10)}`;
    const code = first17 + creditCodeCheckCharacter(first17);
    const { data, errors } = await subgraph.request<{ createOrganization: { organization: { id: string; orgId: string; orgIds: string[] } } }>(CREATE, {
      input: {
        name: `Two Registers ${tag}`,
        kind: 'NGO',
        registration: { status: 'REGISTERED', creditCode: code },
        orgIds: [`gb-chc-${tag}`, `360G-pub-${tag}`, `GB-CHC-${tag}`],
      },
    });
    expect(errors).toBeUndefined();
    const organization = data!.createOrganization.organization;
    expect(organization).toMatchObject({ orgId: `CN-USCI-${code}`, orgIds: [`CN-USCI-${code}`, `GB-CHC-${tag}`, `360G-pub-${tag}`] });
    for (const orgId of [`GB-CHC-${tag}`, `gb-chc-${tag}`, `360G-pub-${tag}`, `CN-USCI-${code}`]) {
      const found = await subgraph.request<{ organization: { id: string } | null }>(BY_ORG_ID, { orgId });
      expect(found.data!.organization?.id).toBe(organization.id);
    }
    expect((await subgraph.request<{ organization: null }>(BY_ORG_ID, { orgId: `GB-COH-${tag}` })).data!.organization).toBeNull();
    const listed = await subgraph.request<{ organizations: { totalCount: number; nodes: { id: string }[] } }>(
      'query($orgIds: [String!]) { organizations(filter: { orgIds: $orgIds }) { totalCount nodes { id } } }',
      { orgIds: [`360G-pub-${tag}`, `GB-COH-${tag}`] },
    );
    expect(listed.data!.organizations).toEqual({ totalCount: 1, nodes: [{ id: organization.id }] });
  });

  it('refuses an org-id another organization has (CONFLICT), one that is not an org-id, and a credit code given as one', async () => {
    const tag = newId().slice(0, 8);
    const first = await subgraph.request(CREATE, { input: { name: `Holder ${tag}`, kind: 'NGO', country: 'GB', orgIds: [`GB-COH-${tag}`] } });
    expect(first.errors).toBeUndefined();
    const taken = await subgraph.request(CREATE, { input: { name: `Taker ${tag}`, kind: 'NGO', orgIds: [`GB-COH-${tag}`] } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'orgIds' });
    const malformed = await subgraph.request(CREATE, { input: { name: `Malformed ${tag}`, kind: 'NGO', orgIds: ['Effervescent'] } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgIds' });
    const usci = await subgraph.request(CREATE, { input: { name: `USCI ${tag}`, kind: 'NGO', orgIds: ['CN-USCI-91510100MA6C1234X1'] } });
    expect(usci.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgIds' });
    expect(usci.errors?.[0].message).toContain('registration.creditCode');
  });

  it('takes either id or orgId in organization(…), and keeps an unknown country as null', async () => {
    const neither = await subgraph.request('{ organization { id } }');
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await subgraph.request<{ createOrganization: { organization: { country: string | null } } }>(CREATE, {
      input: { name: `Nowhere ${newId()}`, kind: 'NGO', country: null },
    });
    expect(unknown.data!.createOrganization.organization.country).toBeNull();
    const defaulted = await subgraph.request<{ createOrganization: { organization: { country: string | null } } }>(CREATE, {
      input: { name: `Default ${newId()}`, kind: 'NGO' },
    });
    expect(defaulted.data!.createOrganization.organization.country).toBe('CN');
  });

  it("creates an importer's organizations in one request, each on its own: a refused one says why and leaves the others created; only the hub's services may", async () => {
    const tag = newId().slice(0, 8).toUpperCase();
    const BATCH = `mutation($inputs: [CreateOrganizationInput!]!) { _createOrganizations(inputs: $inputs) { id errorCode errorField } }`;
    const first17 = `5231012${String(Date.now()).slice(-10)}`;
    const registration = { status: 'REGISTERED', creditCode: first17 + creditCodeCheckCharacter(first17) };
    const inputs = [
      { name: `Batch One ${tag}`, kind: 'NGO', orgIds: [`GB-CHC-${tag}1`], registration },
      { name: `Batch Taken ${tag}`, kind: 'NGO', orgIds: [`GB-CHC-${tag}1`] },
      { name: `Batch Two ${tag}`, kind: 'FOUNDATION', orgIds: [`GB-COH-${tag}2`] },
      { name: `Batch Same Code ${tag}`, kind: 'NGO', registration },
      { name: ' ', kind: 'NGO' },
    ];
    const refused = await subgraph.request(BATCH, { inputs });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.request<{ organization: null }>(BY_ORG_ID, { orgId: `GB-CHC-${tag}1` })).data!.organization).toBeNull();

    const { data, errors } = await subgraph
      .as(asService('funding'))
      .request<{ _createOrganizations: { id: string | null; errorCode: string | null; errorField: string | null }[] }>(BATCH, { inputs });
    expect(errors).toBeUndefined();
    const [one, taken, two, sameCode, blank] = data!._createOrganizations;
    expect(taken).toEqual({ id: null, errorCode: 'CONFLICT', errorField: 'orgIds' });
    expect(sameCode).toEqual({ id: null, errorCode: 'CONFLICT', errorField: 'registration.creditCode' });
    expect(blank).toEqual({ id: null, errorCode: 'BAD_USER_INPUT', errorField: 'name' });
    expect((await subgraph.request<{ organization: { id: string } }>(BY_ORG_ID, { orgId: `GB-CHC-${tag}1` })).data!.organization.id).toBe(one.id);
    expect((await subgraph.request<{ organization: { id: string } }>(BY_ORG_ID, { orgId: `GB-COH-${tag}2` })).data!.organization.id).toBe(two.id);
  });
});
