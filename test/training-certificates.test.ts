import { adminGql as gql } from './setup/hub';

const VERIFY = `query Verify($code: String!) { verifyCertificate(code: $code) {
  code holderName holderNameZh completedOn issuedAt course { title titleZh } issuedBy { name nameZh } } }`;

interface Verification {
  code: string;
  holderName: string;
  holderNameZh: string | null;
  completedOn: string;
  issuedAt: string;
  course: { title: string; titleZh: string | null };
  issuedBy: { name: string; nameZh: string | null }[];
}

/** An anonymous client: a plain POST with no credentials of any kind. */
async function anonymously<T>(query: string, variables: Record<string, unknown>) {
  return gql<T>(query, variables, {});
}

describe('training through the gateway: certificates anyone can verify', () => {
  it('verifies a seeded certificate by its code for an anonymous client: who completed what, when, issued by whom', async () => {
    const { data, errors } = await anonymously<{ verifyCertificate: Verification }>(VERIFY, { code: 'cgjf 6p3c 2eqp' });
    expect(errors).toBeUndefined();
    expect(data!.verifyCertificate).toEqual({
      code: 'CGJF-6P3C-2EQP',
      holderName: 'He Jun',
      holderNameZh: '何军',
      completedOn: '2013-06-30',
      issuedAt: '2013-06-30T10:00:00.000Z',
      course: { title: 'Course for senior social-work supervisors', titleZh: '高级社工督导班' },
      issuedBy: [
        { name: 'Chengdu NGO Service Park', nameZh: '成都公益组织服务园' },
        { name: 'Southwestern University of Finance and Economics', nameZh: '西南财经大学' },
        { name: 'Taiwan Red Cross', nameZh: '台湾红十字会' },
      ],
    });
  });

  it('issues a certificate when a person completes a course, and verifies it by code', async () => {
    const setup = await gql<{ o: { organization: { id: string } }; p: { person: { id: string } } }>(
      `mutation { o: createOrganization(input: { name: "Certificate Test Institute", kind: NGO, city: "Chengdu" }) { organization { id } }
        p: createPerson(input: { name: "Zhang Wei", nameZh: "张伟", city: "Chengdu" }) { person { id } } }`,
    );
    expect(setup.errors).toBeUndefined();
    const { o, p } = setup.data!;
    const course = await gql<{ createCourse: { course: { id: string } } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`,
      {
        input: {
          title: 'Casework Essentials',
          titleZh: '个案工作要点',
          kind: 'COURSE',
          offeredByIds: [o.organization.id],
          startsOn: '2099-03-01',
          endsOn: '2099-03-31',
        },
      },
    );
    const enrolled = await gql<{ enrollPerson: { enrollment: { id: string } } }>(
      `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
      {
        input: { courseId: course.data!.createCourse.course.id, personId: p.person.id },
      },
    );
    const completed = await gql<{ completeEnrollment: { certificate: { code: string; holder: { name: string } } } }>(
      `mutation($id: ID!) { completeEnrollment(id: $id) { enrollment { status } certificate { code holder { name } } } }`,
      { id: enrolled.data!.enrollPerson.enrollment.id },
    );
    expect(completed.errors).toBeUndefined();
    const { code, holder } = completed.data!.completeEnrollment.certificate;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(holder.name).toBe('Zhang Wei');

    const { data } = await anonymously<{ verifyCertificate: Verification }>(VERIFY, { code });
    expect(data!.verifyCertificate).toMatchObject({
      code,
      holderName: 'Zhang Wei',
      holderNameZh: '张伟',
      completedOn: new Date().toISOString().slice(0, 10),
      course: { title: 'Casework Essentials', titleZh: '个案工作要点' },
      issuedBy: [{ name: 'Certificate Test Institute', nameZh: null }],
    });

    const person = await gql<{ person: { certificates: { nodes: { code: string; course: { title: string } }[] } } }>(
      `query($id: ID!) { person(id: $id) { certificates { nodes { code course { title } } } } }`,
      { id: p.person.id },
    );
    expect(person.data!.person.certificates.nodes).toEqual([{ code, course: { title: 'Casework Essentials' } }]);
  });

  it("gives a verifier no way into the holder's person record", async () => {
    const response = await anonymously(`query { verifyCertificate(code: "CGJF-6P3C-2EQP") { holder { id } } }`, {});
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers null for a code no certificate has, and BAD_USER_INPUT for text that cannot be a code', async () => {
    expect((await anonymously<{ verifyCertificate: unknown }>(VERIFY, { code: '0000-0000-0000' })).data!.verifyCertificate).toBeNull();
    const malformed = await anonymously(VERIFY, { code: 'not a certificate' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});
