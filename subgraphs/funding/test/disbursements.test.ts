import { newId } from '@ngo-hub/kit';
import { GrantStatus } from '../src/entities/grant';
import { insertGrant, insertGrants } from './support/grants';
import { startFundingHub, type FundingHub } from './support/hub';

const RECORD = `mutation($input: RecordDisbursementInput!) {
  recordDisbursement(input: $input) {
    disbursement { id amount { amount currency } date note grant { id } }
    grant { status amountDisbursed { amount currency } amountRemaining { amount currency } }
  }
}`;

interface Amounts {
  status: string;
  amountAwarded: { amount: string; currency: string };
  amountDisbursed: { amount: string; currency: string };
  amountRemaining: { amount: string; currency: string };
  disbursements: { totalCount: number; nodes: { amount: { amount: string }; date: string; note: string | null }[] };
}

describe('disbursements (recordDisbursement, Grant.disbursements, amountDisbursed, amountRemaining)', () => {
  let hub: FundingHub;

  const pay = (grantId: string, amount: string, overrides: Record<string, unknown> = {}) =>
    hub.funding.request<{ recordDisbursement: { disbursement: { id: string }; grant: { status: string; amountRemaining: { amount: string } } } }>(RECORD, {
      input: { grantId, amount: { amount, currency: 'CNY' }, date: '2014-02-01', ...overrides },
    });

  async function amounts(id: string): Promise<Amounts> {
    const { data, errors } = await hub.funding.request<{ grant: Amounts }>(
      `query($id: ID!) { grant(id: $id) {
        status amountAwarded { amount currency } amountDisbursed { amount currency } amountRemaining { amount currency }
        disbursements(first: 100) { totalCount nodes { amount { amount } date note } }
      } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    return data!.grant;
  }

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it("records a payment in the grant's currency, makes an AWARDED grant ACTIVE and updates what remains", async () => {
    const grant = await insertGrant(hub, { amount: '1000.00' });
    const { data, errors } = await pay(grant.id, '250.50', { note: 'first instalment' });
    expect(errors).toBeUndefined();
    expect(data!.recordDisbursement.grant).toMatchObject({ status: 'ACTIVE', amountRemaining: { amount: '749.50' } });
    await pay(grant.id, '0.50', { date: '2014-02-02' });
    expect(await amounts(grant.id)).toEqual({
      status: 'ACTIVE',
      amountAwarded: { amount: '1000.00', currency: 'CNY' },
      amountDisbursed: { amount: '251.00', currency: 'CNY' },
      amountRemaining: { amount: '749.00', currency: 'CNY' },
      disbursements: {
        totalCount: 2,
        nodes: [
          { amount: { amount: '250.50' }, date: '2014-02-01', note: 'first instalment' },
          { amount: { amount: '0.50' }, date: '2014-02-02', note: null },
        ],
      },
    });
  });

  it('answers zero disbursed and the whole amount remaining for a grant without payments', async () => {
    const grant = await insertGrant(hub, { amount: '88.80', currency: 'GBP' });
    expect(await amounts(grant.id)).toMatchObject({
      amountDisbursed: { amount: '0.00', currency: 'GBP' },
      amountRemaining: { amount: '88.80', currency: 'GBP' },
    });
  });

  it('refuses a disbursement that would overdraw the grant with a CONFLICT naming the amount remaining, and writes nothing', async () => {
    const grant = await insertGrant(hub, { amount: '100.00' });
    expect((await pay(grant.id, '60.00')).errors).toBeUndefined();
    const before = await amounts(grant.id);
    const { data, errors } = await pay(grant.id, '40.01');
    expect(data).toBeNull();
    expect(errors?.[0].message).toMatch(/would overdraw grant 360G-test-.*: 40\.00 CNY of the 100\.00 awarded remain/);
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'amount.amount', remaining: { amount: '40.00', currency: 'CNY' } });
    expect(await amounts(grant.id)).toEqual(before);
    expect((await pay(grant.id, '40.00')).errors).toBeUndefined();
    expect((await amounts(grant.id)).amountRemaining.amount).toBe('0.00');
  });

  it('refuses the first payment over the amount awarded and leaves the grant AWARDED', async () => {
    const grant = await insertGrant(hub, { amount: '10.00' });
    const { errors } = await pay(grant.id, '10.01');
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', remaining: { amount: '10.00' } });
    expect(await amounts(grant.id)).toMatchObject({ status: 'AWARDED', disbursements: { totalCount: 0 } });
  });

  it('never lets 20 simultaneous payments take a grant over its amount: exactly those that fit are recorded', async () => {
    const grant = await insertGrant(hub, { amount: '1000.00' });
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(grant.id, '75.00')));
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(13);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await amounts(grant.id)).toMatchObject({
      status: 'ACTIVE',
      amountDisbursed: { amount: '975.00' },
      amountRemaining: { amount: '25.00' },
      disbursements: { totalCount: 13 },
    });
  });

  it('fills a grant exactly under 20 simultaneous payments of a twentieth each', async () => {
    const grant = await insertGrant(hub, { amount: '999.80' });
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(grant.id, '49.99')));
    expect(results.filter((r) => r.errors)).toHaveLength(0);
    const extra = await pay(grant.id, '0.01');
    expect(extra.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', remaining: { amount: '0.00' } });
    expect(await amounts(grant.id)).toMatchObject({
      amountDisbursed: { amount: '999.80' },
      amountRemaining: { amount: '0.00' },
      disbursements: { totalCount: 20 },
    });
  });

  it.each([GrantStatus.PROPOSED, GrantStatus.COMPLETED, GrantStatus.CANCELLED])('refuses a payment against a %s grant as CONFLICT', async (status) => {
    const grant = await insertGrant(hub, { status });
    const { errors } = await pay(grant.id, '1.00');
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'grantId', status });
    expect((await amounts(grant.id)).disbursements.totalCount).toBe(0);
  });

  it('refuses another currency, a date before the award or in the future, a bad amount, and an unknown grant, naming the field', async () => {
    const grant = await insertGrant(hub, { amount: '500.00', awardDate: '2014-01-01' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: { amount: '1.00', currency: 'USD' } }, 'BAD_USER_INPUT', 'amount.currency'],
      [{ date: '2013-12-31' }, 'BAD_USER_INPUT', 'date'],
      [{ date: '2999-01-01' }, 'BAD_USER_INPUT', 'date'],
      [{ amount: { amount: '-5', currency: 'CNY' } }, 'BAD_USER_INPUT', 'amount.amount'],
      [{ amount: { amount: '1.001', currency: 'CNY' } }, 'BAD_USER_INPUT', 'amount.amount'],
      [{ grantId: newId() }, 'NOT_FOUND', 'grantId'],
      [{ grantId: 'grant-1' }, 'NOT_FOUND', 'grantId'],
    ];
    for (const [overrides, code, field] of cases) {
      const { errors } = await pay(grant.id, '1.00', overrides);
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
    expect(await amounts(grant.id)).toMatchObject({ status: 'AWARDED', disbursements: { totalCount: 0 } });
  });

  it("pages through a grant's disbursements, earliest first, with cursors", async () => {
    const grant = await insertGrant(hub, { amount: '100.00' });
    for (const date of ['2014-03-01', '2014-01-15', '2014-02-01', '2014-01-15']) expect((await pay(grant.id, '1.00', { date })).errors).toBeUndefined();
    const dates: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: { data?: { grant: { disbursements: { nodes: { date: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } } =
        await hub.funding.request(
          `query($id: ID!, $after: String) { grant(id: $id) { disbursements(first: 3, after: $after) { nodes { date } pageInfo { hasNextPage endCursor } } } }`,
          { id: grant.id, after },
        );
      dates.push(...page.data!.grant.disbursements.nodes.map((n) => n.date));
      if (!page.data!.grant.disbursements.pageInfo.hasNextPage) break;
      after = page.data!.grant.disbursements.pageInfo.endCursor;
    }
    expect(dates).toEqual(['2014-01-15', '2014-01-15', '2014-02-01', '2014-03-01']);
  });

  it('answers 20 grants with their disbursements and amounts in as many SQL statements as 2', async () => {
    const funder = newId();
    const grants = await insertGrants(
      hub,
      Array.from({ length: 20 }, (_, i) => ({ funder, amount: `${100 + i}.00`, awardDate: '2015-06-01' })),
    );
    for (const grant of grants) {
      expect((await pay(grant.id, '10.00', { date: '2015-07-01' })).errors).toBeUndefined();
      expect((await pay(grant.id, '5.25', { date: '2015-08-01' })).errors).toBeUndefined();
    }
    const list = `query($funderId: ID!, $first: Int!) { grants(filter: { funderId: $funderId }, first: $first) { nodes {
      identifier amountAwarded { amount } amountDisbursed { amount } amountRemaining { amount }
      disbursements(first: 5) { totalCount nodes { amount { amount } date } } application { id } lot { name } programme { name }
    } } }`;
    const cost = async (first: number) => {
      const before = await hub.funding.sqlStatements();
      const { data, errors } = await hub.funding.request<{
        grants: { nodes: { amountDisbursed: { amount: string }; amountRemaining: { amount: string }; disbursements: { totalCount: number } }[] };
      }>(list, { funderId: funder, first });
      expect(errors).toBeUndefined();
      return { statements: (await hub.funding.sqlStatements()) - before, nodes: data!.grants.nodes };
    };
    const two = await cost(2);
    const twenty = await cost(20);
    // grants: rows (no count: totalCount is not asked); disbursements: rows and counts; amounts; applications (no lot or programme to load)
    expect(two.statements).toBe(5);
    expect(twenty.statements).toBe(two.statements);
    expect(twenty.nodes).toHaveLength(20);
    for (const node of twenty.nodes) {
      expect(node.amountDisbursed.amount).toBe('15.25');
      expect(node.disbursements.totalCount).toBe(2);
    }
  });
});
