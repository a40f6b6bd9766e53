import { seedId } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { ENROLLMENT_TRANSITIONS, EnrollmentStatus } from '../src/vocabulary/enrollment-status';
import { courseInput, createCourse, daysFromToday } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { enroll, ok, refused } from './support/requests';

const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');
const APPROVE = `mutation($id: ID!) { approveEnrollment(id: $id) { enrollment { id status } } }`;
const DROP = `mutation($id: ID!) { dropEnrollment(id: $id) { enrollment { id status } promoted { id } } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrollment(id: $id) { enrollment { id status } certificate { code } } }`;

describe('training subgraph: courses that require approval, and the enrollment transitions', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people']);
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 6 }, (_, i) => `Approval Person ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  const newCourse = (overrides: Record<string, unknown> = {}) =>
    createCourse(
      training(),
      courseInput([SERVICE_PARK], { title: `Approval course ${randomUUID().slice(0, 6)}`, requiresApproval: true, capacity: 2, ...overrides }),
    );

  const seats = async (id: string) =>
    (await ok<{ course: { enrolledCount: number; seatsLeft: number } }>(training(), `query($id: ID!) { course(id: $id) { enrolledCount seatsLeft } }`, { id }))
      .course;

  it('keeps the transition table the issue sets out', () => {
    const { ENROLLED, WAITLISTED, COMPLETED, DROPPED } = EnrollmentStatus;
    expect(ENROLLMENT_TRANSITIONS).toEqual({
      APPLIED: [ENROLLED, WAITLISTED, DROPPED],
      WAITLISTED: [ENROLLED, DROPPED],
      ENROLLED: [COMPLETED, DROPPED],
      COMPLETED: [],
      DROPPED: [],
    });
  });

  it('takes applicants as APPLIED, holding no seat, until they are approved', async () => {
    const course = await newCourse();
    const applied = await Promise.all(people.slice(0, 3).map((person) => enroll(training(), course.id, person)));
    expect(applied.map((e) => e.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(await seats(course.id)).toEqual({ enrolledCount: 0, seatsLeft: 2 });

    const approved = [];
    for (const enrollment of applied)
      approved.push(
        (await ok<{ approveEnrollment: { enrollment: { status: string } } }>(training(), APPROVE, { id: enrollment.id })).approveEnrollment.enrollment.status,
      );
    expect(approved).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED']);
    expect(await seats(course.id)).toEqual({ enrolledCount: 2, seatsLeft: 0 });

    // the approved applicant on the waiting list takes the next free seat
    const { dropEnrollment } = await ok<{ dropEnrollment: { promoted: { id: string } } }>(training(), DROP, { id: applied[0].id });
    expect(dropEnrollment.promoted).toEqual({ id: applied[2].id });
  });

  it('approves only APPLIED enrollments: anything else is a CONFLICT naming the status', async () => {
    const course = await newCourse({ requiresApproval: false });
    const enrolled = await enroll(training(), course.id, people[0]);
    expect(await refused(training(), APPROVE, { id: enrolled.id })).toMatchObject({ code: 'CONFLICT', field: 'id', from: 'ENROLLED' });
    expect(await refused(training(), APPROVE, { id: randomUUID() })).toMatchObject({ code: 'NOT_FOUND', type: 'Enrollment' });
  });

  it('turns an application down by dropping it, which promotes nobody', async () => {
    const course = await newCourse({ capacity: 1 });
    const [first, second] = [await enroll(training(), course.id, people[0]), await enroll(training(), course.id, people[1])];
    await ok(training(), APPROVE, { id: first.id });
    await ok(training(), APPROVE, { id: second.id });
    const third = await enroll(training(), course.id, people[2]);
    const { dropEnrollment } = await ok<{ dropEnrollment: { enrollment: { status: string }; promoted: unknown } }>(training(), DROP, { id: third.id });
    expect(dropEnrollment).toEqual({ enrollment: { id: third.id, status: 'DROPPED' }, promoted: null });
    expect(await refused(training(), APPROVE, { id: third.id })).toMatchObject({ code: 'CONFLICT', from: 'DROPPED' });
  });

  it('refuses every move out of COMPLETED or DROPPED as a CONFLICT that names the final status', async () => {
    const course = await newCourse({ requiresApproval: false, capacity: null });
    const completed = await enroll(training(), course.id, people[3]);
    await ok(training(), COMPLETE, { id: completed.id });
    const dropped = await enroll(training(), course.id, people[4]);
    await ok(training(), DROP, { id: dropped.id });
    for (const [id, status] of [
      [completed.id, 'COMPLETED'],
      [dropped.id, 'DROPPED'],
    ]) {
      for (const mutation of [DROP, COMPLETE, APPROVE]) {
        const error = await refused(training(), mutation, { id });
        expect(error).toMatchObject({ code: 'CONFLICT', field: 'id', from: status });
      }
    }
    expect((await refused(training(), DROP, { id: completed.id })).message).toMatch(/COMPLETED is final/);
  });

  it('refuses to complete an APPLIED or WAITLISTED enrollment', async () => {
    const course = await newCourse({ capacity: 1 });
    const applied = await enroll(training(), course.id, people[0]);
    expect(await refused(training(), COMPLETE, { id: applied.id })).toMatchObject({ code: 'CONFLICT', from: 'APPLIED', to: 'COMPLETED' });
  });

  it('refuses approval once the course has ended', async () => {
    const course = await newCourse({ startsOn: daysFromToday(5), endsOn: daysFromToday(6) });
    const applied = await enroll(training(), course.id, people[5]);
    await ok(training(), `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { course { id } } }`, {
      id: course.id,
      input: { startsOn: '2012-01-01', endsOn: '2012-01-02' },
    });
    expect(await refused(training(), APPROVE, { id: applied.id })).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });
});
