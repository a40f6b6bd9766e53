import { adminGql as gql } from './setup/hub';

/** Runs one mutation per input in a single request, with aliases; returns the results in order. */
async function mutateAll<T>(field: string, inputType: string, selection: string, inputs: Record<string, unknown>[]): Promise<T[]> {
  const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]));
  const declarations = inputs.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
  const fields = inputs.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
  const { data, errors } = await gql<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables);
  expect(errors).toBeUndefined();
  return inputs.map((_, i) => data![`m${i}`]);
}

interface Enrollment {
  id: string;
  status: string;
  appliedAt: string;
  person: { id: string; name: string };
}

const ENROLL = `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id status } } }`;
const DROP = `mutation($id: ID!) { dropEnrollment(id: $id) { enrollment { id status } promoted { id status } } }`;
const APPROVE = `mutation($id: ID!) { approveEnrollment(id: $id) { enrollment { id status } } }`;

describe("training through the gateway: a course's capacity holds when many people act at the same moment", () => {
  let organizationId: string;
  let people: string[];

  beforeAll(async () => {
    const [organization] = await mutateAll<{ organization: { id: string } }>('createOrganization', 'CreateOrganizationInput', 'organization { id }', [
      { name: 'Capacity Test Training Centre', kind: 'NGO', city: 'Chengdu' },
    ]);
    organizationId = organization.organization.id;
    const created = await mutateAll<{ person: { id: string } }>(
      'createPerson',
      'CreatePersonInput',
      'person { id }',
      Array.from({ length: 50 }, (_, i) => ({ name: `Capacity Applicant ${String(i + 1).padStart(2, '0')}`, city: 'Chengdu' })),
    );
    people = created.map((c) => c.person.id);
  }, 60_000);

  async function createCourse(title: string, capacity: number, requiresApproval = false): Promise<string> {
    const [created] = await mutateAll<{ course: { id: string } }>('createCourse', 'CreateCourseInput', 'course { id }', [
      { title, kind: 'TRAINING_CAMP', offeredByIds: [organizationId], startsOn: '2099-07-01', endsOn: '2099-07-05', capacity, requiresApproval },
    ]);
    return created.course.id;
  }

  async function enrollmentsOf(
    courseId: string,
  ): Promise<{ enrolledCount: number; seatsLeft: number; enrollments: { totalCount: number; nodes: Enrollment[] } }> {
    const { data, errors } = await gql<{ course: { enrolledCount: number; seatsLeft: number; enrollments: { totalCount: number; nodes: Enrollment[] } } }>(
      `query($id: ID!) { course(id: $id) { enrolledCount seatsLeft enrollments(first: 100) { totalCount nodes { id status appliedAt person { id name } } } } }`,
      { id: courseId },
    );
    expect(errors).toBeUndefined();
    return data!.course;
  }

  const withStatus = (nodes: Enrollment[], status: string) => nodes.filter((n) => n.status === status);

  describe('50 people enroll at once in a course of 10 seats', () => {
    let courseId: string;

    beforeAll(async () => {
      courseId = await createCourse('Fifty applicants, ten seats', 10);
      const results = await Promise.all(
        people.map((personId) => gql<{ enrollPerson: { enrollment: { status: string } } }>(ENROLL, { input: { courseId, personId } })),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(results.filter((r) => r.data!.enrollPerson.enrollment.status === 'ENROLLED')).toHaveLength(10);
    }, 60_000);

    it('enrolls exactly 10 and waitlists 40, losing and duplicating no one', async () => {
      const course = await enrollmentsOf(courseId);
      expect(course.enrollments.totalCount).toBe(50);
      expect([withStatus(course.enrollments.nodes, 'ENROLLED').length, withStatus(course.enrollments.nodes, 'WAITLISTED').length]).toEqual([10, 40]);
      const persons = course.enrollments.nodes.map((n) => n.person.id);
      expect(new Set(persons)).toEqual(new Set(people));
      expect(persons).toHaveLength(50);
      expect(course).toMatchObject({ enrolledCount: 10, seatsLeft: 0 });
      // seats went in the order people got in, and the waiting list keeps that order
      const lastSeat = withStatus(course.enrollments.nodes, 'ENROLLED')
        .map((n) => n.appliedAt)
        .sort()
        .at(-1)!;
      expect(withStatus(course.enrollments.nodes, 'WAITLISTED').every((n) => n.appliedAt >= lastSeat)).toBe(true);
    });

    it('promotes the first five on the waiting list when five enrolled and five waitlisted people drop at once', async () => {
      const before = await enrollmentsOf(courseId);
      const waiting = withStatus(before.enrollments.nodes, 'WAITLISTED');
      const leaving = [...withStatus(before.enrollments.nodes, 'ENROLLED').slice(0, 5), ...waiting.slice(-5)];
      const results = await Promise.all(
        leaving.map((e) => gql<{ dropEnrollment: { enrollment: { status: string }; promoted: { id: string; status: string } | null } }>(DROP, { id: e.id })),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const promoted = results.flatMap((r) => (r.data!.dropEnrollment.promoted ? [r.data!.dropEnrollment.promoted] : []));
      expect(promoted.map((p) => p.id).sort()).toEqual(
        waiting
          .slice(0, 5)
          .map((e) => e.id)
          .sort(),
      );
      expect(promoted.every((p) => p.status === 'ENROLLED')).toBe(true);

      const after = await enrollmentsOf(courseId);
      expect(after).toMatchObject({ enrolledCount: 10, seatsLeft: 0 });
      expect([
        withStatus(after.enrollments.nodes, 'ENROLLED').length,
        withStatus(after.enrollments.nodes, 'WAITLISTED').length,
        withStatus(after.enrollments.nodes, 'DROPPED').length,
      ]).toEqual([10, 30, 10]);
    });

    it('fills every freed seat when ten enrolled people drop at once, then has nothing left to promote', async () => {
      const before = await enrollmentsOf(courseId);
      const waiting = withStatus(before.enrollments.nodes, 'WAITLISTED');
      const results = await Promise.all(
        withStatus(before.enrollments.nodes, 'ENROLLED').map((e) => gql<{ dropEnrollment: { promoted: { id: string } | null } }>(DROP, { id: e.id })),
      );
      expect(results.map((r) => r.data!.dropEnrollment.promoted?.id).sort()).toEqual(
        waiting
          .slice(0, 10)
          .map((e) => e.id)
          .sort(),
      );
      const after = await enrollmentsOf(courseId);
      expect([withStatus(after.enrollments.nodes, 'ENROLLED').length, withStatus(after.enrollments.nodes, 'WAITLISTED').length]).toEqual([10, 20]);
    });
  });

  it('lets one of ten simultaneous enrollments of the same person through; the others are a CONFLICT', async () => {
    const courseId = await createCourse('Same person, ten tries', 3);
    const results = await Promise.all(Array.from({ length: 10 }, () => gql(ENROLL, { input: { courseId, personId: people[0] } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(9).fill('CONFLICT'));
    expect((await enrollmentsOf(courseId)).enrollments.totalCount).toBe(1);
  });

  it('admits 15 applicants approved at once into 5 seats: 5 ENROLLED, 10 WAITLISTED', async () => {
    const courseId = await createCourse('Approved at once', 5, true);
    const applied = await Promise.all(
      people.slice(0, 15).map((personId) => gql<{ enrollPerson: { enrollment: { id: string; status: string } } }>(ENROLL, { input: { courseId, personId } })),
    );
    expect(applied.map((r) => r.data!.enrollPerson.enrollment.status)).toEqual(Array(15).fill('APPLIED'));
    expect(await enrollmentsOf(courseId)).toMatchObject({ enrolledCount: 0, seatsLeft: 5 });
    const approved = await Promise.all(
      applied.map((r) => gql<{ approveEnrollment: { enrollment: { status: string } } }>(APPROVE, { id: r.data!.enrollPerson.enrollment.id })),
    );
    expect(approved.flatMap((r) => r.errors ?? [])).toEqual([]);
    const statuses = approved.map((r) => r.data!.approveEnrollment.enrollment.status);
    expect([statuses.filter((s) => s === 'ENROLLED').length, statuses.filter((s) => s === 'WAITLISTED').length]).toEqual([5, 10]);
    expect(await enrollmentsOf(courseId)).toMatchObject({ enrolledCount: 5, seatsLeft: 0 });
  });
});
