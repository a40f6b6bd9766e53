import { countSql, adminGql as gql } from './setup/hub';

const TOKEN = 'Sqlcount Training';
const COURSES = 20;

/** Runs one mutation per input, with aliases, 20 to a request (under the gateway's alias limit); returns the results in order. */
async function mutateAll<T>(field: string, selection: string, inputs: Record<string, unknown>[], inputType: string): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < inputs.length; start += 20) {
    const chunk = inputs.slice(start, start + 20);
    const variables = Object.fromEntries(chunk.map((input, i) => [`i${i}`, input]));
    const declarations = chunk.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
    const fields = chunk.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
    const { data, errors } = await gql<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables);
    expect(errors).toBeUndefined();
    results.push(...chunk.map((_, i) => data![`m${i}`]));
  }
  return results;
}

/**
 * 20 courses, each offered by two organizations, with two sessions taught by two instructors,
 * a module of two lessons, two learners (one part-way through, one completed with a
 * certificate) and a supervision within the course.
 */
async function buildCourses(): Promise<void> {
  const organizations = (
    await mutateAll<{ organization: { id: string } }>(
      'createOrganization',
      'organization { id }',
      Array.from({ length: COURSES }, (_, i) => ({ name: `${TOKEN} Org ${i}`, kind: 'NGO' })),
      'CreateOrganizationInput',
    )
  ).map((o) => o.organization.id);
  const people = (
    await mutateAll<{ person: { id: string } }>(
      'createPerson',
      'person { id }',
      Array.from({ length: COURSES * 4 }, (_, i) => ({ name: `${TOKEN} Person ${i}` })),
      'CreatePersonInput',
    )
  ).map((p) => p.person.id);
  const instructorsOf = (i: number) => [people[4 * i], people[4 * i + 1]];
  const learnersOf = (i: number) => [people[4 * i + 2], people[4 * i + 3]];
  const courses = (
    await mutateAll<{ course: { id: string } }>(
      'createCourse',
      'course { id }',
      organizations.map((organizationId, i) => ({
        title: `${TOKEN} course ${String(i).padStart(2, '0')}`,
        kind: 'DISTANCE_LEARNING',
        offeredByIds: [organizationId, organizations[(i + 1) % COURSES]],
        startsOn: '2098-01-01',
        endsOn: '2098-12-31',
        capacity: 10,
        recognitions: [{ year: 2020, title: 'Recognised', awardedBy: 'A network' }],
      })),
      'CreateCourseInput',
    )
  ).map((c) => c.course.id);
  await mutateAll(
    'scheduleSession',
    'session { id }',
    courses.flatMap((courseId, i) =>
      instructorsOf(i).map((instructorId, j) => ({
        courseId,
        date: `2098-02-0${j + 1}`,
        startTime: '09:00',
        topic: `Session ${j}`,
        place: 'Hall',
        instructorId,
      })),
    ),
    'ScheduleSessionInput',
  );
  const modules = (
    await mutateAll<{ module: { id: string } }>(
      'addCourseModule',
      'module { id }',
      courses.map((courseId) => ({ courseId, title: 'Module' })),
      'AddCourseModuleInput',
    )
  ).map((m) => m.module.id);
  const lessons = (
    await mutateAll<{ lesson: { id: string } }>(
      'addLesson',
      'lesson { id }',
      modules.flatMap((moduleId) => [
        { moduleId, title: 'First' },
        { moduleId, title: 'Second' },
      ]),
      'AddLessonInput',
    )
  ).map((l) => l.lesson.id);
  const enrollments = (
    await mutateAll<{ enrollment: { id: string } }>(
      'enrollPerson',
      'enrollment { id }',
      courses.flatMap((courseId, i) => learnersOf(i).map((personId) => ({ courseId, personId }))),
      'EnrollPersonInput',
    )
  ).map((e) => e.enrollment.id);
  await mutateAll(
    'completeLesson',
    'enrollment { id }',
    courses.flatMap((_, i) => [
      { enrollmentId: enrollments[2 * i], lessonId: lessons[2 * i] },
      { enrollmentId: enrollments[2 * i + 1], lessonId: lessons[2 * i] },
      { enrollmentId: enrollments[2 * i + 1], lessonId: lessons[2 * i + 1] },
    ]),
    'CompleteLessonInput',
  );
  await mutateAll(
    'startMentorship',
    'mentorship { id }',
    courses.map((courseId, i) => ({ mentorId: instructorsOf(i)[0], menteeId: learnersOf(i)[0], kind: 'SUPERVISION', courseId })),
    'StartMentorshipInput',
  );
}

const COURSE_LIST = `
  query CourseList($search: String!, $first: Int!) {
    courses(filter: { search: $search }, first: $first) {
      nodes {
        title enrolledCount seatsLeft recognitions { year }
        offeredBy { name }
        enrollments(first: 5) { nodes { status progress person { name } certificate { code issuedBy { name } } } }
        sessions(first: 5) { nodes { date topic instructor { name mentees(first: 3) { totalCount } } } }
        modules(first: 5) { nodes { title lessons(first: 5) { nodes { title } } } }
        mentorships(first: 5) { nodes { kind mentor { name } mentee { name } } }
      }
    }
  }`;

interface CourseNode {
  offeredBy: unknown[];
  enrollments: { nodes: { status: string; progress: number; certificate: { issuedBy: unknown[] } | null }[] };
  sessions: { nodes: { instructor: { name: string } }[] };
  modules: { nodes: { lessons: { nodes: unknown[] } }[] };
  mentorships: { nodes: unknown[] };
}

describe('training through the gateway: SQL statements per request do not grow with the number of courses', () => {
  beforeAll(buildCourses, 120_000);

  it('lists 5 or 20 courses with organizations, enrollments, progress, certificates, sessions with instructors, modules and lessons at the same cost per subgraph', async () => {
    const costs: Record<number, Record<string, number>> = {};
    for (const first of [5, 20]) {
      costs[first] = await countSql(async () => {
        const { data, errors } = await gql<{ courses: { nodes: CourseNode[] } }>(COURSE_LIST, { search: TOKEN, first });
        expect(errors).toBeUndefined();
        expect(data!.courses.nodes).toHaveLength(first);
        for (const course of data!.courses.nodes) {
          expect(course.offeredBy).toHaveLength(2);
          expect(course.enrollments.nodes.map((e) => [e.status, e.progress])).toEqual([
            ['ENROLLED', 0.5],
            ['COMPLETED', 1],
          ]);
          expect(course.enrollments.nodes[1].certificate!.issuedBy).toHaveLength(2);
          expect(course.sessions.nodes.map((s) => s.instructor.name)).toHaveLength(2);
          expect(course.modules.nodes[0].lessons.nodes).toHaveLength(2);
          expect(course.mentorships.nodes).toHaveLength(1);
        }
      });
    }
    expect(costs[20]).toEqual(costs[5]);
    // training: courses and their total, offerings, seats taken, enrollments and totals, progress,
    // certificates, sessions and totals, modules and totals, lessons and totals, mentorships and
    // totals, and the instructors' mentees and totals: 18
    expect(costs[20].training).toBeLessThanOrEqual(18);
    // one statement per gateway fetch of their entities (people: learners, instructors, mentors
    // and mentees at their depths; organizations: offerers and issuers)
    expect(costs[20].people).toBeLessThanOrEqual(4);
    expect(costs[20].organizations).toBeLessThanOrEqual(2);
  });
});
