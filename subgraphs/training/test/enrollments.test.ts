import { createLogger, References, seedId } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { SEED_COURSES } from '../seed/training.seed';
import { courseInput, createCourse, daysFromToday } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { asService, identityHeaders } from '@ngo-hub/kit/testing';

const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');

const ENROLL = `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id status appliedAt course { id } person { id } } } }`;
const DROP = `mutation($id: ID!) { dropEnrollment(id: $id) { enrollment { id status } promoted { id status person { id } } } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrollment(id: $id) { enrollment { id status } } }`;

interface Enrollment {
  id: string;
  status: string;
  appliedAt: string;
  course: { id: string };
  person: { id: string };
}

interface CourseSeats {
  enrolledCount: number;
  seatsLeft: number | null;
  enrollments: { totalCount: number; nodes: { id: string; status: string; appliedAt: string; person: { id: string } }[] };
}

describe('training subgraph: enrollments', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people']);
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 20 }, (_, i) => `Enrollment Test Person ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  async function enroll(courseId: string, personId: string) {
    return training().request<{ enrollPerson: { enrollment: Enrollment } }>(ENROLL, { input: { courseId, personId } });
  }

  async function seatsOf(courseId: string, status?: string): Promise<CourseSeats> {
    const { data, errors } = await training().request<{ course: CourseSeats }>(
      `query($id: ID!, $status: EnrollmentStatus) { course(id: $id) { enrolledCount seatsLeft enrollments(first: 100, status: $status) { totalCount nodes { id status appliedAt person { id } } } } }`,
      { id: courseId, status },
    );
    expect(errors).toBeUndefined();
    return data!.course;
  }

  async function newCourse(overrides: Record<string, unknown> = {}) {
    return createCourse(training(), courseInput([SERVICE_PARK], { title: `Enrollment course ${randomUUID().slice(0, 8)}`, ...overrides }));
  }

  it('enrolls an existing person and takes one seat', async () => {
    const course = await newCourse({ capacity: 3 });
    const { data, errors } = await enroll(course.id, people[0]);
    expect(errors).toBeUndefined();
    expect(data!.enrollPerson.enrollment).toMatchObject({ status: 'ENROLLED', course: { id: course.id }, person: { id: people[0] } });
    expect(Date.parse(data!.enrollPerson.enrollment.appliedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await seatsOf(course.id)).toMatchObject({ enrolledCount: 1, seatsLeft: 2 });
  });

  it('refuses to enroll a person who does not exist as NOT_FOUND, and writes nothing', async () => {
    const course = await newCourse();
    for (const personId of [randomUUID(), 'not-a-person-id']) {
      const { errors } = await enroll(course.id, personId);
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Person', field: 'personId' });
    }
    expect((await seatsOf(course.id)).enrollments.totalCount).toBe(0);
  });

  it('refuses to enroll in a course that does not exist as NOT_FOUND', async () => {
    for (const courseId of [randomUUID(), 'not-a-course-id']) {
      const { errors } = await enroll(courseId, people[0]);
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Course', field: 'courseId' });
    }
  });

  it('refuses a second enrollment of the same person in the same course as a CONFLICT', async () => {
    const course = await newCourse();
    expect((await enroll(course.id, people[1])).errors).toBeUndefined();
    const { errors } = await enroll(course.id, people[1]);
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'personId' });
    expect((await seatsOf(course.id)).enrollments.totalCount).toBe(1);
  });

  it('refuses enrollment in a course that has ended as a CONFLICT', async () => {
    const course = await newCourse({ startsOn: '2012-03-01', endsOn: '2012-03-02' });
    const { errors } = await enroll(course.id, people[2]);
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'courseId' });
  });

  it('enrolls without limit when the course has no capacity', async () => {
    const course = await newCourse({ capacity: null });
    const results = await Promise.all(people.slice(0, 8).map((personId) => enroll(course.id, personId)));
    expect(results.map((r) => r.data?.enrollPerson.enrollment.status)).toEqual(Array(8).fill('ENROLLED'));
    expect(await seatsOf(course.id)).toMatchObject({ enrolledCount: 8, seatsLeft: null });
  });

  describe('a course with 5 seats and 20 people applying at the same moment', () => {
    let courseId: string;

    beforeAll(async () => {
      courseId = (await newCourse({ capacity: 5, title: 'Five-seat course' })).id;
      const results = await Promise.all(people.map((personId) => enroll(courseId, personId)));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    });

    it('never exceeds its capacity: exactly 5 ENROLLED, 15 WAITLISTED, none lost', async () => {
      const seats = await seatsOf(courseId);
      expect(seats.enrollments.totalCount).toBe(20);
      const count = (status: string) => seats.enrollments.nodes.filter((n) => n.status === status).length;
      expect([count('ENROLLED'), count('WAITLISTED')]).toEqual([5, 15]);
      expect(new Set(seats.enrollments.nodes.map((n) => n.person.id))).toEqual(new Set(people));
      expect(seats).toMatchObject({ enrolledCount: 5, seatsLeft: 0 });
    });

    it('lists the waiting list in the order people applied, page by page', async () => {
      const seen: { appliedAt: string; id: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          data?: { course: { enrollments: { nodes: { id: string; appliedAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
        } = await training().request(
          `query($id: ID!, $after: String) { course(id: $id) { enrollments(first: 4, after: $after, status: WAITLISTED) { nodes { id appliedAt } pageInfo { hasNextPage endCursor } } } }`,
          { id: courseId, after },
        );
        seen.push(...page.data!.course.enrollments.nodes);
        if (!page.data!.course.enrollments.pageInfo.hasNextPage) break;
        after = page.data!.course.enrollments.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(15);
      expect(new Set(seen.map((e) => e.id)).size).toBe(15);
      const order = seen.map((e) => [e.appliedAt, e.id].join(' '));
      expect(order).toEqual([...order].sort());
    });

    it('is no longer open for enrollment once full', async () => {
      const { data } = await training().request<{ courses: { nodes: { id: string }[] } }>(
        `{ courses(filter: { search: "Five-seat course", openForEnrollment: true }) { nodes { id } } }`,
      );
      expect(data!.courses.nodes).toEqual([]);
    });

    it('gives a dropped seat to the first person on the waiting list', async () => {
      const before = await seatsOf(courseId);
      const enrolled = before.enrollments.nodes.find((n) => n.status === 'ENROLLED')!;
      const firstWaiting = before.enrollments.nodes.filter((n) => n.status === 'WAITLISTED')[0];
      const { data, errors } = await training().request<{ dropEnrollment: { enrollment: { status: string }; promoted: { id: string; status: string } } }>(
        DROP,
        { id: enrolled.id },
      );
      expect(errors).toBeUndefined();
      expect(data!.dropEnrollment).toMatchObject({ enrollment: { status: 'DROPPED' }, promoted: { id: firstWaiting.id, status: 'ENROLLED' } });
      const after = await seatsOf(courseId);
      const count = (status: string) => after.enrollments.nodes.filter((n) => n.status === status).length;
      expect([count('ENROLLED'), count('WAITLISTED'), count('DROPPED')]).toEqual([5, 14, 1]);
      expect(after).toMatchObject({ enrolledCount: 5, seatsLeft: 0 });
    });

    it('promotes nobody when someone leaves the waiting list', async () => {
      const waiting = (await seatsOf(courseId, 'WAITLISTED')).enrollments.nodes;
      const { data } = await training().request<{ dropEnrollment: { promoted: unknown } }>(DROP, { id: waiting.at(-1)!.id });
      expect(data!.dropEnrollment.promoted).toBeNull();
      expect(await seatsOf(courseId)).toMatchObject({ enrolledCount: 5, seatsLeft: 0 });
    });

    it('refuses to drop an enrollment twice, or to drop an unknown one', async () => {
      const [dropped] = (await seatsOf(courseId, 'DROPPED')).enrollments.nodes;
      expect((await training().request(DROP, { id: dropped.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await training().request(DROP, { id: randomUUID() })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Enrollment' });
    });

    it('completes only an ENROLLED enrollment; anything else is a CONFLICT', async () => {
      const [waiting] = (await seatsOf(courseId, 'WAITLISTED')).enrollments.nodes;
      const refused = await training().request(COMPLETE, { id: waiting.id });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect((await seatsOf(courseId, 'WAITLISTED')).enrollments.nodes[0]).toMatchObject({ id: waiting.id, status: 'WAITLISTED' });

      const [enrolled] = (await seatsOf(courseId, 'ENROLLED')).enrollments.nodes;
      const { data } = await training().request<{ completeEnrollment: { enrollment: { status: string } } }>(COMPLETE, { id: enrolled.id });
      expect(data!.completeEnrollment.enrollment.status).toBe('COMPLETED');
      expect((await training().request(COMPLETE, { id: enrolled.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
      // a completed participant still holds the seat
      expect(await seatsOf(courseId)).toMatchObject({ enrolledCount: 5, seatsLeft: 0 });
    });

    async function statementsOf(query: string, variables: Record<string, unknown>) {
      const before = await training().sqlStatements();
      const { data, errors } = await training().request(query, variables);
      expect(errors).toBeUndefined();
      return { statements: (await training().sqlStatements()) - before, data };
    }

    const PERSON_ENROLLMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id enrollments(first: 5) {
      totalCount nodes { status appliedAt person { id } course { title seatsLeft offeredBy { id } } } } } } }`;

    it('resolves Person.enrollments for 2 or 20 people with the same number of SQL statements', async () => {
      const representations = (n: number) => people.slice(0, n).map((id) => ({ __typename: 'Person', id }));
      const two = await statementsOf(PERSON_ENROLLMENTS, { r: representations(2) });
      const twenty = await statementsOf(PERSON_ENROLLMENTS, { r: representations(20) });
      const entities = (twenty.data as { _entities: { enrollments: { totalCount: number } }[] })._entities;
      expect(entities.every((e) => e.enrollments.totalCount >= 1)).toBe(true);
      expect(twenty.statements).toBe(two.statements);
      // enrollments, their totals, their courses, seats taken, offering organizations, and the audit log's one insert
      expect(twenty.statements).toBe(6);
    });

    it("filters a person's enrollments by status", async () => {
      const { data } = await training().request<{ _entities: { enrollments: { nodes: { status: string; course: { title: string } }[] } }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { enrollments(status: WAITLISTED) { nodes { status course { title } } } } } }`,
        { r: people.map((id) => ({ __typename: 'Person', id })) },
      );
      const waiting = data!._entities.flatMap((e) => e.enrollments.nodes);
      expect(waiting).toHaveLength(13);
      expect(waiting.every((n) => n.status === 'WAITLISTED' && n.course.title === 'Five-seat course')).toBe(true);
    });
  });

  it("refers in its seed only to people and organizations that exist in their subgraphs' seeds", async () => {
    const references = new References(
      { organizations: hub.services.organizations!.url, people: hub.services.people!.url },
      createLogger('test', 'silent'),
      () => identityHeaders(asService()),
    );
    const organizationIds = SEED_COURSES.flatMap((c) => c.offeredBy.map((slug) => seedId(`org:${slug}`)));
    const personIds = SEED_COURSES.flatMap((c) => c.enrollments.map((e) => seedId(`person:${e.person}`)));
    await expect(references.assertExist('Organization', organizationIds, 'offeredBy')).resolves.toBeUndefined();
    await expect(references.assertExist('Person', personIds, 'enrollments')).resolves.toBeUndefined();
  });

  it('shows the seed\'s students in the upcoming "Spread Your Wings" camp, with seats left', async () => {
    const { data } = await training().request<{
      _entities: { enrollments: { nodes: { status: string; course: { titleZh: string; startsOn: string; seatsLeft: number } }[] } }[];
    }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { enrollments { nodes { status course { titleZh startsOn seatsLeft } } } } } }`, {
      r: ['student-1', 'student-2'].map((slug) => ({ __typename: 'Person', id: seedId(`person:${slug}`) })),
    });
    for (const entity of data!._entities) {
      const camp = entity.enrollments.nodes.find((n) => n.course.titleZh === '青翼训练营');
      expect(camp).toMatchObject({ status: 'ENROLLED', course: { seatsLeft: 38 } });
      expect(camp!.course.startsOn > daysFromToday(0)).toBe(true);
    }
  });
});
