import { newId, seedId } from '@ngo-hub/kit';
import { createOrganization, startFundingHub, type FundingHub } from './support/hub';

const AWARD = `mutation($input: AwardGrantInput!) {
  awardGrant(input: $input) {
    grant { id identifier title status awardDate amountAwarded { amount currency } recipient { id } funder { id } programme { id name } causeAreas }
  }
}`;

const CREATE_PROGRAMME = `mutation($input: CreateFundingProgrammeInput!) {
  createFundingProgramme(input: $input) { fundingProgramme { id name kind year budget { amount currency } funder { id } } }
}`;

interface AwardedGrant {
  id: string;
  identifier: string;
  status: string;
  amountAwarded: { amount: string; currency: string };
  recipient: { id: string };
  funder: { id: string };
  programme: { id: string; name: string } | null;
}

describe('awardGrant and createFundingProgramme', () => {
  let hub: FundingHub;
  let recipientId: string;
  let funderId: string;

  function input(overrides: Record<string, unknown> = {}) {
    return {
      title: 'Community elderly care pilot',
      amountAwarded: { amount: '1250.50', currency: 'CNY' },
      awardDate: '2013-03-01',
      recipientOrganizationId: recipientId,
      fundingOrganizationId: funderId,
      ...overrides,
    };
  }

  async function grantsWithIdentifier(identifier: string): Promise<number> {
    const { data } = await hub.funding.request<{ grants: { nodes: { identifier: string }[] } }>(
      `query($recipientId: ID!) { grants(filter: { recipientId: $recipientId }, first: 100) { nodes { identifier } } }`,
      { recipientId },
    );
    return data!.grants.nodes.filter((g) => g.identifier === identifier).length;
  }

  beforeAll(async () => {
    hub = await startFundingHub();
    recipientId = await createOrganization(hub.organizations, 'Award Test Recipient');
    funderId = await createOrganization(hub.organizations, 'Award Test Funder');
  });
  afterAll(() => hub?.stop());

  it('records an AWARDED grant with the exact amount and references to both organizations', async () => {
    const { data, errors } = await hub.funding.request<{ awardGrant: { grant: AwardedGrant } }>(AWARD, {
      input: input({ identifier: '360G-test-award-001', causeAreas: ['ELDERLY_CARE'] }),
    });
    expect(errors).toBeUndefined();
    expect(data!.awardGrant.grant).toMatchObject({
      identifier: '360G-test-award-001',
      status: 'AWARDED',
      amountAwarded: { amount: '1250.50', currency: 'CNY' },
      recipient: { id: recipientId },
      funder: { id: funderId },
      programme: null,
    });
  });

  it('generates a 360Giving identifier when none is given and keeps PROPOSED when asked', async () => {
    const { data, errors } = await hub.funding.request<{ awardGrant: { grant: AwardedGrant } }>(AWARD, {
      input: input({ status: 'PROPOSED', amountAwarded: { amount: '300', currency: 'cny' } }),
    });
    expect(errors).toBeUndefined();
    expect(data!.awardGrant.grant.identifier).toMatch(/^360G-ngohub-[0-9a-f-]{36}$/);
    expect(data!.awardGrant.grant.status).toBe('PROPOSED');
    expect(data!.awardGrant.grant.amountAwarded).toEqual({ amount: '300.00', currency: 'CNY' });
  });

  it('refuses an unknown recipient as NOT_FOUND naming recipientOrganizationId, and writes nothing', async () => {
    const identifier = '360G-test-unknown-recipient';
    const { errors } = await hub.funding.request(AWARD, { input: input({ identifier, recipientOrganizationId: newId() }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'recipientOrganizationId', type: 'Organization' });
    expect(await grantsWithIdentifier(identifier)).toBe(0);
    const retry = await hub.funding.request(AWARD, { input: input({ identifier }) });
    expect(retry.errors).toBeUndefined();
  });

  it('refuses an unknown funder as NOT_FOUND naming fundingOrganizationId', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ fundingOrganizationId: newId() }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'fundingOrganizationId' });
  });

  it('refuses a malformed organization id as NOT_FOUND without asking the organizations subgraph', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ recipientOrganizationId: 'not-an-id' }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'recipientOrganizationId' });
  });

  it.each([
    ['a negative amount', { amount: '-100.00', currency: 'CNY' }, 'amountAwarded.amount'],
    ['a zero amount', { amount: '0.00', currency: 'CNY' }, 'amountAwarded.amount'],
    ['more decimals than the currency has', { amount: '12.345', currency: 'CNY' }, 'amountAwarded.amount'],
    ['text that is not a number', { amount: 'abc', currency: 'CNY' }, 'amountAwarded.amount'],
    ['a float written with an exponent', { amount: '1e3', currency: 'CNY' }, 'amountAwarded.amount'],
    ['an unknown currency', { amount: '100.00', currency: 'XYZ' }, 'amountAwarded.currency'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_case, amountAwarded, field) => {
    const identifier = `360G-test-bad-money-${newId()}`;
    const { errors } = await hub.funding.request(AWARD, { input: input({ identifier, amountAwarded }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await grantsWithIdentifier(identifier)).toBe(0);
  });

  it('refuses a planned end before the planned start', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ plannedStartDate: '2013-06-01', plannedEndDate: '2013-05-31' }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedEndDate' });
  });

  it('refuses a date that is not a calendar date', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ awardDate: '2013-02-30' }) });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to start a grant as COMPLETED, and an identifier without the 360G- prefix', async () => {
    const status = await hub.funding.request(AWARD, { input: input({ status: 'COMPLETED' }) });
    expect(status.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const identifier = await hub.funding.request(AWARD, { input: input({ identifier: 'grant 42' }) });
    expect(identifier.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identifier' });
  });

  it('refuses a second grant with the same identifier as a CONFLICT', async () => {
    const first = await hub.funding.request(AWARD, { input: input({ identifier: '360G-test-duplicate' }) });
    expect(first.errors).toBeUndefined();
    const second = await hub.funding.request(AWARD, { input: input({ identifier: '360G-test-duplicate' }) });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'identifier' });
    expect(await grantsWithIdentifier('360G-test-duplicate')).toBe(1);
  });

  it('lets only one of two simultaneous awards with the same identifier through', async () => {
    const results = await Promise.all([1, 2].map(() => hub.funding.request(AWARD, { input: input({ identifier: '360G-test-race' }) })));
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await grantsWithIdentifier('360G-test-race')).toBe(1);
  });

  it('refuses an unknown programme as NOT_FOUND naming programmeId', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ programmeId: newId() }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'programmeId', type: 'FundingProgramme' });
  });

  it('refuses a grant under a programme run by another funder', async () => {
    const { errors } = await hub.funding.request(AWARD, { input: input({ programmeId: seedId('programme:chengdu-2012-purchase-of-services') }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fundingOrganizationId' });
  });

  it('creates a programme for an existing funder and awards grants under it', async () => {
    const created = await hub.funding.request<{ createFundingProgramme: { fundingProgramme: { id: string; budget: unknown; funder: unknown } } }>(
      CREATE_PROGRAMME,
      {
        input: {
          name: 'Test Venture Philanthropy 2013',
          nameZh: '测试公益创投',
          kind: 'VENTURE_PHILANTHROPY',
          year: 2013,
          funderOrganizationId: funderId,
          budget: { amount: '500000', currency: 'CNY' },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const programme = created.data!.createFundingProgramme.fundingProgramme;
    expect(programme).toMatchObject({ budget: { amount: '500000.00', currency: 'CNY' }, funder: { id: funderId } });
    const { data, errors } = await hub.funding.request<{ awardGrant: { grant: AwardedGrant } }>(AWARD, { input: input({ programmeId: programme.id }) });
    expect(errors).toBeUndefined();
    expect(data!.awardGrant.grant.programme).toEqual({ id: programme.id, name: 'Test Venture Philanthropy 2013' });
  });

  it('refuses a programme whose funder does not exist, or whose budget is not an amount', async () => {
    const base = { name: 'Nowhere Fund', kind: 'GRANT', year: 2013, funderOrganizationId: funderId };
    const unknown = await hub.funding.request(CREATE_PROGRAMME, { input: { ...base, funderOrganizationId: newId() } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'funderOrganizationId' });
    const budget = await hub.funding.request(CREATE_PROGRAMME, { input: { ...base, budget: { amount: '-1', currency: 'CNY' } } });
    expect(budget.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budget.amount' });
    const year = await hub.funding.request(CREATE_PROGRAMME, { input: { ...base, year: 12 } });
    expect(year.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
