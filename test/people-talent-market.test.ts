import { countSql, adminGql as gql } from './setup/hub';

/** Runs one mutation per input in a single request, with aliases; returns the results in order. */
async function mutateAll<T>(field: string, inputType: string, selection: string, inputs: Record<string, unknown>[]): Promise<T[]> {
  const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]));
  const declarations = inputs.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
  const fields = inputs.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
  const { data, errors } = await gql<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables);
  expect(errors).toBeUndefined();
  return inputs.map((_, i) => data![`m${i}`]);
}

type Posting = {
  title: string;
  kind: string;
  openNow: boolean;
  salary: { min: { amount: string; currency: string } | null; period: string } | null;
  organization: { name: string; nameZh: string | null };
};

describe('the talent market through the gateway', () => {
  it("lists SowosSky's open positions on the organization, each naming its organization from the organizations subgraph", async () => {
    const { data, errors } = await gql<{ organizations: { nodes: { name: string; openPositions: { totalCount: number; nodes: Posting[] } }[] } }>(`{
      organizations(filter: { search: "SowosSky" }, first: 1) { nodes { name openPositions { totalCount nodes {
        title kind openNow salary { min { amount currency } period } organization { name nameZh } } } } } }`);
    expect(errors).toBeUndefined();
    const [sowossky] = data!.organizations.nodes;
    expect(sowossky.name).toBe('SowosSky');
    expect(sowossky.openPositions.nodes.map((p) => p.kind).sort()).toEqual(['FULL_TIME', 'INTERNSHIP']);
    for (const posting of sowossky.openPositions.nodes) {
      expect(posting).toMatchObject({ openNow: true, organization: { name: 'SowosSky', nameZh: '青翼社会工作人才服务中心' } });
      expect(posting.salary?.min).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'CNY' });
    }
  });

  it("searches open postings in Chengdu with their organizations and applicants, and the applicants' training from the training subgraph", async () => {
    const { data, errors } = await gql<{
      jobPostings: { nodes: (Posting & { applications: { nodes: { status: string; person: { name: string; enrollments: { totalCount: number } } }[] } })[] };
    }>(`{
      jobPostings(filter: { city: "chengdu", openNow: true }, first: 50) { nodes { title organization { name }
        applications { nodes { status person { name enrollments { totalCount } } } } } } }`);
    expect(errors).toBeUndefined();
    const postings = data!.jobPostings.nodes;
    const organizations = postings.map((p) => p.organization.name);
    expect(organizations).toEqual(expect.arrayContaining(['Chengdu Community Elderly Care Service Center', 'Chengdu NGO Service Park']));
    const supervision = postings.find((p) => p.title === 'Social-work supervision officer')!;
    expect(supervision.applications.nodes).toEqual([{ status: 'SHORTLISTED', person: { name: 'He Jun', enrollments: { totalCount: expect.any(Number) } } }]);
    expect(supervision.applications.nodes[0].person.enrollments.totalCount).toBeGreaterThan(0);
  });

  it("gives the Chengdu NGO Service Park's advisory committee of six, with no education or qualification the sources do not give", async () => {
    const { data, errors } = await gql<{
      organizations: {
        nodes: {
          advisoryCommittee: { totalCount: number; nodes: { person: { name: string; education: { institution: string }[]; qualification: string | null } }[] };
        }[];
      };
    }>(`{
      organizations(filter: { search: "成都公益组织服务园" }, first: 1) { nodes { advisoryCommittee { totalCount nodes { person { name qualification education { institution } } } } } } }`);
    expect(errors).toBeUndefined();
    const committee = data!.organizations.nodes[0].advisoryCommittee;
    expect(committee.totalCount).toBe(6);
    expect(committee.nodes.map((n) => n.person.name)).toEqual(expect.arrayContaining(['Xu Qizhi', 'Guo Hong']));
    expect(committee.nodes.every((n) => n.person.education.length === 0 && n.person.qualification === null)).toBe(true);
  });

  it('runs a hiring through the gateway: post, apply, shortlist, offer, hire, with a recommendation, and refuses what the rules forbid', async () => {
    const created = await gql<{ createOrganization: { organization: { id: string } } }>(
      `mutation { createOrganization(input: { name: "Gateway Hiring NGO", kind: NGO, city: "Chengdu" }) { organization { id } } }`,
    );
    const organizationId = created.data!.createOrganization.organization.id;
    const posted = await gql<{ postJob: { jobPosting: { id: string; organization: { name: string } } } }>(
      `mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id organization { name } } } }`,
      {
        input: {
          organizationId,
          title: 'Youth worker',
          kind: 'FULL_TIME',
          city: 'Chengdu',
          skills: ['youth work'],
          salary: { min: { amount: '5000', currency: 'CNY' }, max: { amount: '6500', currency: 'CNY' } },
        },
      },
    );
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.postJob.jobPosting.organization.name).toBe('Gateway Hiring NGO');
    const postingId = posted.data!.postJob.jobPosting.id;

    const [applicant, mentor] = await mutateAll<{ person: { id: string } }>('createPerson', 'CreatePersonInput', 'person { id }', [
      { name: 'Gateway Applicant', city: 'Chengdu', skills: ['Youth Work'], openToWork: true },
      { name: 'Gateway Mentor' },
    ]);
    const suggested = await gql<{ jobPosting: { suggestedCandidates: { nodes: { matchedSkills: string[]; sameCity: boolean; person: { id: string } }[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { suggestedCandidates { nodes { matchedSkills sameCity person { id } } } } }`,
      { id: postingId },
    );
    expect(suggested.data!.jobPosting.suggestedCandidates.nodes).toContainEqual({
      matchedSkills: ['youth work'],
      sameCity: true,
      person: { id: applicant.person.id },
    });

    const recommended = await gql(`mutation($input: RecommendPersonInput!) { recommendPerson(input: $input) { recommendation { organization { name } } } }`, {
      input: { recommenderId: mentor.person.id, candidateId: applicant.person.id, postingId, note: 'Ran our youth club for three years.' },
    });
    expect(recommended.data).toEqual({ recommendPerson: { recommendation: { organization: { name: 'Gateway Hiring NGO' } } } });

    const applied = await gql<{ applyForJob: { application: { id: string; status: string } } }>(
      `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id status } } }`,
      { input: { postingId, personId: applicant.person.id } },
    );
    const applicationId = applied.data!.applyForJob.application.id;
    const skip = await gql(`mutation($id: ID!) { changeApplicationStatus(input: { id: $id, status: HIRED }) { application { status } } }`, {
      id: applicationId,
    });
    expect(skip.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    for (const status of ['SHORTLISTED', 'OFFERED', 'HIRED']) {
      const moved = await gql(
        `mutation($id: ID!, $s: ApplicationStatus!) { changeApplicationStatus(input: { id: $id, status: $s }) { application { status } } }`,
        { id: applicationId, s: status },
      );
      expect(moved.data).toEqual({ changeApplicationStatus: { application: { status } } });
    }
    const closed = await gql(`mutation($id: ID!) { closeJobPosting(input: { id: $id, filled: true }) { jobPosting { status openNow } } }`, { id: postingId });
    expect(closed.data).toEqual({ closeJobPosting: { jobPosting: { status: 'FILLED', openNow: false } } });
    const late = await gql(`mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id } } }`, {
      input: { postingId, personId: mentor.person.id },
    });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'postingId' });

    const person = await gql<{
      person: {
        applications: { nodes: { status: string; posting: { organization: { name: string } } }[] };
        recommendations: { nodes: { recommender: { name: string } }[] };
      };
    }>(
      `query($id: ID!) { person(id: $id) { applications { nodes { status posting { organization { name } } } } recommendations { nodes { recommender { name } } } } }`,
      { id: applicant.person.id },
    );
    expect(person.data!.person).toEqual({
      applications: { nodes: [{ status: 'HIRED', posting: { organization: { name: 'Gateway Hiring NGO' } } }] },
      recommendations: { nodes: [{ recommender: { name: 'Gateway Mentor' } }] },
    });
  });

  it('refuses a posting for an organization the hub does not know as NOT_FOUND through the gateway', async () => {
    const { data, errors } = await gql(
      `mutation { postJob(input: { organizationId: "00000000-0000-4000-8000-000000000000", title: "Ghost", kind: VOLUNTEER, remote: true }) { jobPosting { id } } }`,
    );
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });
});

describe('talent-market lists cost the same number of SQL statements for 2 parents as for 20', () => {
  const CITY = 'Talentcount City';

  beforeAll(async () => {
    const [organization] = await mutateAll<{ organization: { id: string } }>('createOrganization', 'CreateOrganizationInput', 'organization { id }', [
      { name: 'Talentcount NGO', kind: 'NGO', city: CITY },
    ]);
    const people = await mutateAll<{ person: { id: string } }>(
      'createPerson',
      'CreatePersonInput',
      'person { id }',
      Array.from({ length: 20 }, (_, i) => ({
        name: `Talentcount Person ${String(i).padStart(2, '0')}`,
        city: CITY,
        skills: ['talentcount'],
        openToWork: true,
        education: [
          { institution: 'Talentcount College', degree: 'BACHELOR', year: 2015 },
          { institution: 'Talentcount University', degree: 'MASTER', year: 2018 },
        ],
        qualifications: [
          { level: 'ASSISTANT_SOCIAL_WORKER', year: 2016 },
          { level: 'SOCIAL_WORKER', year: 2019 },
        ],
      })),
    );
    const postings = await mutateAll<{ jobPosting: { id: string } }>(
      'postJob',
      'PostJobInput',
      'jobPosting { id }',
      Array.from({ length: 20 }, (_, i) => ({
        organizationId: organization.organization.id,
        title: `Talentcount posting ${String(i).padStart(2, '0')}`,
        kind: 'PART_TIME',
        city: CITY,
        skills: ['Talentcount'],
      })),
    );
    // the last two people apply everywhere: the first ones (by name) still get suggestions on every page
    await mutateAll(
      'applyForJob',
      'ApplyForJobInput',
      'application { id }',
      postings.flatMap((p) => people.slice(18).map((person) => ({ postingId: p.jobPosting.id, personId: person.person.id }))),
    );
  }, 120_000);

  async function costs(query: string, counted: (data: Record<string, { nodes: unknown[] }>) => number): Promise<Record<number, Record<string, number>>> {
    const result: Record<number, Record<string, number>> = {};
    for (const first of [2, 20]) {
      result[first] = await countSql(async () => {
        const { data, errors } = await gql<Record<string, { nodes: unknown[] }>>(query, { city: CITY, first });
        expect(errors).toBeUndefined();
        expect(counted(data!)).toBe(first);
      });
    }
    return result;
  }

  it('lists postings with their organization, applications, applicants and suggested candidates', async () => {
    const query = `query($city: String!, $first: Int!) { jobPostings(filter: { city: $city }, first: $first) { nodes { title organization { name }
      applications(first: 5) { totalCount nodes { status person { name } } } suggestedCandidates(first: 3) { nodes { score person { name } } } } } }`;
    const result = await costs(query, (data) => data.jobPostings.nodes.length);
    expect(result[20]).toEqual(result[2]);
    expect(result[20].people).toBeLessThanOrEqual(8);
  });

  it('lists people with their education, qualifications, applications and suggested postings', async () => {
    const query = `query($city: String!, $first: Int!) { people(filter: { city: $city }, first: $first) { nodes { name qualification
      education { institution } qualifications { level year } applications { totalCount } suggestedPostings(first: 3) { nodes { score posting { title organization { name } } } } } } }`;
    const result = await costs(query, (data) => data.people.nodes.length);
    expect(result[20]).toEqual(result[2]);
    expect(result[20].people).toBeLessThanOrEqual(8);
  });
});
