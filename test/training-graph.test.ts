import { adminGql as gql } from './setup/hub';

async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

const SUPERVISORS = `{ courses(filter: { search: "高级社工督导班" }, first: 1) { nodes {
  title schedule requiresApproval
  offeredBy { name }
  sessions(first: 3) { totalCount nodes { date startTime endTime topic place instructor { name nameZh } } }
  mentorships { nodes { kind status mentor { name } mentee { name } } }
  enrollments { nodes { status person { name } certificate { code } } }
} } }`;

describe('training through the gateway: the courses, sessions, mentorships and online learning of the sector', () => {
  it('answers the supervisors course with its Saturday sessions, their instructors, its supervisions and its certificates', async () => {
    const { courses } = await ok<{ courses: { nodes: Record<string, any>[] } }>(SUPERVISORS);
    const [course] = courses.nodes;
    expect(course.offeredBy.map((o: { name: string }) => o.name)).toEqual([
      'Chengdu NGO Service Park',
      'Southwestern University of Finance and Economics',
      'Taiwan Red Cross',
    ]);
    expect(course.sessions.totalCount).toBeGreaterThanOrEqual(40);
    expect(course.sessions.nodes[0]).toMatchObject({
      date: '2012-09-01',
      startTime: '09:00',
      endTime: '12:00',
      instructor: { name: 'Supervisors course instructor (unnamed in the source)', nameZh: '高级社工督导班讲师（原文未具名）' },
    });
    expect(course.mentorships.nodes).toEqual([
      { kind: 'SUPERVISION', status: 'COMPLETED', mentor: { name: 'Supervisors course instructor (unnamed in the source)' }, mentee: { name: 'He Jun' } },
      { kind: 'SUPERVISION', status: 'COMPLETED', mentor: { name: 'Supervisors course instructor (unnamed in the source)' }, mentee: { name: 'Gao Ping' } },
    ]);
    expect(course.enrollments.nodes.every((e: { status: string; certificate: { code: string } | null }) => e.status === 'COMPLETED' && e.certificate)).toBe(
      true,
    );
  });

  it("answers a person's teaching, mentees and mentors across the graph", async () => {
    const { people } = await ok<{ people: { nodes: Record<string, any>[] } }>(`{ people(filter: { search: "Supervisors course instructor" }, first: 1) { nodes {
      name taught(first: 2) { totalCount nodes { topic course { titleZh } } }
      mentees(kind: SUPERVISION) { nodes { mentee { name } course { title } } }
    } } }`);
    const [supervisor] = people.nodes;
    expect(supervisor.taught.totalCount).toBeGreaterThan(10);
    expect(supervisor.taught.nodes[0].course.titleZh).toBe('高级社工督导班');
    expect(supervisor.mentees.nodes.map((n: { mentee: { name: string } }) => n.mentee.name)).toEqual(['He Jun', 'Gao Ping']);

    const trainee = await ok<{
      people: { nodes: { mentors: { nodes: { mentor: { name: string }; kind: string }[] }; certificates: { totalCount: number } }[] };
    }>(`{ people(filter: { search: "He Jun" }, first: 1) { nodes { mentors { nodes { kind mentor { name } } } certificates { totalCount } } } }`);
    expect(trainee.people.nodes[0].mentors.nodes).toEqual([{ kind: 'SUPERVISION', mentor: { name: 'Supervisors course instructor (unnamed in the source)' } }]);
    expect(trainee.people.nodes[0].certificates.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('follows a course to the organizations that offer it, and a purchased project to the city that bought it', async () => {
    const { courses } = await ok<{ courses: { nodes: { fundingGrant: unknown; offeredBy: { name: string }[] }[] } }>(
      `{ courses(filter: { kinds: [MENTORING_PROGRAMME], search: "Service Park Mentoring" }) { nodes { fundingGrant { title } offeredBy { name } } } }`,
    );
    expect(courses.nodes[0]).toEqual({ fundingGrant: null, offeredBy: [{ name: 'Chengdu NGO Service Park' }] });
    const { grants } = await ok<{ grants: { nodes: { funder: { name: string }; programme: { plannedProjects: number } }[] } }>(
      `{ grants(filter: { search: "养老" }) { nodes { funder { name } programme { plannedProjects } } } }`,
    );
    expect(grants.nodes[0]).toEqual({ funder: { name: 'Chengdu Municipal Government' }, programme: { plannedProjects: 59 } });
  });

  it('shows the "Spread Your Wings" camp with its 2009 recognition', async () => {
    const { courses } = await ok<{ courses: { nodes: { recognitions: { year: number }[]; offeredBy: { name: string }[] }[] } }>(
      `{ courses(filter: { search: "青翼训练营" }) { nodes { recognitions { year title awardedBy } offeredBy { name } } } }`,
    );
    expect(courses.nodes[0]).toMatchObject({ recognitions: [{ year: 2009 }], offeredBy: [{ name: 'SowosSky' }] });
  });

  it('takes a learner through an online course: progress per lesson, then completion with a certificate', async () => {
    const setup = await ok<{ o: { organization: { id: string } }; p: { person: { id: string } }; i: { person: { id: string } } }>(
      `mutation { o: createOrganization(input: { name: "Online Academy Test", kind: NGO }) { organization { id } }
        p: createPerson(input: { name: "Online Learner E2E" }) { person { id } }
        i: createPerson(input: { name: "Online Instructor E2E" }) { person { id } } }`,
    );
    const { createCourse } = await ok<{ createCourse: { course: { id: string } } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`,
      {
        input: {
          title: 'Online Group Work',
          kind: 'DISTANCE_LEARNING',
          online: true,
          offeredByIds: [setup.o.organization.id],
          startsOn: '2099-01-01',
          endsOn: '2099-12-31',
        },
      },
    );
    const courseId = createCourse.course.id;
    const { addCourseModule } = await ok<{ addCourseModule: { module: { id: string } } }>(
      `mutation($input: AddCourseModuleInput!) { addCourseModule(input: $input) { module { id } } }`,
      {
        input: { courseId, title: 'Group work' },
      },
    );
    const lessons: string[] = [];
    for (const title of ['Planning', 'Leading']) {
      const { addLesson } = await ok<{ addLesson: { lesson: { id: string } } }>(
        `mutation($input: AddLessonInput!) { addLesson(input: $input) { lesson { id } } }`,
        {
          input: { moduleId: addCourseModule.module.id, title },
        },
      );
      lessons.push(addLesson.lesson.id);
    }
    await ok(`mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }`, {
      input: {
        courseId,
        date: '2099-02-01',
        startTime: '19:00',
        endTime: '20:30',
        topic: 'Live Q&A',
        onlineUrl: 'https://meet.example.org/q',
        instructorId: setup.i.person.id,
      },
    });
    const { enrollPerson } = await ok<{ enrollPerson: { enrollment: { id: string } } }>(
      `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
      {
        input: { courseId, personId: setup.p.person.id },
      },
    );
    const complete = (lessonId: string) =>
      ok<{ completeLesson: { enrollment: { status: string; progress: number; person: { name: string } }; certificate: { holderName: string } | null } }>(
        `mutation($input: CompleteLessonInput!) { completeLesson(input: $input) { enrollment { status progress person { name } } certificate { holderName } } }`,
        { input: { enrollmentId: enrollPerson.enrollment.id, lessonId } },
      );
    expect((await complete(lessons[0])).completeLesson).toEqual({
      enrollment: { status: 'ENROLLED', progress: 0.5, person: { name: 'Online Learner E2E' } },
      certificate: null,
    });
    expect((await complete(lessons[1])).completeLesson).toEqual({
      enrollment: { status: 'COMPLETED', progress: 1, person: { name: 'Online Learner E2E' } },
      certificate: { holderName: 'Online Learner E2E' },
    });

    const { person } = await ok<{ person: { taught: { nodes: { topic: string; onlineUrl: string; course: { title: string } }[] } } }>(
      `query($id: ID!) { person(id: $id) { taught { nodes { topic onlineUrl course { title } } } } }`,
      { id: setup.i.person.id },
    );
    expect(person.taught.nodes).toEqual([{ topic: 'Live Q&A', onlineUrl: 'https://meet.example.org/q', course: { title: 'Online Group Work' } }]);
  });

  it('refuses a mentorship of a person with themselves and one with a person who does not exist, with coded errors', async () => {
    const { people } = await ok<{ people: { nodes: { id: string }[] } }>(`{ people(filter: { search: "He Jun" }, first: 1) { nodes { id } } }`);
    const id = people.nodes[0].id;
    const start = (menteeId: string) =>
      gql(`mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { mentorship { id } } }`, {
        input: { mentorId: id, menteeId, kind: 'MENTORING' },
      });
    expect((await start(id)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'menteeId' });
    expect((await start('00000000-0000-4000-8000-000000000000')).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      type: 'Person',
      field: 'menteeId',
    });
  });
});
