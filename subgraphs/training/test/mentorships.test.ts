import { seedId } from '@ngo-hub/kit';
import { asMember, asPerson } from '@ngo-hub/kit/testing';
import { randomUUID } from 'node:crypto';
import { MENTORSHIP_TRANSITIONS } from '../src/vocabulary/mentorship-status';
import { courseInput, createCourse, daysFromToday } from './support/courses';
import { createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { enroll, ok, refused, statementsDuring } from './support/requests';

const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');
const MENTORSHIP = `id kind status focus startedOn endedOn mentor { id } mentee { id } course { id }`;
const START = `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { mentorship { ${MENTORSHIP} } } }`;
const PROPOSE = `mutation($input: ProposeMentorshipInput!) { proposeMentorship(input: $input) { mentorship { ${MENTORSHIP} } } }`;
const ACCEPT = `mutation($id: ID!, $startedOn: Date) { acceptMentorship(id: $id, startedOn: $startedOn) { mentorship { ${MENTORSHIP} } } }`;
const END = `mutation($id: ID!, $outcome: MentorshipEnding!, $endedOn: Date) { endMentorship(id: $id, outcome: $outcome, endedOn: $endedOn) { mentorship { ${MENTORSHIP} } } }`;

interface Mentorship {
  id: string;
  kind: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
  mentor: { id: string };
  mentee: { id: string };
  course: { id: string } | null;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('training subgraph: mentorships and individual supervision', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people']);
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 25 }, (_, i) => `Mentorship Person ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  const start = async (input: Record<string, unknown>) =>
    (await ok<{ startMentorship: { mentorship: Mentorship } }>(training(), START, { input: { kind: 'MENTORING', ...input } })).startMentorship.mentorship;
  const propose = async (input: Record<string, unknown>) =>
    (await ok<{ proposeMentorship: { mentorship: Mentorship } }>(training(), PROPOSE, { input: { kind: 'MENTORING', ...input } })).proposeMentorship.mentorship;
  const end = async (id: string, outcome: string, endedOn?: string) =>
    (await ok<{ endMentorship: { mentorship: Mentorship } }>(training(), END, { id, outcome, endedOn })).endMentorship.mentorship;

  it('keeps the transition table: a proposal starts or is withdrawn; a running mentorship completes or ends', () => {
    expect(MENTORSHIP_TRANSITIONS).toEqual({ PROPOSED: ['ACTIVE', 'ENDED'], ACTIVE: ['COMPLETED', 'ENDED'], COMPLETED: [], ENDED: [] });
  });

  it('starts a standalone mentorship today, and completes it', async () => {
    const mentorship = await start({ mentorId: people[0], menteeId: people[1], focus: 'Fundraising' });
    expect(mentorship).toMatchObject({
      kind: 'MENTORING',
      status: 'ACTIVE',
      startedOn: today(),
      endedOn: null,
      mentor: { id: people[0] },
      mentee: { id: people[1] },
      course: null,
    });
    expect(await end(mentorship.id, 'COMPLETED')).toMatchObject({ status: 'COMPLETED', endedOn: today() });
  });

  it('records individual supervision within a supervision programme the supervisee takes part in', async () => {
    const course = await createCourse(
      training(),
      courseInput([SERVICE_PARK], { title: `Supervision programme ${randomUUID().slice(0, 6)}`, kind: 'SUPERVISION_PROGRAMME' }),
    );
    await enroll(training(), course.id, people[3]);
    const supervision = await start({ mentorId: people[2], menteeId: people[3], kind: 'SUPERVISION', courseId: course.id, startedOn: '2024-09-01' });
    expect(supervision).toMatchObject({ kind: 'SUPERVISION', course: { id: course.id }, startedOn: '2024-09-01' });
    const data = await ok<{ course: { mentorships: { nodes: { id: string }[] } } }>(
      training(),
      `query($id: ID!) { course(id: $id) { mentorships { nodes { id } } } }`,
      { id: course.id },
    );
    expect(data.course.mentorships.nodes).toEqual([{ id: supervision.id }]);
  });

  it('refuses a mentorship within a course the mentee is not taking part in, as a CONFLICT naming menteeId', async () => {
    const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Not enrolled ${randomUUID().slice(0, 6)}`, requiresApproval: true }));
    await enroll(training(), course.id, people[5]);
    for (const menteeId of [people[4], people[5]]) {
      expect(await refused(training(), START, { input: { mentorId: people[6], menteeId, kind: 'MENTORING', courseId: course.id } })).toMatchObject({
        code: 'CONFLICT',
        field: 'menteeId',
      });
    }
  });

  it.each([
    ['the same person as mentor and mentee', () => ({ mentorId: people[7], menteeId: people[7] }), 'BAD_USER_INPUT', 'menteeId'],
    ['a mentor who does not exist', () => ({ mentorId: randomUUID(), menteeId: people[7] }), 'NOT_FOUND', 'mentorId'],
    ['a mentee who does not exist', () => ({ mentorId: people[7], menteeId: 'nobody' }), 'NOT_FOUND', 'menteeId'],
    ['a course that does not exist', () => ({ mentorId: people[7], menteeId: people[8], courseId: randomUUID() }), 'NOT_FOUND', 'courseId'],
    ['a start in the future', () => ({ mentorId: people[7], menteeId: people[8], startedOn: daysFromToday(3) }), 'BAD_USER_INPUT', 'startedOn'],
  ])('refuses %s, and writes nothing', async (_case, input, code, field) => {
    expect(await refused(training(), START, { input: { kind: 'MENTORING', ...input() } })).toMatchObject({ code, field });
    const data = await ok<{ _entities: { mentors: { totalCount: number }; mentees: { totalCount: number } }[] }>(
      training(),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { mentors { totalCount } mentees { totalCount } } } }`,
      { r: [people[7], people[8]].map((id) => ({ __typename: 'Person', id })) },
    );
    expect(data._entities.flatMap((e) => [e.mentors.totalCount, e.mentees.totalCount])).toEqual([0, 0, 0, 0]);
  });

  it('allows one open mentorship of a kind per mentor and mentee: a second is a CONFLICT, another kind is not', async () => {
    await propose({ mentorId: people[9], menteeId: people[10] });
    expect(await refused(training(), START, { input: { kind: 'MENTORING', mentorId: people[9], menteeId: people[10] } })).toMatchObject({
      code: 'CONFLICT',
      field: 'menteeId',
    });
    expect(await start({ mentorId: people[9], menteeId: people[10], kind: 'SUPERVISION' })).toMatchObject({ status: 'ACTIVE' });
  });

  it('allows one of several concurrent starts of the same mentorship', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => training().request(START, { input: { kind: 'MENTORING', mentorId: people[11], menteeId: people[12] } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(4).fill('CONFLICT'));
  });

  it('starts a proposal when it is accepted, and ends a withdrawn proposal as ENDED', async () => {
    const proposal = await propose({ mentorId: people[13], menteeId: people[14], focus: 'Casework' });
    expect(proposal).toMatchObject({ status: 'PROPOSED', startedOn: null });
    const { acceptMentorship } = await ok<{ acceptMentorship: { mentorship: Mentorship } }>(training(), ACCEPT, { id: proposal.id, startedOn: '2025-01-06' });
    expect(acceptMentorship.mentorship).toMatchObject({ status: 'ACTIVE', startedOn: '2025-01-06' });

    const withdrawn = await propose({ mentorId: people[14], menteeId: people[13] });
    expect(await end(withdrawn.id, 'ENDED')).toMatchObject({ status: 'ENDED', startedOn: null, endedOn: today() });
  });

  it('refuses moves the table does not allow, and ends that come before the start', async () => {
    const proposal = await propose({ mentorId: people[15], menteeId: people[16] });
    expect(await refused(training(), END, { id: proposal.id, outcome: 'COMPLETED' })).toMatchObject({ code: 'CONFLICT', from: 'PROPOSED', to: 'COMPLETED' });
    const active = await start({ mentorId: people[16], menteeId: people[15], startedOn: '2024-05-01' });
    expect(await refused(training(), ACCEPT, { id: active.id })).toMatchObject({ code: 'CONFLICT', from: 'ACTIVE', to: 'ACTIVE' });
    expect(await refused(training(), END, { id: active.id, outcome: 'COMPLETED', endedOn: '2024-04-30' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endedOn',
    });
    expect(await refused(training(), END, { id: active.id, outcome: 'COMPLETED', endedOn: daysFromToday(1) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endedOn',
    });
    await end(active.id, 'ENDED', '2024-06-01');
    expect(await refused(training(), END, { id: active.id, outcome: 'COMPLETED' })).toMatchObject({ code: 'CONFLICT', from: 'ENDED' });
    expect(await refused(training(), END, { id: randomUUID(), outcome: 'ENDED' })).toMatchObject({ code: 'NOT_FOUND', type: 'Mentorship' });
  });

  it("lists a person's mentors and mentees, filtered by kind and status, for many people in the same number of SQL statements", async () => {
    const mentor = people[17];
    const mentees = [people[18], people[19], people[20]];
    for (const mentee of mentees) await start({ mentorId: mentor, menteeId: mentee });
    await start({ mentorId: people[21], menteeId: mentor, kind: 'SUPERVISION' });
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
      mentees { totalCount nodes { mentee { id } } } mentors(kind: SUPERVISION, status: ACTIVE) { totalCount nodes { mentor { id } } } } } }`;
    const { _entities } = await ok<{
      _entities: { mentees: { totalCount: number; nodes: { mentee: { id: string } }[] }; mentors: { nodes: { mentor: { id: string } }[] } }[];
    }>(training(), query, {
      r: [{ __typename: 'Person', id: mentor }],
    });
    expect(_entities[0].mentees.nodes.map((n) => n.mentee.id)).toEqual(mentees);
    expect(_entities[0].mentors.nodes).toEqual([{ mentor: { id: people[21] } }]);
    const of = (n: number) => ({ r: people.slice(0, n).map((id) => ({ __typename: 'Person', id })) });
    const two = await statementsDuring(training(), () => ok(training(), query, of(2)));
    const twenty = await statementsDuring(training(), () => ok(training(), query, of(20)));
    expect(twenty).toBe(two);
    expect(twenty).toBe(4);
  });

  describe('the seed', () => {
    it('has the Taiwan supervisor supervising both supervisor trainees within the supervisors course', async () => {
      const { _entities } = await ok<{
        _entities: { mentees: { nodes: { kind: string; status: string; mentee: { id: string }; course: { id: string } }[] } }[];
      }>(
        training(),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { mentees(kind: SUPERVISION) { nodes { kind status mentee { id } course { id } } } } } }`,
        { r: [{ __typename: 'Person', id: seedId('person:advisor-taiwan-supervisor') }] },
      );
      expect(_entities[0].mentees.nodes).toEqual(
        ['supervisor-trainee-1', 'supervisor-trainee-2'].map((slug) => ({
          kind: 'SUPERVISION',
          status: 'COMPLETED',
          mentee: { id: seedId(`person:${slug}`) },
          course: { id: seedId('course:chengdu-senior-supervisors') },
        })),
      );
    });

    it('has an (illustrative) mentoring programme, funded by no grant the sources do not give, with its mentorships', async () => {
      const data = await ok<{
        course: { kind: string; fundingGrant: { id: string } | null; mentorships: { totalCount: number; nodes: { status: string }[] } };
      }>(training(), `query($id: ID!) { course(id: $id) { kind fundingGrant { id } mentorships { totalCount nodes { status } } } }`, {
        id: seedId('course:service-park-mentoring-2012'),
      });
      expect(data.course).toMatchObject({ kind: 'MENTORING_PROGRAMME', fundingGrant: null });
      expect(data.course.mentorships.nodes.map((n) => n.status)).toEqual(['COMPLETED', 'COMPLETED', 'ENDED']);
    });
  });
  it('lets only the mentor, the mentee and hub admins record or change a mentorship', async () => {
    const [mentor, mentee, stranger] = [people[22], people[23], people[24]];
    const input = { kind: 'MENTORING', mentorId: mentor, menteeId: mentee };
    const byStranger = await training().as(asPerson(stranger)).request(PROPOSE, { input });
    expect(byStranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOrganization = await training().as(asMember(SERVICE_PARK, 'ADMIN')).request(START, { input });
    expect(byOrganization.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const proposed = await training().as(asPerson(mentee)).request<{ proposeMentorship: { mentorship: Mentorship } }>(PROPOSE, { input });
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeMentorship.mentorship.id;
    const acceptedByStranger = await training().as(asPerson(stranger)).request(ACCEPT, { id });
    expect(acceptedByStranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const accepted = await training().as(asPerson(mentor)).request<{ acceptMentorship: { mentorship: Mentorship } }>(ACCEPT, { id });
    expect(accepted.data?.acceptMentorship.mentorship.status).toBe('ACTIVE');
    const endedByStranger = await training().as(asPerson(stranger)).request(END, { id, outcome: 'ENDED' });
    expect(endedByStranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await training().as(asPerson(stranger)).request(END, { id: '00000000-0000-4000-8000-000000000000', outcome: 'ENDED' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ended = await training().as(asPerson(mentee)).request<{ endMentorship: { mentorship: Mentorship } }>(END, { id, outcome: 'ENDED' });
    expect(ended.data?.endMentorship.mentorship.status).toBe('ENDED');
  });
});
