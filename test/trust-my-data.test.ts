import { countSql, gql, must } from './setup/hub';
import { adminHeaders, userHeaders } from './setup/identities';

/**
 * A person's own data through the gateway: `myData` gathers it from the four subgraphs in one
 * request, and `deleteMyAccount` erases it everywhere while certificates stay verifiable (without
 * the name) when the person chose so.
 */
const MY_DATA = `{ myData {
  id
  person { name email phone education { institution } affiliations { nodes { organization { id } } } }
  applications { coverNote posting { title } }
  enrollments { status progress course { title } certificate { code } }
  certificates { code holderName }
  mentorships { kind mentor { id } mentee { id } }
  memberships { role organization { name } }
  apiKeysCreated { name prefix }
} }`;
const DELETE = `mutation($keep: Boolean!) { deleteMyAccount(keepCertificatesVerifiable: $keep) { personId complete pending } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { holderName holderNameZh course { title } } }`;

interface Someone {
  id: string;
  headers: Record<string, string>;
  organization: string;
  posting: string;
  course: string;
  certificate: string;
}

describe("trust: a person's own data — export and deletion", () => {
  const tag = Math.random().toString(36).slice(2, 8);
  let mentor: string;

  async function someone(name: string): Promise<Someone> {
    const id = (
      await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: {
          name,
          nameZh: '测试',
          email: `${name.replace(/\W/g, '').toLowerCase()}@example.org`,
          phone: '+86 28 1234 5678',
          education: [{ institution: 'Sichuan University', degree: 'BACHELOR' }],
        },
      })
    ).createPerson.person.id;
    const headers = await userHeaders(id);
    // created by the person: they become its ADMIN member
    const organization = (
      await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Chengdu" }) { organization { id } } }`,
        { name: `${name} Org` },
        headers,
      )
    ).createOrganization.organization.id;
    // created through this gateway: the ADMIN right applies to the creator's very next request
    await must(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
      {
        input: { organizationId: organization, name: `${name} key` },
      },
      headers,
    );
    const posting = (
      await must<{ postJob: { jobPosting: { id: string } } }>(`mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id } } }`, {
        input: { organizationId: organization, title: `Case worker ${tag}`, kind: 'FULL_TIME', city: 'Chengdu' },
      })
    ).postJob.jobPosting.id;
    await must(
      `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id } } }`,
      { input: { postingId: posting, personId: id, coverNote: 'Five years of casework.' } },
      headers,
    );
    const course = (
      await must<{ createCourse: { course: { id: string } } }>(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`, {
        input: { title: `Trust course ${tag}`, kind: 'WORKSHOP', startsOn: day(-1), endsOn: day(1), offeredByIds: [organization] },
      })
    ).createCourse.course.id;
    const enrollment = (
      await must<{ enrollPerson: { enrollment: { id: string } } }>(
        `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
        { input: { courseId: course, personId: id } },
        headers,
      )
    ).enrollPerson.enrollment.id;
    const certificate = (
      await must<{ completeEnrollment: { certificate: { code: string } } }>(`mutation($id: ID!) { completeEnrollment(id: $id) { certificate { code } } }`, {
        id: enrollment,
      })
    ).completeEnrollment.certificate.code;
    await must(
      `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { mentorship { id } } }`,
      { input: { kind: 'MENTORING', mentorId: mentor, menteeId: id } },
      headers,
    );
    return { id, headers, organization, posting, course, certificate };
  }

  beforeAll(async () => {
    mentor = (await must<{ createPerson: { person: { id: string } } }>(`mutation { createPerson(input: { name: "Trust Mentor" }) { person { id } } }`, {}))
      .createPerson.person.id;
  });

  it('refuses myData and deleteMyAccount to anonymous callers (UNAUTHENTICATED) and to an API key (FORBIDDEN)', async () => {
    expect((await gql(`{ myData { id } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(DELETE, { keep: true })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(`{ myData { id } }`, {}, adminHeaders())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('exports everything the hub holds about the signed-in person from all subgraphs in one request, in statements that do not grow with their data', async () => {
    const person = await someone(`Export Person ${tag}`);
    let data: any;
    const statements = await countSql(async () => (data = (await must<{ myData: any }>(MY_DATA, {}, person.headers)).myData));
    expect(data.id).toBe(person.id);
    expect(data.person).toMatchObject({
      name: `Export Person ${tag}`,
      email: expect.stringContaining('@example.org'),
      phone: '+86 28 1234 5678',
      education: [{ institution: 'Sichuan University' }],
    });
    expect(data.applications).toEqual([{ coverNote: 'Five years of casework.', posting: { title: `Case worker ${tag}` } }]);
    expect(data.enrollments).toEqual([
      expect.objectContaining({ status: 'COMPLETED', course: { title: `Trust course ${tag}` }, certificate: { code: person.certificate } }),
    ]);
    expect(data.certificates).toEqual([{ code: person.certificate, holderName: `Export Person ${tag}` }]);
    expect(data.mentorships).toEqual([{ kind: 'MENTORING', mentor: { id: mentor }, mentee: { id: person.id } }]);
    expect(data.memberships).toEqual([{ role: 'ADMIN', organization: { name: `Export Person ${tag} Org` } }]);
    expect(data.apiKeysCreated).toEqual([expect.objectContaining({ name: `Export Person ${tag} key` })]);

    // a second person with twice the rows costs the same statements: no N+1
    const other = await someone(`Export Other ${tag}`);
    await must(
      `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id } } }`,
      { input: { postingId: person.posting, personId: other.id } },
      other.headers,
    );
    const again = await countSql(() => must(MY_DATA, {}, other.headers));
    expect(again).toEqual(statements);
  });

  it('deletes an account everywhere, keeping certificates verifiable without the name when asked, and is safe to repeat', async () => {
    const person = await someone(`Leaving Person ${tag}`);
    const deleted = await must<{ deleteMyAccount: { complete: boolean; pending: string[] } }>(DELETE, { keep: true }, person.headers);
    expect(deleted.deleteMyAccount).toEqual({ personId: person.id, complete: true, pending: [] });

    expect((await must<{ person: unknown }>(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id })).person).toBeNull();
    const people = await must<{ people: { nodes: { id: string }[] } }>(`query($s: String!) { people(filter: { search: $s }) { nodes { id } } }`, {
      s: `Leaving Person ${tag}`,
    });
    expect(people.people.nodes).toEqual([]);

    // the organization still sees the application, without name, contact or cover note
    const applications = await must<{ jobPosting: { applications: { nodes: any[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { applications { nodes { status coverNote person { id name email phone } } } } }`,
      { id: person.posting },
    );
    expect(applications.jobPosting.applications.nodes).toEqual([
      { status: 'SUBMITTED', coverNote: null, person: { id: person.id, name: 'Erased person', email: null, phone: null } },
    ]);
    const enrollments = await must<{ course: { enrollments: { nodes: any[] } } }>(
      `query($id: ID!) { course(id: $id) { enrollments { nodes { status person { name email } } } } }`,
      { id: person.course },
    );
    expect(enrollments.course.enrollments.nodes).toEqual([{ status: 'COMPLETED', person: { name: 'Erased person', email: null } }]);

    const verified = await gql<{ verifyCertificate: unknown }>(VERIFY, { code: person.certificate });
    expect(verified.data?.verifyCertificate).toEqual({ holderName: null, holderNameZh: null, course: { title: `Trust course ${tag}` } });

    const left = await must<{ myData: any }>(MY_DATA, {}, person.headers);
    expect(left.myData).toMatchObject({
      person: null,
      mentorships: [],
      memberships: [],
      apiKeysCreated: [],
      certificates: [{ code: person.certificate, holderName: null }],
    });
    expect(left.myData.applications).toEqual([{ coverNote: null, posting: { title: `Case worker ${tag}` } }]);

    const repeated = await must<{ deleteMyAccount: { complete: boolean } }>(DELETE, { keep: true }, person.headers);
    expect(repeated.deleteMyAccount.complete).toBe(true);

    // the audit log keeps the deletion requests (by id), and who read the erased person's data after
    const audit = await must<{ auditLog: { nodes: { action: string; fields: string[]; actor: { kind: string } }[] } }>(
      `query($subject: ID!) { auditLog(filter: { subject: $subject, action: WRITE }) { nodes { action fields actor { kind } } } }`,
      { subject: person.id },
    );
    expect(audit.auditLog.nodes.filter((e) => e.fields.includes('Mutation.deleteMyAccount'))).toHaveLength(2);
  });

  it('deletes the certificates when the person does not keep them verifiable', async () => {
    const person = await someone(`Gone Person ${tag}`);
    await must(DELETE, { keep: false }, person.headers);
    const verified = await gql<{ verifyCertificate: unknown }>(VERIFY, { code: person.certificate });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyCertificate).toBeNull();
  });
});
