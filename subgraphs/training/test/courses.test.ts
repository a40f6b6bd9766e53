import { createLogger, seedId, seedSubgraph } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { trainingSubgraph } from '../src';
import { courseInput, createCourse, CREATE_COURSE, daysFromToday } from './support/courses';
import { createOrganizations, startTrainingHub, type TrainingHub } from './support/hub';

const SOWOSSKY = seedId('org:sowossky');
const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');

interface CourseList {
  courses: { totalCount: number; nodes: { id: string; title: string; startsOn: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('training subgraph: courses', () => {
  let hub: TrainingHub;
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations']);
  });
  afterAll(() => hub?.stop());

  async function coursesMatching(search: string, filter: Record<string, unknown> = {}) {
    const { data, errors } = await training().request<CourseList>(
      `query($filter: CourseFilter) { courses(filter: $filter, first: 100) { totalCount nodes { id title startsOn } pageInfo { hasNextPage endCursor } } }`,
      { filter: { search, ...filter } },
    );
    expect(errors).toBeUndefined();
    return data!.courses;
  }

  it('creates a course offered by several existing organizations, with an exact fee', async () => {
    const course = await createCourse(
      training(),
      courseInput([SERVICE_PARK, SOWOSSKY], {
        title: 'Casework for New Social Workers',
        capacity: 25,
        fee: { amount: '1500', currency: 'cny' },
        language: 'zh-hans',
      }),
    );
    expect(course).toMatchObject({
      title: 'Casework for New Social Workers',
      capacity: 25,
      fee: { amount: '1500.00', currency: 'CNY' },
      offeredBy: [{ id: SERVICE_PARK }, { id: SOWOSSKY }],
      enrolledCount: 0,
      seatsLeft: 25,
    });
    const { data } = await training().request<{ course: { language: string; fee: { amount: string } } }>(
      `query($id: ID!) { course(id: $id) { language fee { amount } } }`,
      { id: course.id },
    );
    expect(data!.course).toEqual({ language: 'zh-Hans', fee: { amount: '1500.00' } });
  });

  it('refuses a course offered by an organization that does not exist, naming it, and writes nothing', async () => {
    const missing = randomUUID();
    const { errors } = await training().request(CREATE_COURSE, { input: courseInput([SOWOSSKY, missing], { title: 'Ghost-Offered Course' }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Organization', id: missing, field: 'offeredByIds' });
    expect((await coursesMatching('Ghost-Offered')).totalCount).toBe(0);
  });

  it.each([
    ['an end before the start', { startsOn: '2013-03-02', endsOn: '2013-03-01' }, 'endsOn'],
    ['a capacity of 0', { capacity: 0 }, 'capacity'],
    ['a negative capacity', { capacity: -3 }, 'capacity'],
    ['a fee with more decimals than the currency has', { fee: { amount: '12.345', currency: 'CNY' } }, 'fee.amount'],
    ['a fee that is not a number', { fee: { amount: '12,5', currency: 'CNY' } }, 'fee.amount'],
    ['a negative fee', { fee: { amount: '-10', currency: 'CNY' } }, 'fee.amount'],
    ['a fee in an unknown currency', { fee: { amount: '10', currency: 'RMB' } }, 'fee.currency'],
    ['an empty title', { title: '   ' }, 'title'],
    ['no offering organization', { offeredByIds: [] }, 'offeredByIds'],
    ['the same organization twice', { offeredByIds: [SOWOSSKY, SOWOSSKY] }, 'offeredByIds'],
    ['an invalid language tag', { language: 'chinese!' }, 'language'],
  ])('refuses %s as BAD_USER_INPUT naming the field, and writes nothing', async (_case, overrides, field) => {
    const title = `Invalid Course ${field} ${randomUUID().slice(0, 8)}`;
    const { errors } = await training().request(CREATE_COURSE, { input: courseInput([SOWOSSKY], { title, ...overrides }) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await coursesMatching('Invalid Course')).totalCount).toBe(0);
  });

  it('answers null for a course id that does not exist or is not a UUID', async () => {
    const { data, errors } = await training().request(`query($a: ID!, $b: ID!) { a: course(id: $a) { id } b: course(id: $b) { id } }`, {
      a: randomUUID(),
      b: 'nope',
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  describe('filters', () => {
    const token = `Filterable${randomUUID().slice(0, 6)}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const make = async (key: string, overrides: Record<string, unknown>, offeredBy = [SOWOSSKY]) => {
        ids[key] = (await createCourse(training(), courseInput(offeredBy, { title: `${token} ${key}`, ...overrides }))).id;
      };
      await make('past-camp', { kind: 'TRAINING_CAMP', audiences: ['STUDENTS'], city: 'Beijing', startsOn: '2012-07-10', endsOn: '2012-07-15' });
      await make('online-course', {
        kind: 'DISTANCE_LEARNING',
        audiences: ['VOLUNTEERS'],
        city: null,
        online: true,
        startsOn: daysFromToday(10),
        endsOn: daysFromToday(90),
      });
      await make(
        'chengdu-workshop',
        { kind: 'WORKSHOP', audiences: ['NGO_STAFF', 'VOLUNTEERS'], startsOn: daysFromToday(20), endsOn: daysFromToday(20), capacity: 12 },
        [SERVICE_PARK],
      );
      await make(
        'supervision',
        { kind: 'SUPERVISION_PROGRAMME', audiences: ['SUPERVISORS'], titleZh: `督导${token}`, startsOn: daysFromToday(40), endsOn: daysFromToday(200) },
        [SERVICE_PARK, SOWOSSKY],
      );
    });

    const titles = (list: CourseList['courses']) => list.nodes.map((node) => node.title.replace(`${token} `, ''));

    it('orders courses by the day they start', async () => {
      expect(titles(await coursesMatching(token))).toEqual(['past-camp', 'online-course', 'chengdu-workshop', 'supervision']);
    });

    it.each([
      ['kinds', { kinds: ['WORKSHOP', 'TRAINING_CAMP'] }, ['past-camp', 'chengdu-workshop']],
      ['city, case-insensitively', { city: 'chengdu' }, ['chengdu-workshop', 'supervision']],
      ['online', { online: true }, ['online-course']],
      ['in person only', { online: false }, ['past-camp', 'chengdu-workshop', 'supervision']],
      ['any of the audiences', { audiences: ['VOLUNTEERS', 'SUPERVISORS'] }, ['online-course', 'chengdu-workshop', 'supervision']],
      ['start window', { startsAfter: daysFromToday(15), startsBefore: daysFromToday(40) }, ['chengdu-workshop', 'supervision']],
      ['open for enrollment', { openForEnrollment: true }, ['online-course', 'chengdu-workshop', 'supervision']],
      ['not open for enrollment', { openForEnrollment: false }, ['past-camp']],
      ['offering organization', { offeredBy: SERVICE_PARK }, ['chengdu-workshop', 'supervision']],
      ['an offering organization that is not a UUID', { offeredBy: 'sowossky' }, []],
    ])('filters by %s', async (_case, filter, expected) => {
      expect(titles(await coursesMatching(token, filter))).toEqual(expected);
    });

    it('finds a course by its Chinese title', async () => {
      expect(titles(await coursesMatching(`督导${token}`))).toEqual(['supervision']);
    });

    it('treats LIKE wildcards in a search as plain text', async () => {
      expect((await coursesMatching(`${token}%`)).totalCount).toBe(0);
    });

    it('pages through courses with cursors, without gaps or repeats', async () => {
      const all = await coursesMatching('');
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: CourseList } = await training().request(
          `query($after: String) { courses(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        seen.push(...page.data!.courses.nodes.map((node) => node.id));
        if (!page.data!.courses.pageInfo.hasNextPage) break;
        after = page.data!.courses.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.nodes.map((node) => node.id));
      expect(seen).toHaveLength(all.totalCount);
    });
  });

  describe('the seed', () => {
    it('holds the Chengdu senior supervisors course, offered by the Service Park, SWUFE and the Taiwan Red Cross', async () => {
      const { data } = await training().request<{ course: Record<string, unknown> }>(
        `query($id: ID!) { course(id: $id) { titleZh kind city capacity enrolledCount seatsLeft offeredBy { id } enrollments { totalCount nodes { status person { id } } } } }`,
        { id: seedId('course:chengdu-senior-supervisors') },
      );
      expect(data!.course).toMatchObject({
        titleZh: '高级社工督导班',
        kind: 'SUPERVISION_PROGRAMME',
        city: 'Chengdu',
        capacity: 30,
        enrolledCount: 5,
        seatsLeft: 25,
        offeredBy: [{ id: seedId('org:chengdu-ngo-service-park') }, { id: seedId('org:swufe') }, { id: seedId('org:taiwan-red-cross') }],
        enrollments: { totalCount: 5, nodes: expect.arrayContaining([{ status: 'COMPLETED', person: { id: seedId('person:supervisor-trainee-1') } }]) },
      });
    });

    it('is idempotent: loading it again writes nothing and changes nothing', async () => {
      const before = await coursesMatching('');
      const written = await seedSubgraph(trainingSubgraph, process.env.TEST_DATABASE_URL!, createLogger('training', 'silent'));
      expect(written).toBe(0);
      expect(await coursesMatching('')).toEqual(before);
    });
  });

  describe('batching', () => {
    let organizationIds: string[];

    beforeAll(async () => {
      organizationIds = await createOrganizations(
        hub.services.organizations!.url,
        Array.from({ length: 20 }, (_, i) => `Batching Test Organization ${i + 1}`),
      );
      for (let i = 0; i < organizationIds.length; i += 1) {
        await createCourse(
          training(),
          courseInput([organizationIds[i], organizationIds[(i + 1) % organizationIds.length]], { title: `Batching course ${i + 1}`, capacity: 10 + i }),
        );
      }
    });

    async function statementsOf(query: string, variables?: Record<string, unknown>) {
      const before = await training().sqlStatements();
      const { data, errors } = await training().request(query, variables);
      expect(errors).toBeUndefined();
      return { statements: (await training().sqlStatements()) - before, data };
    }

    const COURSES_OFFERED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id coursesOffered(first: 5) {
      totalCount nodes { id title enrolledCount seatsLeft offeredBy { id } enrollments(first: 2) { totalCount nodes { id } } } } } } }`;

    it('resolves Organization.coursesOffered for 2 or 20 organizations with the same number of SQL statements', async () => {
      const representations = (n: number) => organizationIds.slice(0, n).map((id) => ({ __typename: 'Organization', id }));
      const two = await statementsOf(COURSES_OFFERED, { r: representations(2) });
      const twenty = await statementsOf(COURSES_OFFERED, { r: representations(20) });
      const entities = (twenty.data as { _entities: { coursesOffered: { totalCount: number; nodes: { offeredBy: unknown[] }[] } }[] })._entities;
      expect(entities.map((e) => e.coursesOffered.totalCount)).toEqual(Array(20).fill(2));
      expect(entities.every((e) => e.coursesOffered.nodes.every((node) => node.offeredBy.length === 2))).toBe(true);
      expect(twenty.statements).toBe(two.statements);
      // offerings, their totals, their courses, seats taken, offering organizations, enrollments and their totals
      expect(twenty.statements).toBe(7);
    });

    it('answers an empty page for an organization that offers nothing or whose id is not a UUID', async () => {
      const { data } = await training().request<{ _entities: { coursesOffered: { totalCount: number } }[] }>(COURSES_OFFERED, {
        r: [
          { __typename: 'Organization', id: randomUUID() },
          { __typename: 'Organization', id: 'not-a-uuid' },
        ],
      });
      expect(data!._entities.map((e) => e.coursesOffered.totalCount)).toEqual([0, 0]);
    });

    it('resolves the fields of a page of courses with the same number of SQL statements for 2 or 20 courses', async () => {
      const query = `query($n: Int) { courses(first: $n) { nodes { id enrolledCount seatsLeft fee { amount } offeredBy { id } enrollments(first: 3) { totalCount nodes { status course { id } person { id } } } } } }`;
      const two = await statementsOf(query, { n: 2 });
      const twenty = await statementsOf(query, { n: 20 });
      expect(twenty.statements).toBe(two.statements);
    });

    it('pages through the courses an organization offers with cursors, without gaps or repeats', async () => {
      const query = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Organization {
        coursesOffered(first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }`;
      type Offered = {
        _entities: { coursesOffered: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }[];
      };
      const r = [{ __typename: 'Organization', id: SERVICE_PARK }];
      const all = (await training().request<Offered>(query, { r, first: 100 })).data!._entities[0].coursesOffered;
      expect(all.totalCount).toBeGreaterThanOrEqual(4);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Offered['_entities'][0]['coursesOffered'] = (await training().request<Offered>(query, { r, first: 2, after })).data!._entities[0]
          .coursesOffered;
        seen.push(...page.nodes.map((node) => node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.nodes.map((node) => node.id));
      expect(seen).toHaveLength(all.totalCount);
    });

    it('resolves Course references in one SQL statement for many ids', async () => {
      const { data } = await training().request<{ courses: { nodes: { id: string }[] } }>(`{ courses(first: 10) { nodes { id } } }`);
      const representations = data!.courses.nodes.map((node) => ({ __typename: 'Course', id: node.id }));
      const { statements, data: result } = await statementsOf(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Course { id title } } }`, {
        r: [...representations, { __typename: 'Course', id: 'not-a-uuid' }, { __typename: 'Course', id: randomUUID() }],
      });
      const entities = (result as { _entities: ({ id: string } | null)[] })._entities;
      expect(entities.slice(0, 10).map((e) => e!.id)).toEqual(representations.map((r) => r.id));
      expect(entities.slice(10)).toEqual([null, null]);
      expect(statements).toBe(1);
    });
  });
});
