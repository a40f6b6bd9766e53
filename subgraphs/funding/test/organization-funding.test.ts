import { newId } from '@ngo-hub/kit';
import { FundingKind, FundingProgramme } from '../src/entities/funding-programme';
import { Grant, GrantStatus } from '../src/entities/grant';
import { startFundingHub, type FundingHub } from './support/hub';

interface Money {
  amount: string;
  currency: string;
}

interface OrganizationFunding {
  id: string;
  grantsReceived: { totalCount: number; nodes: { identifier: string; awardDate: string; amountAwarded: Money; programme: { name: string } | null }[] };
  grantsMade: { totalCount: number };
  totalReceived: Money[];
  totalAwarded: Money[];
}

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization {
      id
      grantsReceived(first: 2) { totalCount nodes { identifier awardDate amountAwarded { amount currency } programme { name } } }
      grantsMade(first: 2) { totalCount }
      totalReceived { amount currency }
      totalAwarded { amount currency }
    }
  }
}`;

function organizations(ids: string[]) {
  return { representations: ids.map((id) => ({ __typename: 'Organization', id })) };
}

describe('funding of an organization (Organization.grantsReceived, grantsMade, totalReceived, totalAwarded)', () => {
  let hub: FundingHub;

  /** Writes grants through the funding subgraph's own EntityManager (no reference checks: the organizations are made up). */
  async function insertGrants(
    rows: { recipient: string; funder: string; amount: string; currency: string; awardDate?: string; status?: GrantStatus; programme?: string }[],
  ) {
    const em = hub.funding.running.orm.em.fork();
    for (const row of rows) {
      em.create(Grant, {
        identifier: `360G-test-${newId()}`,
        title: 'Test grant',
        amount: row.amount,
        currency: row.currency,
        awardDate: row.awardDate ?? '2014-01-01',
        recipientOrganizationId: row.recipient,
        fundingOrganizationId: row.funder,
        status: row.status ?? GrantStatus.AWARDED,
        programme: row.programme,
      });
    }
    await em.flush();
  }

  async function funding(ids: string[]) {
    const { data, errors } = await hub.funding.request<{ _entities: OrganizationFunding[] }>(ENTITIES, organizations(ids));
    expect(errors).toBeUndefined();
    return data!._entities;
  }

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it('sums a thousand grants of 0.10 and 0.20 exactly to the cent, one sum per currency', async () => {
    const recipient = newId();
    const funder = newId();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ recipient, funder, amount: i % 2 ? '0.10' : '0.20', currency: 'CNY' }));
    rows.push(...Array.from({ length: 10 }, () => ({ recipient, funder, amount: '0.07', currency: 'GBP' })));
    rows.push({ recipient, funder, amount: '999', currency: 'JPY' });
    await insertGrants(rows);
    // What a float sum would have answered: the reason amounts never become JS numbers.
    expect(rows.filter((r) => r.currency === 'CNY').reduce((sum, r) => sum + Number(r.amount), 0)).not.toBe(150);

    const [organization] = await funding([recipient]);
    expect(organization.totalReceived).toEqual([
      { amount: '150.00', currency: 'CNY' },
      { amount: '0.70', currency: 'GBP' },
      { amount: '999', currency: 'JPY' },
    ]);
    expect(organization.grantsReceived.totalCount).toBe(1011);
    const [asFunder] = await funding([funder]);
    expect(asFunder.totalAwarded).toEqual(organization.totalReceived);
    expect(asFunder.totalReceived).toEqual([]);
    expect(asFunder.grantsMade.totalCount).toBe(1011);
  });

  it('leaves proposed and cancelled grants out of the totals but lists them', async () => {
    const recipient = newId();
    const funder = newId();
    await insertGrants([
      { recipient, funder, amount: '100.00', currency: 'CNY', status: GrantStatus.COMPLETED },
      { recipient, funder, amount: '20.00', currency: 'CNY', status: GrantStatus.ACTIVE },
      { recipient, funder, amount: '5000.00', currency: 'CNY', status: GrantStatus.PROPOSED },
      { recipient, funder, amount: '7000.00', currency: 'CNY', status: GrantStatus.CANCELLED },
    ]);
    const [organization] = await funding([recipient]);
    expect(organization.totalReceived).toEqual([{ amount: '120.00', currency: 'CNY' }]);
    expect(organization.grantsReceived.totalCount).toBe(4);
  });

  it('lists grants received newest award first and filters them by year', async () => {
    const recipient = newId();
    const funder = newId();
    await insertGrants([
      { recipient, funder, amount: '1.00', currency: 'CNY', awardDate: '2011-05-01' },
      { recipient, funder, amount: '2.00', currency: 'CNY', awardDate: '2012-12-31' },
      { recipient, funder, amount: '3.00', currency: 'CNY', awardDate: '2012-01-01' },
      { recipient, funder, amount: '4.00', currency: 'CNY', awardDate: '2013-01-01' },
    ]);
    const [organization] = await funding([recipient]);
    expect(organization.grantsReceived.nodes.map((g) => g.awardDate)).toEqual(['2013-01-01', '2012-12-31']);
    const { data } = await hub.funding.request<{
      _entities: { grantsReceived: { totalCount: number; nodes: { awardDate: string }[] }; grantsMade: { totalCount: number } }[];
    }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organization {
        grantsReceived(year: 2012) { totalCount nodes { awardDate } } grantsMade(year: 2012) { totalCount } } } }`,
      organizations([recipient]),
    );
    expect(data!._entities[0].grantsReceived).toEqual({ totalCount: 2, nodes: [{ awardDate: '2012-12-31' }, { awardDate: '2012-01-01' }] });
    expect(data!._entities[0].grantsMade.totalCount).toBe(0);
  });

  it('pages through the grants of many organizations with cursors, without gaps or repeats', async () => {
    const recipient = newId();
    const funder = newId();
    await insertGrants(
      Array.from({ length: 7 }, (_, i) => ({ recipient, funder, amount: `${i + 1}.00`, currency: 'CNY', awardDate: `2015-0${1 + (i % 3)}-01` })),
    );
    type Page = { nodes: { identifier: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: { data?: { _entities: { grantsReceived: Page }[] } } = await hub.funding.request(
        `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) { ... on Organization {
          grantsReceived(first: 3, after: $after) { nodes { identifier } pageInfo { hasNextPage endCursor } } } } }`,
        { ...organizations([recipient, newId()]), after },
      );
      const { nodes, pageInfo }: Page = response.data!._entities[0].grantsReceived;
      seen.push(...nodes.map((n) => n.identifier));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers grants and totals for 20 organizations with as many SQL statements as for 2', async () => {
    const recipients = Array.from({ length: 20 }, () => newId());
    const funder = newId();
    const em = hub.funding.running.orm.em.fork();
    const programme = em.create(FundingProgramme, { name: 'Statement Count Fund', kind: FundingKind.GRANT, year: 2016, funderOrganizationId: funder });
    await em.flush();
    await insertGrants(
      recipients.flatMap((recipient, i) =>
        ['1.10', '2.20', '3.30'].map((amount, j) => ({
          recipient,
          funder,
          amount,
          currency: i % 2 ? 'CNY' : 'USD',
          awardDate: `2016-0${j + 1}-15`,
          programme: programme.id,
        })),
      ),
    );

    const cost = async (ids: string[]) => {
      const before = await hub.funding.sqlStatements();
      const result = await funding(ids);
      const statements = (await hub.funding.sqlStatements()) - before;
      return { result, statements };
    };
    const two = await cost(recipients.slice(0, 2));
    const twenty = await cost(recipients);
    // grantsReceived and grantsMade: rows and totals each; totalReceived, totalAwarded; the programmes.
    expect(two.statements).toBe(7);
    expect(twenty.statements).toBe(two.statements);
    expect(twenty.result).toHaveLength(20);
    for (const [i, organization] of twenty.result.entries()) {
      expect(organization.grantsReceived.totalCount).toBe(3);
      expect(organization.grantsReceived.nodes.map((g) => g.programme?.name)).toEqual(['Statement Count Fund', 'Statement Count Fund']);
      expect(organization.totalReceived).toEqual([{ amount: '6.60', currency: i % 2 ? 'CNY' : 'USD' }]);
    }
  });

  it('gives an organization without grants empty lists and no totals, also for a malformed id', async () => {
    const result = await funding([newId(), 'not-a-uuid']);
    for (const organization of result) {
      expect(organization).toMatchObject({ grantsReceived: { totalCount: 0, nodes: [] }, grantsMade: { totalCount: 0 }, totalReceived: [], totalAwarded: [] });
    }
  });
});
