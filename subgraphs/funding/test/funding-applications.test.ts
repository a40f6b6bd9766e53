import { newId, seedId } from '@ngo-hub/kit';
import { createOrganization, startFundingHub, type FundingHub } from './support/hub';

const SUBMIT = `mutation($input: SubmitFundingApplicationInput!) {
  submitFundingApplication(input: $input) { fundingApplication { id status requestedAmount { amount currency } applicant { id } programme { id } grant { id } } }
}`;
const REVIEW = `mutation($id: ID!) { startFundingApplicationReview(input: { applicationId: $id }) { fundingApplication { id status } } }`;
const DECLINE = `mutation($id: ID!, $note: String) { declineFundingApplication(input: { applicationId: $id, note: $note }) { fundingApplication { status decisionNote decidedAt } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFundingApplication(input: { applicationId: $id }) { fundingApplication { status } } }`;
const AWARD = `mutation($input: AwardFundingApplicationInput!) {
  awardFundingApplication(input: $input) {
    fundingApplication { id status decidedAt grant { id } }
    grant { id identifier title status amountAwarded { amount currency } awardDate recipient { id } funder { id } programme { id } lot { name } causeAreas application { id } }
  }
}`;
const CREATE_PROGRAMME = `mutation($input: CreateFundingProgrammeInput!) { createFundingProgramme(input: $input) { fundingProgramme { id lots { nodes { id name } } } } }`;

interface Application {
  id: string;
  status: string;
}

