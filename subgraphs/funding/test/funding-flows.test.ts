import { encodeCursor, seedId } from '@ngo-hub/kit';
import { GrantStatus } from '../src/entities/grant';
import { insertGrants } from './support/grants';
import { createOrganization, startFundingHub, type FundingHub } from './support/hub';

const org = (slug: string) => seedId(`org:${slug}`);
const FLOWS = `query($filter: FundingFlowFilter, $first: Int, $after: String) {
  fundingFlows(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { funder { id } recipient { id } grantCount totals { amount currency } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Flow {
  funder: { id: string };
  recipient: { id: string };
  grantCount: number;
  totals: { amount: string; currency: string }[];
}
interface Flows {
  totalCount: number;
  nodes: Flow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('fundingFlows (funder → recipient edges of the sector map)', () => {
  let hub: FundingHub;

  async function flows(filter: Record<string, unknown>, first?: number, after?: string | null): Promise<Flows> {
    const { data, errors } = await hub.funding.request<{ fundingFlows: Flows }>(FLOWS, { filter, first, after });
    expect(errors).toBeUndefined();
    return data!.fundingFlows;
  }
  const edge = (flow: Flow) => `${flow.funder.id}→${flow.recipient.id}`;

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it("answers the flows into Chengdu in 2012 from the seed: the city's purchases (illustrative example projects)", async () => {
    const result = await flows({ city: 'chengdu', yearFrom: 2012, yearTo: 2012 });
    expect(result.totalCount).toBe(4);
    expect(result.nodes.map(edge).sort()).toEqual(
      [
        `${org('chengdu-municipal-government')}→${org('chengdu-community-elderly-care-center')}`,
        `${org('chengdu-municipal-government')}→${org('chengdu-community-legal-aid')}`,
        `${org('chengdu-municipal-government')}→${org('chengdu-migrant-children-center')}`,
        `${org('chengdu-municipal-government')}→${org('chengdu-rural-education-support-center')}`,
      ].sort(),
    );
    expect(result.nodes.find((f) => f.recipient.id === org('chengdu-migrant-children-center'))).toMatchObject({
      grantCount: 1,
      totals: [{ amount: '286400.75', currency: 'CNY' }],
    });
  });

  it('narrows by funder kind, province and cause', async () => {
    const government = await flows({ province: 'Sichuan', funderKinds: ['GOVERNMENT_AGENCY'], yearFrom: 2012, yearTo: 2012 });
    expect(government.totalCount).toBe(4);
    expect(new Set(government.nodes.map((f) => f.funder.id))).toEqual(new Set([org('chengdu-municipal-government')]));
    const legal = await flows({ city: 'Chengdu', causeAreas: ['LEGAL_AID'], yearFrom: 2012, yearTo: 2012 });
    expect(legal.nodes.map(edge)).toEqual([`${org('chengdu-municipal-government')}→${org('chengdu-community-legal-aid')}`]);
    const foundations = await flows({ city: 'Chengdu', funderKinds: ['FOUNDATION'], yearFrom: 2012, yearTo: 2012 });
    expect(foundations.nodes).toEqual([]);
  });

  it('sums a flow per currency exactly, counts its grants, leaves proposed and cancelled grants out, and puts the biggest flow first', async () => {
    const funder = await createOrganization(hub.organizations, 'Flow Test Foundation', { kind: 'FOUNDATION', city: 'Leshan', province: 'Sichuan' });
    const [big, small] = await Promise.all([
      createOrganization(hub.organizations, 'Flow Test Big Recipient', { city: 'Leshan', province: 'Sichuan' }),
      createOrganization(hub.organizations, 'Flow Test Small Recipient', { city: 'Leshan', province: 'Sichuan' }),
    ]);
    await insertGrants(hub, [
      ...Array.from({ length: 1000 }, () => ({ funder, recipient: big, amount: '0.10', currency: 'CNY', awardDate: '2010-05-01' })),
      { funder, recipient: big, amount: '0.07', currency: 'GBP', awardDate: '2010-06-01' },
      { funder, recipient: big, amount: '500.00', currency: 'CNY', awardDate: '2010-06-01', status: GrantStatus.CANCELLED },
      { funder, recipient: small, amount: '12.34', currency: 'CNY', awardDate: '2010-07-01' },
      { funder, recipient: small, amount: '1.00', currency: 'CNY', awardDate: '2010-07-01', status: GrantStatus.PROPOSED },
      { funder, recipient: small, amount: '9.99', currency: 'CNY', awardDate: '2011-01-01' },
    ]);
    const result = await flows({ city: 'Leshan', yearFrom: 2010, yearTo: 2010 });
    expect(result.nodes).toEqual([
      {
        funder: { id: funder },
        recipient: { id: big },
        grantCount: 1001,
        totals: [
          { amount: '100.00', currency: 'CNY' },
          { amount: '0.07', currency: 'GBP' },
        ],
      },
      { funder: { id: funder }, recipient: { id: small }, grantCount: 1, totals: [{ amount: '12.34', currency: 'CNY' }] },
    ]);
    expect((await flows({ city: 'Leshan', yearFrom: 2011 })).nodes).toEqual([
      { funder: { id: funder }, recipient: { id: small }, grantCount: 1, totals: [{ amount: '9.99', currency: 'CNY' }] },
    ]);
  });

  it('pages through flows with cursors, without gaps or repeats', async () => {
    const all = await flows({ province: 'Sichuan' }, 100);
    expect(all.totalCount).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page = await flows({ province: 'Sichuan' }, 2, after);
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.nodes.map(edge));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map(edge));
    const counts = all.nodes.map((f) => f.grantCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('answers no flows, without asking the database, when the place matches no organization', async () => {
    const before = await hub.funding.sqlStatements();
    expect(await flows({ city: 'Atlantis' })).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    expect((await hub.funding.sqlStatements()) - before).toBe(0);
  });

  it('refuses years the wrong way round, an impossible year, a cause twice and a forged cursor, naming the field', async () => {
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [{ yearFrom: 2013, yearTo: 2012 }, undefined, 'filter.yearTo'],
      [{ yearFrom: 12 }, undefined, 'filter.yearFrom'],
      [{ causeAreas: ['HEALTH', 'HEALTH'] }, undefined, 'filter.causeAreas'],
      [{}, encodeCursor('many', 'x:y'), 'after'],
      [{}, encodeCursor(3, `${org('npi')}:not-a-uuid`), 'after'],
    ];
    for (const [filter, after, field] of cases) {
      const { errors } = await hub.funding.request(FLOWS, { filter, after });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
