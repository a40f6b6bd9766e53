import { newId } from '@ngo-hub/kit';
import { GrantStatus } from '../src/entities/grant';
import { insertGrants } from './support/grants';
import { startFundingHub, type FundingHub } from './support/hub';

interface YearSummary {
  year: number;
  currency: string;
  received: { amount: string; currency: string };
  given: { amount: string; currency: string };
  grantsReceived: number;
  grantsMade: number;
}

const SUMMARY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organization {
  id fundingSummary { year currency received { amount currency } given { amount currency } grantsReceived grantsMade }
} } }`;

describe('Organization.fundingSummary (per year and currency, computed in SQL, batched)', () => {
  let hub: FundingHub;

  async function summaries(ids: string[]): Promise<YearSummary[][]> {
    const { data, errors } = await hub.funding.request<{ _entities: { fundingSummary: YearSummary[] }[] }>(SUMMARY, {
      representations: ids.map((id) => ({ __typename: 'Organization', id })),
    });
    expect(errors).toBeUndefined();
    return data!._entities.map((e) => e.fundingSummary);
  }

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it('sums thousands of grants per year and currency exactly to the cent, as recipient and as funder', async () => {
    const organization = newId();
    const other = newId();
    const rows = [
      ...Array.from({ length: 3000 }, (_, i) => ({
        recipient: organization,
        funder: other,
        amount: i % 3 ? '0.10' : '0.20',
        currency: 'CNY',
        awardDate: `${2011 + (i % 2)}-03-01`,
      })),
      ...Array.from({ length: 7 }, () => ({ recipient: organization, funder: other, amount: '0.07', currency: 'GBP', awardDate: '2012-05-01' })),
      ...Array.from({ length: 3 }, () => ({ recipient: other, funder: organization, amount: '33.33', currency: 'CNY', awardDate: '2012-07-01' })),
      { recipient: organization, funder: other, amount: '999.99', currency: 'CNY', awardDate: '2012-01-01', status: GrantStatus.CANCELLED },
      { recipient: organization, funder: other, amount: '999.99', currency: 'CNY', awardDate: '2012-01-01', status: GrantStatus.PROPOSED },
    ];
    await insertGrants(hub, rows);
    // a float sum of the same amounts is off: the reason sums are taken in SQL on numeric
    expect(
      rows
        .slice(0, 3000)
        .filter((_, i) => i % 2 === 0)
        .reduce((sum, r) => sum + Number(r.amount), 0),
    ).not.toBe(200);

    const [summary] = await summaries([organization]);
    const count = (year: number, twenties: boolean) =>
      Array.from({ length: 3000 }, (_, i) => i).filter((i) => 2011 + (i % 2) === year && (i % 3 === 0) === twenties).length;
    const cents = (year: number) => count(year, true) * 20 + count(year, false) * 10;
    const format = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    expect(summary).toEqual([
      {
        year: 2011,
        currency: 'CNY',
        received: { amount: format(cents(2011)), currency: 'CNY' },
        given: { amount: '0.00', currency: 'CNY' },
        grantsReceived: 1500,
        grantsMade: 0,
      },
      {
        year: 2012,
        currency: 'CNY',
        received: { amount: format(cents(2012)), currency: 'CNY' },
        given: { amount: '99.99', currency: 'CNY' },
        grantsReceived: 1500,
        grantsMade: 3,
      },
      {
        year: 2012,
        currency: 'GBP',
        received: { amount: '0.49', currency: 'GBP' },
        given: { amount: '0.00', currency: 'GBP' },
        grantsReceived: 7,
        grantsMade: 0,
      },
    ]);
    expect(cents(2011) + cents(2012)).toBe(1000 * 20 + 2000 * 10);
  });

  it('gives an organization without grants, or an id that is not a UUID, an empty summary', async () => {
    expect(await summaries([newId(), 'not-a-uuid'])).toEqual([[], []]);
  });

  it('answers the summaries of 20 organizations with as many SQL statements as 2', async () => {
    const funder = newId();
    const recipients = Array.from({ length: 20 }, () => newId());
    await insertGrants(
      hub,
      recipients.flatMap((recipient, i) => [
        { recipient, funder, amount: '10.00', currency: i % 2 ? 'CNY' : 'USD', awardDate: '2016-01-01' },
        { recipient, funder, amount: '2.50', currency: 'CNY', awardDate: '2017-01-01' },
      ]),
    );
    const cost = async (ids: string[]) => {
      const before = await hub.funding.sqlStatements();
      const result = await summaries(ids);
      return { result, statements: (await hub.funding.sqlStatements()) - before };
    };
    const two = await cost(recipients.slice(0, 2));
    const twenty = await cost(recipients);
    expect(two.statements).toBe(1);
    expect(twenty.statements).toBe(1);
    expect(twenty.result).toHaveLength(20);
    twenty.result.forEach((summary, i) =>
      expect(summary).toEqual([
        expect.objectContaining({
          year: 2016,
          currency: i % 2 ? 'CNY' : 'USD',
          received: { amount: '10.00', currency: i % 2 ? 'CNY' : 'USD' },
          grantsReceived: 1,
        }),
        expect.objectContaining({ year: 2017, currency: 'CNY', received: { amount: '2.50', currency: 'CNY' }, grantsReceived: 1 }),
      ]),
    );
    const [funderSummary] = await summaries([funder]);
    expect(funderSummary).toEqual([
      {
        year: 2016,
        currency: 'CNY',
        received: { amount: '0.00', currency: 'CNY' },
        given: { amount: '100.00', currency: 'CNY' },
        grantsReceived: 0,
        grantsMade: 10,
      },
      {
        year: 2016,
        currency: 'USD',
        received: { amount: '0.00', currency: 'USD' },
        given: { amount: '100.00', currency: 'USD' },
        grantsReceived: 0,
        grantsMade: 10,
      },
      {
        year: 2017,
        currency: 'CNY',
        received: { amount: '0.00', currency: 'CNY' },
        given: { amount: '50.00', currency: 'CNY' },
        grantsReceived: 0,
        grantsMade: 20,
      },
    ]);
  });
});
