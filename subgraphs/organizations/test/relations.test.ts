import { seedId } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { createOrganizations, daysFromToday, failure, mutateAll, ok, statementsDuring, unique } from './support/fixtures';

const ADD = `mutation($input: AddOrganizationRelationInput!) { addOrganizationRelation(input: $input) { relation { id kind startedOn endedOn note active from { id } to { id } } } }`;
const END = `mutation($input: EndOrganizationRelationInput!) { endOrganizationRelation(input: $input) { relation { id endedOn active } } }`;
const RELATIONS = `query($id: ID!, $kinds: [OrganizationRelationKind!], $direction: RelationDirection!, $active: Boolean, $first: Int, $after: String) {
  organization(id: $id) {
    relations(kinds: $kinds, direction: $direction, active: $active, first: $first, after: $after) {
      totalCount
      edges { cursor direction relatedOrganization { id } node { id kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface RelationsAnswer {
  organization: {
    relations: {
      totalCount: number;
      edges: { cursor: string; direction: string; relatedOrganization: { id: string }; node: { id: string; kind: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

describe('relations between organizations', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  const add = (input: Record<string, unknown>) =>
    subgraph.request<{ addOrganizationRelation: { relation: { id: string; active: boolean; endedOn: string | null } } }>(ADD, { input });
  const relationsOf = (id: string, args: Record<string, unknown> = {}) => ok<RelationsAnswer>(subgraph, RELATIONS, { id, direction: 'BOTH', ...args });

  async function three(): Promise<[string, string, string]> {
    return (await createOrganizations(
      subgraph,
      ['A', 'B', 'C'].map((x) => ({ name: unique(`Related ${x}`), kind: 'NGO', city: 'Chengdu' })),
    )) as [string, string, string];
  }

  it('shows a relation from both ends, each edge with its direction and the organization at the other end', async () => {
    const [ngo, bureau] = await three();
    const added = await add({ kind: 'SUPERVISED_BY', fromOrganizationId: ngo, toOrganizationId: bureau, startedOn: '2015-05-01', note: 'Supervising unit' });
    expect(added.data!.addOrganizationRelation.relation).toMatchObject({
      kind: 'SUPERVISED_BY',
      active: true,
      from: { id: ngo },
      to: { id: bureau },
      note: 'Supervising unit',
    });
    const id = added.data!.addOrganizationRelation.relation.id;
    expect((await relationsOf(ngo)).organization.relations.edges).toEqual([
      expect.objectContaining({ direction: 'OUTGOING', relatedOrganization: { id: bureau }, node: { id, kind: 'SUPERVISED_BY' } }),
    ]);
    expect((await relationsOf(bureau)).organization.relations.edges).toEqual([
      expect.objectContaining({ direction: 'INCOMING', relatedOrganization: { id: ngo }, node: { id, kind: 'SUPERVISED_BY' } }),
    ]);
    expect((await relationsOf(bureau, { direction: 'OUTGOING' })).organization.relations.totalCount).toBe(0);
    expect((await relationsOf(bureau, { direction: 'INCOMING' })).organization.relations.totalCount).toBe(1);
  });

  it('filters relations by kind and by whether they are active', async () => {
    const [a, b, c] = await three();
    await ok(subgraph, ADD, { input: { kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b } });
    await ok(subgraph, ADD, { input: { kind: 'MEMBER_OF', fromOrganizationId: a, toOrganizationId: c, startedOn: '2010-01-01', endedOn: '2012-01-01' } });
    expect((await relationsOf(a, { kinds: ['MEMBER_OF'] })).organization.relations.edges.map((e) => e.relatedOrganization.id)).toEqual([c]);
    expect((await relationsOf(a, { active: true })).organization.relations.edges.map((e) => e.node.kind)).toEqual(['PARTNER']);
    expect((await relationsOf(a, { active: false })).organization.relations.edges.map((e) => e.node.kind)).toEqual(['MEMBER_OF']);
    expect((await relationsOf(a, { kinds: ['PARTNER', 'MEMBER_OF'] })).organization.relations.totalCount).toBe(2);
  });

  it('refuses a relation of an organization with itself', async () => {
    const [a] = await three();
    expect(failure(await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: a }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'toOrganizationId',
    });
  });

  it('refuses a second active relation of the same kind, also reversed for symmetric kinds, and writes nothing', async () => {
    const [a, b] = await three();
    const first = await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b });
    const again = await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b });
    expect(failure(again)).toMatchObject({ code: 'CONFLICT', field: 'toOrganizationId' });
    expect(again.errors![0].extensions!.relationId).toBe(first.data!.addOrganizationRelation.relation.id);
    expect(failure(await add({ kind: 'PARTNER', fromOrganizationId: b, toOrganizationId: a })).message).toMatch(
      /active PARTNER relation .* \(in either direction\) exists already/,
    );
    expect(failure(await add({ kind: 'MEMBER_OF', fromOrganizationId: a, toOrganizationId: b })).code).toBeUndefined();
    expect(failure(await add({ kind: 'MEMBER_OF', fromOrganizationId: b, toOrganizationId: a })).code).toBeUndefined();
    expect((await relationsOf(a)).organization.relations.totalCount).toBe(3);
  });

  it('allows the same kind again once the earlier relation has ended', async () => {
    const [a, b] = await three();
    const first = await add({ kind: 'CO_ORGANIZER', fromOrganizationId: a, toOrganizationId: b, startedOn: '2018-01-01' });
    const ended = await ok<{ endOrganizationRelation: { relation: { endedOn: string; active: boolean } } }>(subgraph, END, {
      input: { id: first.data!.addOrganizationRelation.relation.id, endedOn: '2019-12-31' },
    });
    expect(ended.endOrganizationRelation.relation).toMatchObject({ endedOn: '2019-12-31', active: false });
    expect(failure(await add({ kind: 'CO_ORGANIZER', fromOrganizationId: b, toOrganizationId: a, startedOn: '2021-01-01' })).code).toBeUndefined();
    expect((await relationsOf(a, { kinds: ['CO_ORGANIZER'] })).organization.relations.totalCount).toBe(2);
  });

  it('refuses ending a relation twice, before it began or in the future, and an unknown relation', async () => {
    const [a, b] = await three();
    const { id } = (await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b, startedOn: '2018-01-01' })).data!.addOrganizationRelation.relation;
    expect(failure(await subgraph.request(END, { input: { id, endedOn: '2017-12-31' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });
    expect(failure(await subgraph.request(END, { input: { id, endedOn: daysFromToday(2) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });
    await ok(subgraph, END, { input: { id } });
    const twice = await subgraph.request(END, { input: { id } });
    expect(failure(twice)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(failure(twice).message).toMatch(/ended on \d{4}-\d{2}-\d{2} already/);
    expect(failure(await subgraph.request(END, { input: { id: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('names the unknown organization and refuses an end before the start', async () => {
    const [a, b] = await three();
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(failure(await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: nobody }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'toOrganizationId',
    });
    expect(failure(await add({ kind: 'PARTNER', fromOrganizationId: 'nope', toOrganizationId: b }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'fromOrganizationId',
    });
    expect(failure(await add({ kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b, startedOn: '2020-01-01', endedOn: '2019-01-01' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endedOn',
    });
  });

  it('adds one of ten identical relations sent at once, and refuses the others as conflicts', async () => {
    const [a, b] = await three();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        add(i % 2 ? { kind: 'PARTNER', fromOrganizationId: a, toOrganizationId: b } : { kind: 'PARTNER', fromOrganizationId: b, toOrganizationId: a }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => failure(r).code)).toEqual(Array(9).fill('CONFLICT'));
  });

  it('pages through relations with and without start dates without gaps or repeats', async () => {
    const [hub] = await three();
    const others = await createOrganizations(
      subgraph,
      Array.from({ length: 7 }, (_, i) => ({ name: unique(`Spoke ${i}`), kind: 'NGO' })),
    );
    await mutateAll(
      subgraph,
      'addOrganizationRelation',
      'AddOrganizationRelationInput',
      'relation { id }',
      others.map((other, i) =>
        i % 2
          ? { kind: 'MEMBER_OF', fromOrganizationId: other, toOrganizationId: hub, startedOn: `201${i}-01-01` }
          : { kind: 'PARTNER', fromOrganizationId: hub, toOrganizationId: other },
      ),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: RelationsAnswer = await relationsOf(hub, { first: 2, after });
      seen.push(...data.organization.relations.edges.map((e) => e.relatedOrganization.id));
      if (!data.organization.relations.pageInfo.hasNextPage) break;
      after = data.organization.relations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(others));
    expect(failure(await subgraph.request(RELATIONS, { id: hub, direction: 'BOTH', after: 'forged' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('reads the relations of 2 and of 20 organizations with the same statements', async () => {
    const prefix = unique('Relcount');
    const ids = await createOrganizations(
      subgraph,
      Array.from({ length: 20 }, (_, i) => ({ name: `${prefix} ${String(i).padStart(2, '0')}`, kind: 'NGO' })),
    );
    await mutateAll(
      subgraph,
      'addOrganizationRelation',
      'AddOrganizationRelationInput',
      'relation { id }',
      ids.flatMap((id, i) => [
        { kind: 'PARTNER', fromOrganizationId: id, toOrganizationId: ids[(i + 1) % ids.length], startedOn: '2020-01-01' },
        { kind: 'MEMBER_OF', fromOrganizationId: id, toOrganizationId: ids[(i + 5) % ids.length] },
      ]),
    );
    const query = `query($search: String!, $first: Int!) {
      organizations(filter: { search: $search }, first: $first) {
        nodes { name relations(first: 10) { totalCount edges { direction relatedOrganization { name } node { kind from { name } to { name } } } } }
      }
    }`;
    const costs: number[] = [];
    for (const first of [2, 20]) {
      costs.push(
        await statementsDuring(subgraph, async () => {
          const data = await ok<{ organizations: { nodes: { relations: { totalCount: number; edges: unknown[] } }[] } }>(subgraph, query, {
            search: prefix,
            first,
          });
          expect(data.organizations.nodes).toHaveLength(first);
          for (const organization of data.organizations.nodes) expect(organization.relations.totalCount).toBe(4);
        }),
      );
    }
    expect(costs[1]).toBe(costs[0]);
    expect(costs[0]).toBeLessThanOrEqual(5);
  });

  it("has NPI's replications in Beijing, Chengdu and Shenzhen, the Chengdu foundation's model and the Park's co-organizers, in the seed", async () => {
    const npi = await relationsOf(seedId('org:npi'), { kinds: ['REPLICATED_MODEL_OF'] });
    expect(npi.organization.relations.edges.map((e) => e.direction)).toEqual(['INCOMING', 'INCOMING', 'INCOMING']);
    expect(new Set(npi.organization.relations.edges.map((e) => e.relatedOrganization.id))).toEqual(
      new Set(['npi-beijing', 'npi-chengdu', 'npi-shenzhen'].map((slug) => seedId(`org:${slug}`))),
    );
    const foundation = await relationsOf(seedId('org:chengdu-social-organization-development-foundation'), {
      kinds: ['REPLICATED_MODEL_OF'],
      direction: 'OUTGOING',
    });
    expect(foundation.organization.relations.edges.map((e) => e.relatedOrganization.id)).toEqual([seedId('org:shanghai-united-foundation')]);
    const park = await relationsOf(seedId('org:chengdu-ngo-service-park'), { kinds: ['CO_ORGANIZER'] });
    expect(new Set(park.organization.relations.edges.map((e) => e.relatedOrganization.id))).toEqual(
      new Set(['swufe', 'taiwan-red-cross', 'shuangliu-county-disabled-persons-federation'].map((slug) => seedId(`org:${slug}`))),
    );
    expect((await relationsOf(seedId('org:chengdu-ngo-service-park'), { kinds: ['PARTNER'] })).organization.relations.edges).toEqual([]);
  });
});
