import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { pruneAuditEntries } from '@ngo-hub/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { organizationsSubgraph } from '../src';
import { creditCodeCheckCharacter } from '../src/services/credit-code';

/** A valid credit code built from 17 characters by computing its check character. */
function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name nameZh kind city orgId registration { status creditCode } } } }`;

describe('organizations subgraph', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  it('creates an organization with a valid credit code and exposes its org-id', async () => {
    const code = creditCode('91510100MA6C1234X');
    const { data, errors } = await subgraph.request(CREATE, {
      input: { name: 'Chengdu Test Org', nameZh: '成都测试机构', kind: 'NGO', city: 'Chengdu', registration: { status: 'REGISTERED', creditCode: code } },
    });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      createOrganization: { organization: { name: 'Chengdu Test Org', orgId: `CN-USCI-${code}`, registration: { creditCode: code } } },
    });
  });

  it('refuses a credit code with a wrong check character, saying which one is right, and writes nothing', async () => {
    const good = creditCode('52310115MJ5123456');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await subgraph.request<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`);
    const { errors } = await subgraph.request(CREATE, { input: { name: 'Bad Code', kind: 'NGO', registration: { status: 'REGISTERED', creditCode: wrong } } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registration.creditCode' });
    expect(errors?.[0].message).toContain(`should be ${good[17]}`);
    const after = await subgraph.request<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`);
    expect(after.data!.organizations.totalCount).toBe(before.data!.organizations.totalCount);
  });

  it.each([
    ['too short', '9131011'],
    ['letters outside the alphabet', 'I1310115MA1K3YJ12X'],
  ])('refuses a credit code that is %s', async (_case, code) => {
    const { errors } = await subgraph.request(CREATE, { input: { name: 'Bad', kind: 'NGO', registration: { status: 'REGISTERED', creditCode: code } } });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a second organization with the same credit code as a conflict', async () => {
    const code = creditCode('53510100MJ0000001');
    const first = await subgraph.request(CREATE, { input: { name: 'First', kind: 'FOUNDATION', registration: { status: 'REGISTERED', creditCode: code } } });
    expect(first.errors).toBeUndefined();
    const second = await subgraph.request(CREATE, { input: { name: 'Second', kind: 'FOUNDATION', registration: { status: 'REGISTERED', creditCode: code } } });
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('finds organizations by Chinese and English name, case-insensitively', async () => {
    const zh = await subgraph.request<{ organizations: { nodes: { name: string }[] } }>(
      `{ organizations(filter: { search: "恩派" }, first: 10) { nodes { name } } }`,
    );
    expect(zh.data!.organizations.nodes.map((o) => o.name)).toEqual(expect.arrayContaining(['NPI (Non-Profit Incubator)']));
    const mixed = await subgraph.request<{ organizations: { nodes: { name: string }[] } }>(
      `{ organizations(filter: { search: "npi CHENGDU" }) { nodes { name } } }`,
    );
    expect(mixed.data!.organizations.nodes.map((o) => o.name)).toEqual(['NPI Chengdu']);
    const en = await subgraph.request<{ organizations: { nodes: { name: string }[] } }>(
      `{ organizations(filter: { search: "service park" }) { nodes { name } } }`,
    );
    expect(en.data!.organizations.nodes.map((o) => o.name)).toEqual(['Chengdu NGO Service Park']);
  });

  it('filters by city, kind, cause, registration status and stage together', async () => {
    const { data } = await subgraph.request<{ organizations: { nodes: { name: string }[] } }>(
      `{ organizations(filter: { city: "chengdu", kinds: [NGO], causeAreas: [LEGAL_AID], registrationStatuses: [REGISTERED], stages: [STARTUP] }) { nodes { name } } }`,
    );
    expect(data!.organizations.nodes.map((o) => o.name)).toEqual(['Chengdu Community Legal Service Center']);
  });

  it('pages through a list with cursors, without gaps or repeats', async () => {
    const city = `Pagecity ${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < 9; i++) await subgraph.request(CREATE, { input: { name: `Paged ${i % 3}`, kind: 'NGO', city } });
    const all = await subgraph.request<{ organizations: { totalCount: number; nodes: { id: string }[] } }>(
      `query($city: String!) { organizations(filter: { city: $city }, first: 100) { totalCount nodes { id } } }`,
      { city },
    );
    expect(all.data!.organizations.totalCount).toBe(9);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { organizations: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
        await subgraph.request(
          `query($city: String!, $after: String) { organizations(filter: { city: $city }, first: 4, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { city, after },
        );
      seen.push(...page.data!.organizations.nodes.map((n) => n.id));
      if (!page.data!.organizations.pageInfo.hasNextPage) break;
      after = page.data!.organizations.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.organizations.nodes.map((n) => n.id));
    expect(seen).toHaveLength(9);
  });

  it('refuses a page size over the limit and a forged cursor', async () => {
    const big = await subgraph.request(`{ organizations(first: 1000) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await subgraph.request(`{ organizations(after: "not-a-cursor") { totalCount } }`);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('updates only the fields given and reports an unknown id as NOT_FOUND', async () => {
    const created = await subgraph.request<{ createOrganization: { organization: { id: string } } }>(CREATE, {
      input: { name: 'Before', kind: 'NGO', city: 'Chengdu' },
    });
    const id = created.data!.createOrganization.organization.id;
    const { data } = await subgraph.request<{ updateOrganization: { organization: { name: string; city: string } } }>(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "After" }) { organization { name city } } }`,
      { id },
    );
    expect(data!.updateOrganization.organization).toEqual({ name: 'After', city: 'Chengdu' });
    const missing = await subgraph.request(
      `mutation { updateOrganization(id: "00000000-0000-4000-8000-000000000000", input: { name: "X" }) { organization { id } } }`,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects an empty name, a bad website and a founding date in the future', async () => {
    const cases = [
      [{ name: '  ', kind: 'NGO' }, 'name'],
      [{ name: 'A', kind: 'NGO', website: 'ftp://example.org' }, 'website'],
      [{ name: 'A', kind: 'NGO', foundedOn: '2999-01-01' }, 'foundedOn'],
    ] as const;
    for (const [input, field] of cases) {
      const { errors } = await subgraph.request(CREATE, { input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('resolves federation references in one SQL statement for many ids', async () => {
    const { data } = await subgraph.request<{ organizations: { nodes: { id: string }[] } }>(`{ organizations(first: 10) { nodes { id } } }`);
    const representations = data!.organizations.nodes.map((n) => ({ __typename: 'Organization', id: n.id }));
    const before = await subgraph.sqlStatements();
    const result = await subgraph.request<{ _entities: { id: string }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }`,
      { r: [...representations, { __typename: 'Organization', id: 'not-a-uuid' }] },
    );
    expect(result.data!._entities.slice(0, 10).map((e) => e.id)).toEqual(representations.map((r) => r.id));
    expect(result.data!._entities[10]).toBeNull();
    expect((await subgraph.sqlStatements()) - before).toBe(1);
  });

  it("counts a request's SQL statements apart from background work that runs at the same moment", async () => {
    const em = subgraph.running.orm.em as EntityManager;
    const read = () => subgraph.request<{ organizations: { totalCount: number } }>(`{ organizations(first: 1) { nodes { id } totalCount } }`);
    let before = await subgraph.sqlStatements();
    await read();
    const alone = (await subgraph.sqlStatements()) - before;
    expect(alone).toBeGreaterThan(0);
    // the hourly audit prune runs while the same request is answered: it is not counted as the request's
    before = await subgraph.sqlStatements();
    const [, answer] = await Promise.all([pruneAuditEntries(em, 730), read(), pruneAuditEntries(em, 730)]);
    expect(answer.data!.organizations.totalCount).toBeGreaterThan(0);
    expect((await subgraph.sqlStatements()) - before).toBe(alone);
  });
});
