import { seedId } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { courseInput, createCourse } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { enroll, ok, refused, statementsDuring } from './support/requests';

const SOWOSSKY = seedId('org:sowossky');
const ADD_MODULE = `mutation($input: AddCourseModuleInput!) { addCourseModule(input: $input) { module { id position title course { id } } } }`;
const ADD_LESSON = `mutation($input: AddLessonInput!) { addLesson(input: $input) { lesson { id position title durationMinutes contentUrl module { id } } } }`;
const COMPLETE_LESSON = `mutation($input: CompleteLessonInput!) { completeLesson(input: $input) {
  enrollment { id status progress } lesson { id } completedAt certificate { code holderName } } }`;

interface LessonDone {
  enrollment: { id: string; status: string; progress: number };
  lesson: { id: string };
  completedAt: string;
  certificate: { code: string; holderName: string } | null;
}

describe('training subgraph: distance learning — modules, lessons and progress', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people']);
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 20 }, (_, i) => `Online Learner ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  const newCourse = (overrides: Record<string, unknown> = {}) =>
    createCourse(
      training(),
      courseInput([SOWOSSKY], {
        title: `Online course ${randomUUID().slice(0, 6)}`,
        kind: 'DISTANCE_LEARNING',
        online: true,
        city: null,
        capacity: null,
        ...overrides,
      }),
    );
  const addModule = async (courseId: string, title: string, position?: number) =>
    (await ok<{ addCourseModule: { module: { id: string; position: number } } }>(training(), ADD_MODULE, { input: { courseId, title, position } }))
      .addCourseModule.module;
  const addLesson = async (moduleId: string, title: string, extra: Record<string, unknown> = {}) =>
    (await ok<{ addLesson: { lesson: { id: string; position: number } } }>(training(), ADD_LESSON, { input: { moduleId, title, ...extra } })).addLesson.lesson;
  const completeLesson = async (enrollmentId: string, lessonId: string) =>
    (await ok<{ completeLesson: LessonDone }>(training(), COMPLETE_LESSON, { input: { enrollmentId, lessonId } })).completeLesson;

  async function outline(courseId: string): Promise<string[][]> {
    const data = await ok<{ course: { modules: { nodes: { title: string; position: number; lessons: { nodes: { title: string; position: number }[] } }[] } } }>(
      training(),
      `query($id: ID!) { course(id: $id) { modules { nodes { title position lessons { nodes { title position } } } } } }`,
      { id: courseId },
    );
    return data.course.modules.nodes.map((m) => [`${m.position}. ${m.title}`, ...m.lessons.nodes.map((l) => `${l.position}. ${l.title}`)]);
  }

  /** A course with two modules of two and one lessons; returns the lesson ids in order. */
  async function threeLessonCourse(): Promise<{ courseId: string; lessons: string[] }> {
    const course = await newCourse();
    const first = await addModule(course.id, 'Values');
    const second = await addModule(course.id, 'Casework');
    const lessons = [(await addLesson(first.id, 'Dignity')).id, (await addLesson(first.id, 'Ethics')).id, (await addLesson(second.id, 'Interviewing')).id];
    return { courseId: course.id, lessons };
  }

  it('keeps modules and lessons in order, appending or inserting and moving the others down', async () => {
    const course = await newCourse();
    const values = await addModule(course.id, 'Values');
    await addModule(course.id, 'Group work');
    const casework = await addModule(course.id, 'Casework', 2);
    expect(casework.position).toBe(2);
    await addLesson(values.id, 'Ethics');
    await addLesson(values.id, 'Dignity', { position: 1, durationMinutes: 45, contentUrl: 'https://learn.example.org/dignity' });
    await addLesson(casework.id, 'Interviewing');
    expect(await outline(course.id)).toEqual([['1. Values', '1. Dignity', '2. Ethics'], ['2. Casework', '1. Interviewing'], ['3. Group work']]);
  });

  it.each([
    [
      'a module position past the end',
      ADD_MODULE,
      (ids: { courseId: string }) => ({ courseId: ids.courseId, title: 'x', position: 3 }),
      'BAD_USER_INPUT',
      'position',
    ],
    ['a module without a title', ADD_MODULE, (ids: { courseId: string }) => ({ courseId: ids.courseId, title: ' ' }), 'BAD_USER_INPUT', 'title'],
    ['a module of an unknown course', ADD_MODULE, () => ({ courseId: randomUUID(), title: 'x' }), 'NOT_FOUND', 'courseId'],
    ['a lesson position of 0', ADD_LESSON, (ids: { moduleId: string }) => ({ moduleId: ids.moduleId, title: 'x', position: 0 }), 'BAD_USER_INPUT', 'position'],
    [
      'a lesson of no minutes',
      ADD_LESSON,
      (ids: { moduleId: string }) => ({ moduleId: ids.moduleId, title: 'x', durationMinutes: 0 }),
      'BAD_USER_INPUT',
      'durationMinutes',
    ],
    [
      'a lesson with a link that is not http(s)',
      ADD_LESSON,
      (ids: { moduleId: string }) => ({ moduleId: ids.moduleId, title: 'x', contentUrl: 'file:///etc/passwd' }),
      'BAD_USER_INPUT',
      'contentUrl',
    ],
    ['a lesson of an unknown module', ADD_LESSON, () => ({ moduleId: randomUUID(), title: 'x' }), 'NOT_FOUND', 'moduleId'],
  ])('refuses %s, and writes nothing', async (_case, mutation, input, code, field) => {
    const course = await newCourse();
    const module = await addModule(course.id, 'Only module');
    const before = await outline(course.id);
    expect(await refused(training(), mutation, { input: input({ courseId: course.id, moduleId: module.id }) })).toMatchObject({ code, field });
    expect(await outline(course.id)).toEqual(before);
  });

  it('records progress as the share of lessons completed; again changes nothing', async () => {
    const { courseId, lessons } = await threeLessonCourse();
    const enrollment = await enroll(training(), courseId, people[0]);
    const first = await completeLesson(enrollment.id, lessons[0]);
    expect(first).toMatchObject({ enrollment: { status: 'ENROLLED', progress: 1 / 3 }, lesson: { id: lessons[0] }, certificate: null });
    const again = await completeLesson(enrollment.id, lessons[0]);
    expect(again).toEqual(first);
  });

  it('completes the enrollment and issues the certificate with the last lesson, in the same transaction', async () => {
    const { courseId, lessons } = await threeLessonCourse();
    const enrollment = await enroll(training(), courseId, people[1]);
    await completeLesson(enrollment.id, lessons[2]);
    await completeLesson(enrollment.id, lessons[0]);
    const last = await completeLesson(enrollment.id, lessons[1]);
    expect(last).toMatchObject({ enrollment: { status: 'COMPLETED', progress: 1 }, certificate: { holderName: 'Online Learner 2' } });
    const { verifyCertificate } = await ok<{ verifyCertificate: { course: { id: string } } }>(
      training(),
      `query($c: String!) { verifyCertificate(code: $c) { course { id } } }`,
      { c: last.certificate!.code },
    );
    expect(verifyCertificate.course.id).toBe(courseId);
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: enrollment.id, lessonId: lessons[0] } })).toMatchObject({
      code: 'CONFLICT',
      field: 'enrollmentId',
      from: 'COMPLETED',
    });
  });

  it('completes the enrollment once when its last lessons are recorded at the same moment', async () => {
    const { courseId, lessons } = await threeLessonCourse();
    const enrollment = await enroll(training(), courseId, people[2]);
    const results = await Promise.all(lessons.map((lessonId) => completeLesson(enrollment.id, lessonId)));
    expect(results.filter((r) => r.certificate !== null)).toHaveLength(1);
    const data = await ok<{ enrollment: { status: string; progress: number; certificate: { code: string } } }>(
      training(),
      `query($id: ID!) { enrollment(id: $id) { status progress certificate { code } } }`,
      { id: enrollment.id },
    );
    expect(data.enrollment).toEqual({ status: 'COMPLETED', progress: 1, certificate: { code: results.find((r) => r.certificate)!.certificate!.code } });
  });

  it('records progress only for ENROLLED enrollments, and only for lessons of their course', async () => {
    const { courseId, lessons } = await threeLessonCourse();
    const other = await threeLessonCourse();
    const enrollment = await enroll(training(), courseId, people[3]);
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: enrollment.id, lessonId: other.lessons[0] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'lessonId',
    });
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: enrollment.id, lessonId: randomUUID() } })).toMatchObject({
      code: 'NOT_FOUND',
      type: 'Lesson',
      field: 'lessonId',
    });
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: 'nope', lessonId: lessons[0] } })).toMatchObject({
      code: 'NOT_FOUND',
      type: 'Enrollment',
      field: 'enrollmentId',
    });

    const approval = await newCourse({ requiresApproval: true });
    const module = await addModule(approval.id, 'Only');
    const lesson = await addLesson(module.id, 'Only lesson');
    const applied = await enroll(training(), approval.id, people[3]);
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: applied.id, lessonId: lesson.id } })).toMatchObject({
      code: 'CONFLICT',
      field: 'enrollmentId',
      from: 'APPLIED',
    });
    await ok(training(), `mutation($id: ID!) { dropEnrollment(id: $id) { enrollment { id } } }`, { id: enrollment.id });
    expect(await refused(training(), COMPLETE_LESSON, { input: { enrollmentId: enrollment.id, lessonId: lessons[0] } })).toMatchObject({
      code: 'CONFLICT',
      from: 'DROPPED',
    });
    const progress = await ok<{ enrollment: { progress: number } }>(training(), `query($id: ID!) { enrollment(id: $id) { progress } }`, { id: enrollment.id });
    expect(progress.enrollment.progress).toBe(0);
  });

  it('answers null progress for a course without lessons', async () => {
    const course = await newCourse();
    const enrollment = await enroll(training(), course.id, people[4]);
    const data = await ok<{ enrollment: { progress: number | null } }>(training(), `query($id: ID!) { enrollment(id: $id) { progress } }`, {
      id: enrollment.id,
    });
    expect(data.enrollment.progress).toBeNull();
  });

  it('computes progress, modules and lessons of 2 or 20 enrollments with the same number of SQL statements', async () => {
    const { courseId, lessons } = await threeLessonCourse();
    const learners = people.slice(5, 20);
    for (const [i, person] of learners.entries()) {
      const enrollment = await enroll(training(), courseId, person);
      if (i % 3 === 1) await completeLesson(enrollment.id, lessons[0]);
    }
    const query = `query($id: ID!, $n: Int) { course(id: $id) { modules { nodes { title lessons { nodes { title module { title } } } } }
      enrollments(first: $n) { nodes { progress status certificate { code } } } } }`;
    const two = await statementsDuring(training(), () => ok(training(), query, { id: courseId, n: 2 }));
    const all = await statementsDuring(training(), () => ok(training(), query, { id: courseId, n: 15 }));
    expect(all).toBe(two);
    const { course } = await ok<{ course: { enrollments: { nodes: { progress: number }[] } } }>(training(), query, { id: courseId, n: 15 });
    expect(course.enrollments.nodes.map((n) => n.progress)).toEqual(learners.map((_, i) => (i % 3 === 1 ? 1 / 3 : 0)));
  });

  describe('the seed', () => {
    it("has the online course's modules and lessons, its learners' progress and a completion with a certificate", async () => {
      const { course } = await ok<{
        course: {
          modules: { nodes: { lessons: { totalCount: number } }[] };
          enrollments: { nodes: { status: string; progress: number; person: { id: string }; certificate: { code: string } | null }[] };
        };
      }>(
        training(),
        `query($id: ID!) { course(id: $id) { modules { nodes { lessons { totalCount } } } enrollments { nodes { status progress person { id } certificate { code } } } } }`,
        { id: seedId('course:social-work-foundations-online') },
      );
      expect(course.modules.nodes.map((m) => m.lessons.totalCount)).toEqual([3, 3, 2]);
      const bySlug = (slug: string) => course.enrollments.nodes.find((n) => n.person.id === seedId(`person:${slug}`));
      expect(bySlug('student-2')).toMatchObject({ status: 'ENROLLED', progress: 3 / 8, certificate: null });
      expect(bySlug('student-1')).toMatchObject({ status: 'ENROLLED', progress: 1 / 8 });
      expect(bySlug('migrant-children-founder')).toMatchObject({ status: 'COMPLETED', progress: 1, certificate: { code: '2K94-FPVG-ZVNX' } });
    });
  });
});
