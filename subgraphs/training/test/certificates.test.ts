import { seedId } from '@ngo-hub/kit';
import { asAnonymous, graphqlRequestAs } from '@ngo-hub/kit/testing';
import { randomUUID } from 'node:crypto';
import { SEED_HOLDER_NAMES } from '../seed/certificate-holders.seed';
import { SEED_COURSES } from '../seed/training.seed';
import { formatCertificateCode, newCertificateCode, parseCertificateCode } from '../src/services/certificate-codes';
import { courseInput, createCourse } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { enroll, ok, refused, statementsDuring } from './support/requests';

const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');
const SWUFE = seedId('org:swufe');
const COMPLETE = `mutation($id: ID!) { completeEnrollment(id: $id) { enrollment { id status certificate { code } }
  certificate { id code holderName holderNameZh completedOn issuedAt issuedBy { id } holder { id } course { id } enrollment { id } } } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code holderName holderNameZh completedOn issuedAt course { id title } issuedBy { id } } }`;

interface Issued {
  code: string;
  holderName: string;
  holderNameZh: string | null;
  completedOn: string;
  issuedAt: string;
  issuedBy: { id: string }[];
}

describe('training subgraph: completion certificates', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    // its own people subgraph: the last test stops it
    hub = await startTrainingHub(['organizations', 'people'], { own: ['people'] });
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 20 }, (_, i) => `Certificate Holder ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  describe('codes', () => {
    it('are 12 characters of Crockford base32, different every time', () => {
      const codes = Array.from({ length: 1000 }, newCertificateCode);
      expect(codes.every((code) => /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code))).toBe(true);
      expect(new Set(codes).size).toBe(1000);
    });

    it('read back as typed: any case, with or without hyphens and spaces, O as 0 and I or L as 1', () => {
      expect(parseCertificateCode(' 7k2m-qx9p-4drt ', 'code')).toBe('7K2MQX9P4DRT');
      expect(parseCertificateCode('OIL2 QX9P 4DRT', 'code')).toBe('0112QX9P4DRT');
      expect(formatCertificateCode('7K2MQX9P4DRT')).toBe('7K2M-QX9P-4DRT');
    });
  });

  it('issues a certificate with the completion, naming the holder and the offering organizations', async () => {
    const course = await createCourse(training(), courseInput([SERVICE_PARK, SWUFE], { title: `Certified course ${randomUUID().slice(0, 6)}` }));
    const enrollment = await enroll(training(), course.id, people[0]);
    const { completeEnrollment } = await ok<{
      completeEnrollment: { enrollment: { status: string; certificate: { code: string } }; certificate: Issued & Record<string, unknown> };
    }>(training(), COMPLETE, { id: enrollment.id });
    const { certificate } = completeEnrollment;
    expect(certificate).toMatchObject({
      code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
      holderName: 'Certificate Holder 1',
      holderNameZh: null,
      completedOn: new Date().toISOString().slice(0, 10),
      issuedBy: [{ id: SERVICE_PARK }, { id: SWUFE }],
      holder: { id: people[0] },
      course: { id: course.id },
      enrollment: { id: enrollment.id },
    });
    expect(completeEnrollment.enrollment).toMatchObject({ status: 'COMPLETED', certificate: { code: certificate.code } });

    const { verifyCertificate } = await ok<{ verifyCertificate: Issued & { course: { id: string } } }>(training(), VERIFY, {
      code: certificate.code.toLowerCase().replace(/-/g, ''),
    });
    expect(verifyCertificate).toEqual({
      code: certificate.code,
      holderName: 'Certificate Holder 1',
      holderNameZh: null,
      completedOn: certificate.completedOn,
      issuedAt: certificate.issuedAt,
      course: { id: course.id, title: course.title },
      issuedBy: [{ id: SERVICE_PARK }, { id: SWUFE }],
    });
  });

  it('keeps a certificate as issued when the course changes its offering organizations later', async () => {
    const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Reissued course ${randomUUID().slice(0, 6)}` }));
    const enrollment = await enroll(training(), course.id, people[1]);
    const { completeEnrollment } = await ok<{ completeEnrollment: { certificate: Issued } }>(training(), COMPLETE, { id: enrollment.id });
    await ok(training(), `mutation($id: ID!) { updateCourse(id: $id, input: { offeredByIds: ["${SWUFE}"] }) { course { id } } }`, { id: course.id });
    const { verifyCertificate } = await ok<{ verifyCertificate: Issued }>(training(), VERIFY, { code: completeEnrollment.certificate.code });
    expect(verifyCertificate.issuedBy).toEqual([{ id: SERVICE_PARK }]);
  });

  it('answers null for a well-formed code that no certificate has, and BAD_USER_INPUT for one that cannot be a code', async () => {
    const { verifyCertificate } = await ok<{ verifyCertificate: unknown }>(training(), VERIFY, { code: formatCertificateCode(newCertificateCode()) });
    expect(verifyCertificate).toBeNull();
    for (const code of ['', 'ABC', 'UUUU-UUUU-UUUU', `${newCertificateCode()}X`]) {
      expect(await refused(training(), VERIFY, { code })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    }
  });

  it('tells a verifier nothing about the holder but the printed name: no Person, no id', async () => {
    const { __type } = await ok<{
      __type: { fields: { name: string; type: { name: string | null; ofType: { name: string | null; ofType: { name: string } | null } | null } }[] };
    }>(training(), `{ __type(name: "CertificateVerification") { fields { name type { name ofType { name ofType { name } } } } } }`);
    expect(__type.fields.map((f) => f.name).sort()).toEqual(['code', 'completedOn', 'course', 'holderName', 'holderNameZh', 'issuedAt', 'issuedBy']);
    const typeNames = JSON.stringify(__type.fields.map((f) => f.type));
    expect(typeNames).not.toContain('Person');
    expect(typeNames).not.toContain('Enrollment');
    expect(typeNames).not.toContain('"ID"');
  });

  it("lists a person's certificates in the order they were issued, for many people in the same number of SQL statements", async () => {
    const courses: { id: string }[] = [];
    for (let i = 0; i < 2; i += 1)
      courses.push(await createCourse(training(), courseInput([SERVICE_PARK], { title: `Batch certified ${i} ${randomUUID().slice(0, 6)}`, capacity: null })));
    const holders = people.slice(2, 20);
    for (const course of courses) {
      for (const person of holders) await ok(training(), COMPLETE, { id: (await enroll(training(), course.id, person)).id });
    }
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { certificates(first: 5) { totalCount nodes { code holderName course { id } issuedBy { id } } } } } }`;
    const of = (n: number) => ({ r: holders.slice(0, n).map((id) => ({ __typename: 'Person', id })) });
    const data = await ok<{ _entities: { certificates: { totalCount: number; nodes: { course: { id: string } }[] } }[] }>(training(), query, of(18));
    expect(
      data._entities.every((e) => e.certificates.totalCount === 2 && e.certificates.nodes.map((n) => n.course.id).join() === courses.map((c) => c.id).join()),
    ).toBe(true);
    const two = await statementsDuring(training(), () => ok(training(), query, of(2)));
    const eighteen = await statementsDuring(training(), () => ok(training(), query, of(18)));
    expect(eighteen).toBe(two);
    // certificates, their totals, their courses
    expect(eighteen).toBe(3);
  });

  describe('the seed', () => {
    const seeded = SEED_COURSES.flatMap((course) => course.enrollments.map((e) => ({ course: course.slug, ...e })));

    it('has a certificate with a fixed code for every completed enrollment, and only for those', () => {
      for (const enrollment of seeded)
        expect([enrollment.person, Boolean(enrollment.certificate)]).toEqual([enrollment.person, enrollment.status === 'COMPLETED']);
      const codes = seeded.flatMap((e) => (e.certificate ? [e.certificate.code] : []));
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(parseCertificateCode(code, 'code')).toBe(code);
    });

    it('verifies the seeded codes, e.g. the supervisors course certificate of He Jun', async () => {
      const { verifyCertificate } = await ok<{ verifyCertificate: Issued & { course: { id: string; title: string } } }>(training(), VERIFY, {
        code: 'CGJF-6P3C-2EQP',
      });
      expect(verifyCertificate).toMatchObject({
        holderName: 'He Jun',
        holderNameZh: '何军',
        completedOn: '2013-06-30',
        course: { id: seedId('course:chengdu-senior-supervisors') },
        issuedBy: ['chengdu-ngo-service-park', 'swufe', 'taiwan-red-cross'].map((slug) => ({ id: seedId(`org:${slug}`) })),
      });
    });

    it('prints on its certificates the names the people subgraph holds', async () => {
      const slugs = Object.keys(SEED_HOLDER_NAMES);
      const { data } = await graphqlRequestAs<{ _entities: { name: string; nameZh: string }[] }>(
        asAnonymous(),
        hub.services.people!.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name nameZh } } }`,
        { r: slugs.map((slug) => ({ __typename: 'Person', id: seedId(`person:${slug}`) })) },
      );
      expect(data!._entities).toEqual(slugs.map((slug) => SEED_HOLDER_NAMES[slug]));
      const holders = new Set(seeded.filter((e) => e.certificate).map((e) => e.person));
      expect([...holders].every((slug) => slug in SEED_HOLDER_NAMES)).toBe(true);
    });
  });

  // Last: it stops the people subgraph.
  it("leaves the enrollment ENROLLED, without a certificate, when the holder's name cannot be had", async () => {
    const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Unreachable names ${randomUUID().slice(0, 6)}` }));
    const enrollment = await enroll(training(), course.id, people[19]);
    await hub.services.people!.stop();
    expect(await refused(training(), COMPLETE, { id: enrollment.id })).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    const data = await ok<{ enrollment: { status: string; certificate: unknown } }>(
      training(),
      `query($id: ID!) { enrollment(id: $id) { status certificate { code } } }`,
      { id: enrollment.id },
    );
    expect(data.enrollment).toEqual({ status: 'ENROLLED', certificate: null });
  });
});
