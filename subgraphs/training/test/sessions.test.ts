import { seedId } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { courseInput, createCourse, daysFromToday } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { ok, refused, statementsDuring } from './support/requests';

const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');
const SESSION = `id date startTime endTime topic topicZh place onlineUrl status cancellationReason instructor { id } course { id }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { ${SESSION} } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { session { ${SESSION} } } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelSession(id: $id, reason: $reason) { session { ${SESSION} } } }`;

interface Session {
  id: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  topic: string;
  place: string | null;
  onlineUrl: string | null;
  status: string;
  cancellationReason: string | null;
  instructor: { id: string } | null;
}

describe('training subgraph: sessions', () => {
  let hub: TrainingHub;
  let instructors: string[];
  let courseId: string;
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people']);
    instructors = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 20 }, (_, i) => `Session Instructor ${i + 1}`),
    );
    courseId = (
      await createCourse(
        training(),
        courseInput([SERVICE_PARK], { title: `Sessions course ${randomUUID().slice(0, 6)}`, startsOn: daysFromToday(10), endsOn: daysFromToday(40) }),
      )
    ).id;
  });
  afterAll(() => hub?.stop());

  async function schedule(input: Record<string, unknown>): Promise<Session> {
    return (await ok<{ scheduleSession: { session: Session } }>(training(), SCHEDULE, { input: { courseId, topic: 'Casework', place: 'Room 2', ...input } }))
      .scheduleSession.session;
  }

  async function sessionsOf(id: string, status?: string): Promise<Session[]> {
    const data = await ok<{ course: { sessions: { nodes: Session[] } } }>(
      training(),
      `query($id: ID!, $status: SessionStatus) { course(id: $id) { sessions(first: 100, status: $status) { nodes { ${SESSION} } } } }`,
      { id, status },
    );
    return data.course.sessions.nodes;
  }

  it('schedules a session with its instructor, times, topic and place', async () => {
    const session = await schedule({
      date: daysFromToday(12),
      startTime: '9:00',
      endTime: '12:00',
      topic: 'Group supervision',
      topicZh: '团体督导',
      instructorId: instructors[0],
    });
    expect(session).toMatchObject({
      date: daysFromToday(12),
      startTime: '09:00',
      endTime: '12:00',
      topic: 'Group supervision',
      topicZh: '团体督导',
      status: 'SCHEDULED',
      instructor: { id: instructors[0] },
      course: { id: courseId },
    });
  });

  it('schedules an online session without a place, and one without an instructor', async () => {
    const session = await schedule({ date: daysFromToday(13), place: null, onlineUrl: 'https://meeting.example.org/abc' });
    expect(session).toMatchObject({ place: null, onlineUrl: 'https://meeting.example.org/abc', instructor: null });
  });

  it.each([
    ['a day before the course starts', { date: daysFromToday(9) }, 'date'],
    ['a day after the course ends', { date: daysFromToday(41) }, 'date'],
    ['a start time that is not HH:MM', { date: daysFromToday(14), startTime: '9am' }, 'startTime'],
    ['an end time of 24:00', { date: daysFromToday(14), startTime: '09:00', endTime: '24:00' }, 'endTime'],
    ['an end before the start', { date: daysFromToday(14), startTime: '14:00', endTime: '13:30' }, 'endTime'],
    ['an end without a start', { date: daysFromToday(14), endTime: '13:30' }, 'endTime'],
    ['neither a place nor an online link', { date: daysFromToday(14), place: ' ' }, 'place'],
    ['an online link that is not http(s)', { date: daysFromToday(14), onlineUrl: 'ftp://example.org' }, 'onlineUrl'],
    ['an empty topic', { date: daysFromToday(14), topic: '' }, 'topic'],
  ])('refuses %s as BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const before = (await sessionsOf(courseId)).length;
    expect(await refused(training(), SCHEDULE, { input: { courseId, topic: 'Casework', place: 'Room 2', ...input } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await sessionsOf(courseId)).toHaveLength(before);
  });

  it('refuses an instructor or a course that does not exist as NOT_FOUND', async () => {
    for (const instructorId of [randomUUID(), 'someone']) {
      expect(await refused(training(), SCHEDULE, { input: { courseId, date: daysFromToday(14), topic: 'x', place: 'y', instructorId } })).toMatchObject({
        code: 'NOT_FOUND',
        type: 'Person',
        field: 'instructorId',
      });
    }
    expect(await refused(training(), SCHEDULE, { input: { courseId: randomUUID(), date: daysFromToday(14), topic: 'x', place: 'y' } })).toMatchObject({
      code: 'NOT_FOUND',
      type: 'Course',
      field: 'courseId',
    });
  });

  it("lists a course's sessions by day and start time", async () => {
    const other = (
      await createCourse(
        training(),
        courseInput([SERVICE_PARK], { title: `Ordered sessions ${randomUUID().slice(0, 6)}`, startsOn: daysFromToday(10), endsOn: daysFromToday(20) }),
      )
    ).id;
    const add = (date: string, startTime: string | null, topic: string) =>
      ok(training(), SCHEDULE, { input: { courseId: other, date, startTime, topic, place: 'Room 1' } });
    await add(daysFromToday(12), '14:00', 'afternoon');
    await add(daysFromToday(11), null, 'first day');
    await add(daysFromToday(12), '09:00', 'morning');
    expect((await sessionsOf(other)).map((s) => s.topic)).toEqual(['first day', 'morning', 'afternoon']);
  });

  it('changes a scheduled session and keeps what is left out', async () => {
    const session = await schedule({ date: daysFromToday(15), startTime: '09:00', endTime: '11:00', instructorId: instructors[1] });
    const { updateSession } = await ok<{ updateSession: { session: Session } }>(training(), UPDATE, {
      id: session.id,
      input: { date: daysFromToday(16), endTime: '12:30', onlineUrl: 'https://meeting.example.org/x', instructorId: instructors[2] },
    });
    expect(updateSession.session).toMatchObject({
      date: daysFromToday(16),
      startTime: '09:00',
      endTime: '12:30',
      place: 'Room 2',
      onlineUrl: 'https://meeting.example.org/x',
      instructor: { id: instructors[2] },
    });
    const cleared = await ok<{ updateSession: { session: Session } }>(training(), UPDATE, { id: session.id, input: { startTime: null, instructorId: null } });
    expect(cleared.updateSession.session).toMatchObject({ startTime: null, endTime: null, instructor: null });
  });

  it('refuses changes that break its rules, and keeps the session as it was', async () => {
    const session = await schedule({ date: daysFromToday(17), startTime: '09:00', endTime: '11:00' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ date: daysFromToday(50) }, 'BAD_USER_INPUT', 'date'],
      [{ endTime: '08:00' }, 'BAD_USER_INPUT', 'endTime'],
      [{ topic: null }, 'BAD_USER_INPUT', 'topic'],
      [{ place: null }, 'BAD_USER_INPUT', 'place'],
      [{ instructorId: randomUUID() }, 'NOT_FOUND', 'instructorId'],
    ];
    for (const [input, code, field] of cases) {
      expect(await refused(training(), UPDATE, { id: session.id, input })).toMatchObject({ code, field });
    }
    expect((await sessionsOf(courseId)).find((s) => s.id === session.id)).toEqual(session);
  });

  it('cancels a scheduled session once, keeping it listed as CANCELLED; a cancelled session cannot change', async () => {
    const session = await schedule({ date: daysFromToday(18) });
    const { cancelSession } = await ok<{ cancelSession: { session: Session } }>(training(), CANCEL, { id: session.id, reason: 'Typhoon warning' });
    expect(cancelSession.session).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Typhoon warning' });
    expect(await refused(training(), CANCEL, { id: session.id })).toMatchObject({ code: 'CONFLICT', field: 'id', from: 'CANCELLED', to: 'CANCELLED' });
    expect(await refused(training(), UPDATE, { id: session.id, input: { topic: 'Rescheduled' } })).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await sessionsOf(courseId, 'CANCELLED')).map((s) => s.id)).toEqual([session.id]);
    expect((await sessionsOf(courseId, 'SCHEDULED')).map((s) => s.id)).not.toContain(session.id);
    expect(await refused(training(), CANCEL, { id: randomUUID() })).toMatchObject({ code: 'NOT_FOUND', type: 'Session' });
  });

  it('lists the sessions a person taught, across courses, as Person.taught', async () => {
    const other = (
      await createCourse(
        training(),
        courseInput([SERVICE_PARK], { title: `Taught ${randomUUID().slice(0, 6)}`, startsOn: daysFromToday(30), endsOn: daysFromToday(31) }),
      )
    ).id;
    const first = await schedule({ date: daysFromToday(20), instructorId: instructors[3] });
    const second = (
      await ok<{ scheduleSession: { session: Session } }>(training(), SCHEDULE, {
        input: { courseId: other, date: daysFromToday(30), topic: 'Elsewhere', place: 'Hall', instructorId: instructors[3] },
      })
    ).scheduleSession.session;
    const data = await ok<{ _entities: { taught: { totalCount: number; nodes: { id: string; course: { id: string } }[] } }[] }>(
      training(),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { taught { totalCount nodes { id course { id } } } } } }`,
      {
        r: [
          { __typename: 'Person', id: instructors[3] },
          { __typename: 'Person', id: 'not-a-uuid' },
        ],
      },
    );
    expect(data._entities[0].taught).toEqual({
      totalCount: 2,
      nodes: [
        { id: first.id, course: { id: courseId } },
        { id: second.id, course: { id: other } },
      ],
    });
    expect(data._entities[1].taught.totalCount).toBe(0);
  });

  it('resolves Person.taught for 2 or 20 instructors with the same number of SQL statements', async () => {
    for (const [i, instructorId] of instructors.entries()) await schedule({ date: daysFromToday(21 + (i % 10)), instructorId });
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { taught(first: 5) { totalCount nodes { topic course { title sessions(first: 2) { totalCount } } } } } } }`;
    const representations = (n: number) => ({ r: instructors.slice(0, n).map((id) => ({ __typename: 'Person', id })) });
    const two = await statementsDuring(training(), () => ok(training(), query, representations(2)));
    const twenty = await statementsDuring(training(), () => ok(training(), query, representations(20)));
    expect(twenty).toBe(two);
    // sessions and their totals, their courses, those courses' sessions and their totals
    expect(twenty).toBe(5);
  });

  describe('the seed', () => {
    it("holds the supervisors course's weekly Saturday sessions, all taught by the instructor who flies in from Taiwan", async () => {
      const data = await ok<{
        course: {
          schedule: string;
          sessions: { totalCount: number; nodes: { date: string; startTime: string; endTime: string; instructor: { id: string } }[] };
        };
      }>(
        training(),
        `query($id: ID!) { course(id: $id) { schedule sessions(first: 100) { totalCount nodes { date startTime endTime instructor { id } } } } }`,
        { id: seedId('course:chengdu-senior-supervisors') },
      );
      const { sessions } = data.course;
      expect(data.course.schedule).toMatch(/every Saturday 9:00–12:00/i);
      expect(sessions.totalCount).toBeGreaterThanOrEqual(40);
      expect(sessions.nodes.every((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() === 6 && s.startTime === '09:00' && s.endTime === '12:00')).toBe(true);
      const taughtBy = new Set(sessions.nodes.map((s) => s.instructor.id));
      expect(taughtBy).toEqual(new Set([seedId('person:advisor-taiwan-supervisor')]));
    });
  });
});