describe('funding applications (submit, review, award with its grant, decline, withdraw)', () => {
  let hub: FundingHub;
  let funderId: string;
  let applicantId: string;
  let programmeId: string;
  let lotId: string;

  async function submit(overrides: Record<string, unknown> = {}) {
    return hub.funding.request<{ submitFundingApplication: { fundingApplication: Application & Record<string, unknown> } }>(SUBMIT, {
      input: {
        programmeId,
        applicantOrganizationId: applicantId,
        title: 'Community elderly care pilot',
        description: 'Home visits in two communities.',
        requestedAmount: { amount: '50000', currency: 'CNY' },
        ...overrides,
      },
    });
  }

  async function underReview(): Promise<string> {
    const { data, errors } = await submit();
    expect(errors).toBeUndefined();
    const id = data!.submitFundingApplication.fundingApplication.id;
    expect((await hub.funding.request(REVIEW, { id })).errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    hub = await startFundingHub();
    funderId = await createOrganization(hub.organizations, 'Application Test Foundation', { kind: 'FOUNDATION' });
    applicantId = await createOrganization(hub.organizations, 'Application Test NGO');
    const { data, errors } = await hub.funding.request<{ createFundingProgramme: { fundingProgramme: { id: string; lots: { nodes: { id: string }[] } } } }>(
      CREATE_PROGRAMME,
      {
        input: {
          name: 'Application Test Round',
          kind: 'VENTURE_PHILANTHROPY',
          year: 2014,
          funderOrganizationId: funderId,
          budget: { amount: '200000', currency: 'CNY' },
          causeAreas: ['ELDERLY_CARE'],
          lots: [{ name: 'Elderly care' }, { name: 'Children' }],
        },
      },
    );
    expect(errors).toBeUndefined();
    programmeId = data!.createFundingProgramme.fundingProgramme.id;
    lotId = data!.createFundingProgramme.fundingProgramme.lots.nodes[0].id;
  });
  afterAll(() => hub?.stop());

  it('files an application as SUBMITTED with the exact amount asked', async () => {
    const { data, errors } = await submit();
    expect(errors).toBeUndefined();
    expect(data!.submitFundingApplication.fundingApplication).toMatchObject({
      status: 'SUBMITTED',
      requestedAmount: { amount: '50000.00', currency: 'CNY' },
      applicant: { id: applicantId },
      programme: { id: programmeId },
      grant: null,
    });
  });

  it('awards an application under review: the grant is created in the same step, for another amount, and linked both ways', async () => {
    const id = await underReview();
    const { data, errors } = await hub.funding.request<{
      awardFundingApplication: { fundingApplication: { status: string; grant: { id: string } }; grant: Record<string, unknown> & { id: string } };
    }>(AWARD, {
      input: {
        applicationId: id,
        amountAwarded: { amount: '42000.50', currency: 'CNY' },
        awardDate: '2014-06-01',
        lotId,
        identifier: '360G-test-application-award',
      },
    });
    expect(errors).toBeUndefined();
    const { fundingApplication, grant } = data!.awardFundingApplication;
    expect(fundingApplication).toMatchObject({ status: 'AWARDED', grant: { id: grant.id } });
    expect(grant).toMatchObject({
      identifier: '360G-test-application-award',
      title: 'Community elderly care pilot',
      status: 'AWARDED',
      amountAwarded: { amount: '42000.50', currency: 'CNY' },
      awardDate: '2014-06-01',
      recipient: { id: applicantId },
      funder: { id: funderId },
      programme: { id: programmeId },
      lot: { name: 'Elderly care' },
      causeAreas: ['ELDERLY_CARE'],
      application: { id },
    });
  });

  it('awards the amount asked when no other is given', async () => {
    const id = await underReview();
    const { data, errors } = await hub.funding.request<{ awardFundingApplication: { grant: { amountAwarded: { amount: string }; identifier: string } } }>(
      AWARD,
      {
        input: { applicationId: id },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.awardFundingApplication.grant.amountAwarded.amount).toBe('50000.00');
    expect(data!.awardFundingApplication.grant.identifier).toMatch(/^360G-ngohub-/);
  });

  it('refuses to award a SUBMITTED application (it is reviewed first), and to award one twice', async () => {
    const { data } = await submit();
    const submitted = data!.submitFundingApplication.fundingApplication.id;
    const early = await hub.funding.request(AWARD, { input: { applicationId: submitted } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'SUBMITTED', to: 'AWARDED', allowed: ['UNDER_REVIEW', 'WITHDRAWN'] });
    const id = await underReview();
    const results = await Promise.all([1, 2].map(() => hub.funding.request(AWARD, { input: { applicationId: id } })));
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const { data: grants } = await hub.funding.request<{ grants: { totalCount: number } }>(
      `query($r: ID!) { grants(filter: { recipientId: $r, programmeId: "${programmeId}" }) { totalCount } }`,
      { r: applicantId },
    );
    const { data: awarded } = await hub.funding.request<{ fundingProgramme: { applications: { totalCount: number } } }>(
      `query($id: ID!) { fundingProgramme(id: $id) { applications(status: AWARDED) { totalCount } } }`,
      { id: programmeId },
    );
    expect(grants!.grants.totalCount).toBe(awarded!.fundingProgramme.applications.totalCount);
  });

  it('leaves the application under review and writes no grant when the award is refused', async () => {
    const id = await underReview();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ identifier: '360G-test-application-award' }, 'CONFLICT', 'identifier'],
      [{ amountAwarded: { amount: '0', currency: 'CNY' } }, 'BAD_USER_INPUT', 'amountAwarded.amount'],
      [{ lotId: newId() }, 'NOT_FOUND', 'lotId'],
      [{ plannedStartDate: '2014-07-01', plannedEndDate: '2014-06-01' }, 'BAD_USER_INPUT', 'plannedEndDate'],
      [{ causeAreas: ['HEALTH', 'HEALTH'] }, 'BAD_USER_INPUT', 'causeAreas'],
    ];
    for (const [overrides, code, field] of cases) {
      const { errors } = await hub.funding.request(AWARD, { input: { applicationId: id, ...overrides } });
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
    const { data } = await hub.funding.request<{ fundingApplication: { status: string; grant: null } }>(
      `query($id: ID!) { fundingApplication(id: $id) { status grant { id } } }`,
      { id },
    );
    expect(data!.fundingApplication).toEqual({ status: 'UNDER_REVIEW', grant: null });
  });

  it('declines an application under review with the reason, and refuses to decline a decided one', async () => {
    const id = await underReview();
    const { data, errors } = await hub.funding.request<{
      declineFundingApplication: { fundingApplication: { status: string; decisionNote: string; decidedAt: string } };
    }>(DECLINE, {
      id,
      note: "Outside the round's focus",
    });
    expect(errors).toBeUndefined();
    expect(data!.declineFundingApplication.fundingApplication).toMatchObject({
      status: 'DECLINED',
      decisionNote: "Outside the round's focus",
      decidedAt: expect.any(String),
    });
    const again = await hub.funding.request(DECLINE, { id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'DECLINED', allowed: [] });
    const withdraw = await hub.funding.request(WITHDRAW, { id });
    expect(withdraw.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('lets the applicant withdraw before the decision, not after', async () => {
    const { data } = await submit();
    const id = data!.submitFundingApplication.fundingApplication.id;
    expect((await hub.funding.request(WITHDRAW, { id })).errors).toBeUndefined();
    expect((await hub.funding.request(REVIEW, { id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'WITHDRAWN' });
  });

  it("refuses an unknown programme or applicant, the funder applying to itself, another currency than the budget's, and more than the budget", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ programmeId: newId() }, 'NOT_FOUND', 'programmeId'],
      [{ applicantOrganizationId: newId() }, 'NOT_FOUND', 'applicantOrganizationId'],
      [{ applicantOrganizationId: funderId }, 'BAD_USER_INPUT', 'applicantOrganizationId'],
      [{ requestedAmount: { amount: '100', currency: 'USD' } }, 'BAD_USER_INPUT', 'requestedAmount.currency'],
      [{ requestedAmount: { amount: '200000.01', currency: 'CNY' } }, 'BAD_USER_INPUT', 'requestedAmount.amount'],
      [{ title: '  ' }, 'BAD_USER_INPUT', 'title'],
    ];
    for (const [overrides, code, field] of cases) {
      const { errors } = await submit(overrides);
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
  });

  it("lists an organization's applications and a programme's, latest first, filtered by status", async () => {
    const { data, errors } = await hub.funding.request<{
      _entities: { fundingApplications: { totalCount: number; nodes: { status: string; submittedAt: string }[] }; declined: { totalCount: number } }[];
    }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organization {
        fundingApplications(first: 100) { totalCount nodes { status submittedAt } }
        declined: fundingApplications(status: DECLINED) { totalCount }
      } } }`,
      { representations: [{ __typename: 'Organization', id: applicantId }] },
    );
    expect(errors).toBeUndefined();
    const [organization] = data!._entities;
    expect(organization.fundingApplications.totalCount).toBeGreaterThanOrEqual(8);
    const times = organization.fundingApplications.nodes.map((n) => n.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(organization.declined.totalCount).toBe(1);
  });

  it('seeds no venture philanthropy round or applications the sources do not describe', async () => {
    const { data, errors } = await hub.funding.request<{ fundingProgramme: unknown; chengdu: { applications: { totalCount: number } } }>(
      `query($id: ID!, $chengdu: ID!) { fundingProgramme(id: $id) { id } chengdu: fundingProgramme(id: $chengdu) { applications { totalCount } } }`,
      { id: seedId('programme:shanghai-united-foundation-venture-philanthropy-2012'), chengdu: seedId('programme:chengdu-2012-purchase-of-services') },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ fundingProgramme: null, chengdu: { applications: { totalCount: 0 } } });
  });
});
