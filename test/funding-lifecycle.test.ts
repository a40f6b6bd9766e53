import { adminGql as gql } from './setup/hub';

async function organization(name: string, kind = 'NGO'): Promise<string> {
  const { data, errors } = await gql<{ createOrganization: { organization: { id: string } } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, kind, city: 'Chengdu', province: 'Sichuan' } },
  );
  expect(errors).toBeUndefined();
  return data!.createOrganization.organization.id;
}

describe("a grant's life through the gateway: application, award, disbursements", () => {
  let funderId: string;
  let applicantId: string;
  let programmeId: string;

  beforeAll(async () => {
    funderId = await organization('Lifecycle Foundation', 'FOUNDATION');
    applicantId = await organization('Lifecycle Community Care');
    const { data, errors } = await gql<{ createFundingProgramme: { fundingProgramme: { id: string } } }>(
      `mutation($input: CreateFundingProgrammeInput!) { createFundingProgramme(input: $input) { fundingProgramme { id } } }`,
      {
        input: {
          name: 'Lifecycle Venture Philanthropy 2015',
          nameZh: '生命周期公益创投2015',
          kind: 'VENTURE_PHILANTHROPY',
          year: 2015,
          funderOrganizationId: funderId,
          budget: { amount: '300000', currency: 'CNY' },
          causeAreas: ['ELDERLY_CARE'],
          lots: [{ name: 'Elderly care', nameZh: '养老' }],
        },
      },
    );
    expect(errors).toBeUndefined();
    programmeId = data!.createFundingProgramme.fundingProgramme.id;
  });

  it('takes an application from submission to an awarded grant, pays it in instalments and refuses an overdraft, with names from the organizations subgraph', async () => {
    const submitted = await gql<{
      submitFundingApplication: { fundingApplication: { id: string; applicant: { name: string }; programme: { funder: { name: string } } } };
    }>(
      `mutation($input: SubmitFundingApplicationInput!) { submitFundingApplication(input: $input) {
        fundingApplication { id status applicant { name } programme { funder { name } } } } }`,
      {
        input: {
          programmeId,
          applicantOrganizationId: applicantId,
          title: 'Home visits for elderly residents',
          requestedAmount: { amount: '120000', currency: 'CNY' },
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    const application = submitted.data!.submitFundingApplication.fundingApplication;
    expect(application).toMatchObject({ applicant: { name: 'Lifecycle Community Care' }, programme: { funder: { name: 'Lifecycle Foundation' } } });

    expect(
      (
        await gql(`mutation($id: ID!) { startFundingApplicationReview(input: { applicationId: $id }) { fundingApplication { status } } }`, {
          id: application.id,
        })
      ).errors,
    ).toBeUndefined();
    const awarded = await gql<{
      awardFundingApplication: {
        grant: {
          id: string;
          status: string;
          amountAwarded: { amount: string };
          recipient: { name: string };
          funder: { name: string };
          application: { status: string };
        };
      };
    }>(
      `mutation($input: AwardFundingApplicationInput!) { awardFundingApplication(input: $input) {
        grant { id status amountAwarded { amount } recipient { name } funder { name } application { status } } } }`,
      { input: { applicationId: application.id, amountAwarded: { amount: '100000.00', currency: 'CNY' }, awardDate: '2015-03-01' } },
    );
    expect(awarded.errors).toBeUndefined();
    const grant = awarded.data!.awardFundingApplication.grant;
    expect(grant).toMatchObject({
      status: 'AWARDED',
      amountAwarded: { amount: '100000.00' },
      recipient: { name: 'Lifecycle Community Care' },
      funder: { name: 'Lifecycle Foundation' },
      application: { status: 'AWARDED' },
    });

    const pay = (amount: string, date: string) =>
      gql<{ recordDisbursement: { grant: { status: string; amountRemaining: { amount: string } } } }>(
        `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { grant { status amountRemaining { amount } } } }`,
        { input: { grantId: grant.id, amount: { amount, currency: 'CNY' }, date } },
      );
    const first = await pay('60000', '2015-03-15');
    expect(first.data!.recordDisbursement.grant).toEqual({ status: 'ACTIVE', amountRemaining: { amount: '40000.00' } });
    const results = await Promise.all(Array.from({ length: 20 }, () => pay('3000', '2015-09-01')));
    expect(results.filter((r) => !r.errors)).toHaveLength(13);
    const refused = results.find((r) => r.errors)!;
    expect(refused.errors![0].message).toMatch(/would overdraw grant .*: 1000\.00 CNY of the 100000\.00 awarded remain/);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', remaining: { amount: '1000.00', currency: 'CNY' } });

    const { data } = await gql<{ grant: { amountDisbursed: { amount: string }; amountRemaining: { amount: string }; disbursements: { totalCount: number } } }>(
      `query($id: ID!) { grant(id: $id) { amountDisbursed { amount } amountRemaining { amount } disbursements { totalCount } } }`,
      { id: grant.id },
    );
    expect(data!.grant).toEqual({ amountDisbursed: { amount: '99000.00' }, amountRemaining: { amount: '1000.00' }, disbursements: { totalCount: 14 } });

    const completed = await gql<{ changeGrantStatus: { grant: { status: string }; previousStatus: string } }>(
      `mutation($id: ID!) { changeGrantStatus(input: { grantId: $id, status: COMPLETED }) { grant { status } previousStatus } }`,
      { id: grant.id },
    );
    expect(completed.data!.changeGrantStatus).toEqual({ grant: { status: 'COMPLETED' }, previousStatus: 'ACTIVE' });
    const late = await pay('1', '2015-12-01');
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'grantId' });
  });

  it("exports the programme's grants as 360Giving JSON with the organizations' names", async () => {
    const { data, errors } = await gql<{ exportGrants360Giving: { json: string; grantCount: number } }>(
      `query($id: ID!) { exportGrants360Giving(filter: { programmeId: $id }) { json grantCount } }`,
      { id: programmeId },
    );
    expect(errors).toBeUndefined();
    const exported = JSON.parse(data!.exportGrants360Giving.json) as {
      grants: { recipientOrganization: { name: string }[]; amountAwarded: number; amountDisbursed: number }[];
    };
    expect(exported.grants).toHaveLength(data!.exportGrants360Giving.grantCount);
    expect(exported.grants[0]).toMatchObject({ recipientOrganization: [{ name: 'Lifecycle Community Care' }], amountAwarded: 100000, amountDisbursed: 99000 });
    expect(data!.exportGrants360Giving.json).toContain('"amountAwarded":100000.00');
  });
});
