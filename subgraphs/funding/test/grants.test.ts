import { createLogger, encodeCursor, seedId } from '@ngo-hub/kit';
import { asAnonymous, graphqlRequestAs } from '@ngo-hub/kit/testing';
import { fundingSubgraph } from '../src';
import { SEED_GRANTS, SEED_PROGRAMMES } from '../seed/funding.seed';
import { startFundingHub, type FundingHub } from './support/hub';

const CHENGDU_CITY = seedId('org:chengdu-municipal-government');
const CHENGDU_2012 = seedId('programme:chengdu-2012-purchase-of-services');

interface GrantNodes {
  grants: { totalCount: number; nodes: { identifier: string }[] };
}

describe('grants and funding programmes (queries, seed, federation)', () => {
  let hub: FundingHub;

  async function identifiers(filter: Record<string, unknown>, first = 100): Promise<string[]> {
    const { data, errors } = await hub.funding.request<GrantNodes>(
      `query($filter: GrantFilter, $first: Int) { grants(filter: $filter, first: $first) { nodes { identifier } } }`,
      {
        filter,
        first,
      },
    );
    expect(errors).toBeUndefined();
    return data!.grants.nodes.map((g) => g.identifier);
  }

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it('serves a seeded grant with its exact amount, programme and organizations', async () => {
    const { data } = await hub.funding.request(
      `query($id: ID!) { grant(id: $id) {
        identifier title amountAwarded { amount currency } awardDate plannedStartDate plannedEndDate status causeAreas beneficiaryLocation
        recipient { id } funder { id } programme { name nameZh kind year budget { amount currency } funder { id } }
      } }`,
      { id: seedId('grant:chengdu-2012-migrant-children-culture-and-health') },
    );
    expect(data).toEqual({
      grant: {
        identifier: '360G-chengdu-2012-003',
        title: '流动儿童文化健康服务 (Culture and health activities for migrant children)',
        amountAwarded: { amount: '286400.75', currency: 'CNY' },
        awardDate: '2012-05-15',
        plannedStartDate: '2012-06-01',
        plannedEndDate: '2013-05-31',
        status: 'COMPLETED',
        causeAreas: ['CHILDREN_AND_YOUTH', 'MIGRANT_WORKERS', 'CULTURE', 'HEALTH'],
        beneficiaryLocation: 'Chengdu, Sichuan',
        recipient: { id: seedId('org:chengdu-migrant-children-center') },
        funder: { id: CHENGDU_CITY },
        programme: {
          name: 'Chengdu purchase of services from social organizations (2012)',
          nameZh: '成都市政府向社会组织购买服务（2012年）',
          kind: 'GOVERNMENT_PURCHASE_OF_SERVICES',
          year: 2012,
          budget: { amount: '160000000.00', currency: 'CNY' },
          funder: { id: CHENGDU_CITY },
        },
      },
    });
  });

  it('answers null, not an error, for a grant that does not exist or an id that is not a UUID', async () => {
    const { data, errors } = await hub.funding.request(
      `{ missing: grant(id: "00000000-0000-4000-8000-000000000000") { id } malformed: grant(id: "42") { id } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ missing: null, malformed: null });
  });

  it('keeps the seeded grants of a programme well below its budget', async () => {
    const chengdu = SEED_GRANTS.filter((g) => g.programme === 'chengdu-2012-purchase-of-services');
    const cents = chengdu.reduce((sum, g) => sum + BigInt(g.amount.replace('.', '')), 0n);
    expect(cents * 10n).toBeLessThan(BigInt(SEED_PROGRAMMES[0].budget!.amount.replace('.', '')));
  });

  it('filters by funder and year, newest award first (ties broken by id)', async () => {
    const expected = SEED_GRANTS.filter((g) => g.funder === CHENGDU_CITY)
      .map((g) => ({ identifier: g.identifier, awardDate: g.awardDate, id: seedId(`grant:${g.slug}`) }))
      .sort((a, b) => b.awardDate.localeCompare(a.awardDate) || b.id.localeCompare(a.id))
      .map((g) => g.identifier);
    expect(expected).toHaveLength(4);
    expect(await identifiers({ funderId: CHENGDU_CITY, year: 2012 })).toEqual(expected);
    expect(await identifiers({ funderId: CHENGDU_CITY, year: 2013 })).toEqual([]);
  });

  it('filters by recipient, programme, status, currency, cause and title search (English or Chinese)', async () => {
    expect(await identifiers({ recipientId: seedId('org:chengdu-community-legal-aid') })).toEqual(['360G-chengdu-2012-002']);
    expect((await identifiers({ programmeId: CHENGDU_2012 })).sort()).toEqual([
      '360G-chengdu-2012-001',
      '360G-chengdu-2012-002',
      '360G-chengdu-2012-003',
      '360G-chengdu-2012-004',
    ]);
    expect(await identifiers({ programmeId: CHENGDU_2012, causeAreas: ['LEGAL_AID', 'ELDERLY_CARE'] })).toHaveLength(2);
    expect(await identifiers({ funderId: CHENGDU_CITY, status: 'COMPLETED', currency: 'cny' })).toHaveLength(4);
    expect(await identifiers({ funderId: CHENGDU_CITY, status: 'CANCELLED' })).toEqual([]);
    expect(await identifiers({ search: 'legal services' })).toEqual(['360G-chengdu-2012-002']);
    expect(await identifiers({ search: '养老' })).toEqual(['360G-chengdu-2012-001']);
    expect(await identifiers({ search: '100%' })).toEqual([]);
  });

  it('refuses a filter with a malformed id, an unknown currency or an impossible year', async () => {
    const cases = [
      [{ funderId: 'chengdu' }, 'filter.funderId'],
      [{ currency: 'XYZ' }, 'filter.currency'],
      [{ year: 12 }, 'filter.year'],
    ] as const;
    for (const [filter, field] of cases) {
      const { errors } = await hub.funding.request(`query($filter: GrantFilter) { grants(filter: $filter) { totalCount } }`, { filter });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('pages through grants one at a time with cursors, without gaps or repeats, across equal award dates', async () => {
    const filter = { programmeId: CHENGDU_2012 };
    const all = await identifiers(filter);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { grants: { nodes: { identifier: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await hub.funding.request(
        `query($filter: GrantFilter, $after: String) { grants(filter: $filter, first: 1, after: $after) { nodes { identifier } pageInfo { hasNextPage endCursor } } }`,
        { filter, after },
      );
      seen.push(...page.data!.grants.nodes.map((n) => n.identifier));
      if (!page.data!.grants.pageInfo.hasNextPage) break;
      after = page.data!.grants.pageInfo.endCursor;
    }
    expect(all).toHaveLength(4);
    expect(seen).toEqual(all);
  });

  it('refuses a page size over the limit and a forged cursor, also one that decodes but does not fit the list', async () => {
    const big = await hub.funding.request(`{ grants(first: 1000) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await hub.funding.request(`{ grants(after: "not-a-cursor") { totalCount } }`);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const after of [encodeCursor('abc', seedId('grant:x')), encodeCursor('yesterday', seedId('grant:x')), encodeCursor('2012-01-01', 'not-a-uuid')]) {
      const list = await hub.funding.request(`query($after: String) { grants(after: $after) { totalCount } }`, { after });
      expect(list.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const nested = await hub.funding.request(`query($id: ID!, $after: String) { fundingProgramme(id: $id) { grants(after: $after) { totalCount } } }`, {
        id: CHENGDU_2012,
        after,
      });
      expect(nested.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('lists programmes by funder, kind and year, with their grants paginated', async () => {
    const { data, errors } = await hub.funding.request<{
      fundingProgrammes: {
        totalCount: number;
        nodes: { id: string; grants: { totalCount: number; nodes: { identifier: string }[]; pageInfo: { hasNextPage: boolean } } }[];
      };
    }>(
      `query($funderId: ID) { fundingProgrammes(filter: { funderId: $funderId, kind: GOVERNMENT_PURCHASE_OF_SERVICES, year: 2012 }) {
        totalCount nodes { id grants(first: 3) { totalCount nodes { identifier } pageInfo { hasNextPage } } } } }`,
      { funderId: CHENGDU_CITY },
    );
    expect(errors).toBeUndefined();
    expect(data!.fundingProgrammes.totalCount).toBe(1);
    expect(data!.fundingProgrammes.nodes[0]).toMatchObject({ id: CHENGDU_2012, grants: { totalCount: 4, pageInfo: { hasNextPage: true } } });
    expect(data!.fundingProgrammes.nodes[0].grants.nodes).toHaveLength(3);
    const one = await hub.funding.request(`query($id: ID!) { fundingProgramme(id: $id) { name } }`, { id: CHENGDU_2012 });
    expect(one.data).toEqual({ fundingProgramme: { name: 'Chengdu purchase of services from social organizations (2012)' } });
  });

  it('resolves Grant references for the gateway in one SQL statement for many ids', async () => {
    const representations = SEED_GRANTS.map((g) => ({ __typename: 'Grant', id: seedId(`grant:${g.slug}`) }));
    const before = await hub.funding.sqlStatements();
    const { data } = await hub.funding.request<{ _entities: ({ identifier: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grant { identifier } } }`,
      { r: [...representations, { __typename: 'Grant', id: 'not-a-uuid' }] },
    );
    expect((await hub.funding.sqlStatements()) - before).toBe(1);
    expect(data!._entities.map((e) => e?.identifier ?? null)).toEqual([...SEED_GRANTS.map((g) => g.identifier), null]);
  });

  it('refers only to organizations the organizations subgraph seeds', async () => {
    const ids = [...new Set([...SEED_PROGRAMMES.map((p) => p.funder), ...SEED_GRANTS.flatMap((g) => [g.recipient, g.funder])])];
    const { data } = await graphqlRequestAs<{ _entities: ({ id: string } | null)[] }>(
      asAnonymous(),
      hub.organizations.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id } } }`,
      { r: ids.map((id) => ({ __typename: 'Organization', id })) },
    );
    expect(data!._entities.map((e) => e?.id)).toEqual(ids);
  });

  it('loads the seed a second time without writing or changing anything', async () => {
    const before = await hub.funding.request(`{ grants(first: 100) { totalCount } fundingProgrammes(first: 100) { totalCount } }`);
    const em = hub.funding.running.orm.em.fork();
    const written = await em.transactional((tx) => fundingSubgraph.seed!(tx, createLogger('funding', 'silent')));
    expect(written).toBe(0);
    const after = await hub.funding.request(`{ grants(first: 100) { totalCount } fundingProgrammes(first: 100) { totalCount } }`);
    expect(after.data).toEqual(before.data);
  });
});
