import { seedId } from '@ngo-hub/kit';
import { randomUUID } from 'node:crypto';
import { courseInput, createCourse, CREATE_COURSE, daysFromToday } from './support/courses';
import { createOrganizations, createPeople, startTrainingHub, type TrainingHub } from './support/hub';
import { enroll, ok, refused } from './support/requests';

const SOWOSSKY = seedId('org:sowossky');
const SERVICE_PARK = seedId('org:chengdu-ngo-service-park');
const SWUFE = seedId('org:swufe');
const GRANT = seedId('grant:chengdu-2012-community-elderly-care');

const DETAILS = `id title schedule scheduleZh timeZone requiresApproval fundingGrant { id } recognitions { year title titleZh awardedBy awardedByZh }
  capacity enrolledCount seatsLeft fee { amount currency } city language startsOn endsOn offeredBy { id }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { course { ${DETAILS} } promoted { id status } } }`;

interface Details {
  id: string;
  schedule: string | null;
  timeZone: string;
  requiresApproval: boolean;
  fundingGrant: { id: string } | null;
  recognitions: { year: number; title: string; titleZh: string | null; awardedBy: string; awardedByZh: string | null }[];
  capacity: number | null;
  enrolledCount: number;
  seatsLeft: number | null;
  fee: { amount: string; currency: string } | null;
  city: string | null;
  offeredBy: { id: string }[];
}

describe('training subgraph: course details and updates', () => {
  let hub: TrainingHub;
  let people: string[];
  const training = () => hub.training;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people', 'funding']);
    people = await createPeople(
      hub.services.people!.url,
      Array.from({ length: 6 }, (_, i) => `Course Details Person ${i + 1}`),
    );
  });
  afterAll(() => hub?.stop());

  async function details(id: string): Promise<Details> {
    return (await ok<{ course: Details }>(training(), `query($id: ID!) { course(id: $id) { ${DETAILS} } }`, { id })).course;
  }

  async function update(id: string, input: Record<string, unknown>) {
    return (await ok<{ updateCourse: { course: Details; promoted: { id: string; status: string }[] } }>(training(), UPDATE, { id, input })).updateCourse;
  }

  const recognition = { year: 2009, title: 'Outstanding Programme', titleZh: '优秀项目', awardedBy: 'A Social Work Association', awardedByZh: '某社工协会' };

  it('creates a course with a schedule in words, a time zone, approval, a funding grant and recognitions', async () => {
    const course = await createCourse(
      training(),
      courseInput([SERVICE_PARK], {
        title: `Detailed course ${randomUUID().slice(0, 6)}`,
        schedule: ' every Saturday 9:00–12:00 ',
        scheduleZh: '每周六 9:00–12:00',
        timeZone: 'asia/taipei',
        requiresApproval: true,
        fundingGrantId: GRANT,
        recognitions: [recognition],
      }),
    );
    expect(await details(course.id)).toMatchObject({
      schedule: 'every Saturday 9:00–12:00',
      timeZone: 'Asia/Taipei',
      requiresApproval: true,
      fundingGrant: { id: GRANT },
      recognitions: [recognition],
    });
  });

  it('defaults to Asia/Shanghai, no approval, no grant and no recognitions', async () => {
    const course = await createCourse(training(), courseInput([SOWOSSKY], { title: `Plain course ${randomUUID().slice(0, 6)}` }));
    expect(await details(course.id)).toMatchObject({
      timeZone: 'Asia/Shanghai',
      requiresApproval: false,
      fundingGrant: null,
      recognitions: [],
      schedule: null,
    });
  });

  it('refuses a funding grant that does not exist in the funding subgraph as NOT_FOUND, and writes nothing', async () => {
    const title = `Ghost-funded ${randomUUID().slice(0, 6)}`;
    for (const fundingGrantId of [randomUUID(), 'not-a-grant']) {
      const error = await refused(training(), CREATE_COURSE, { input: courseInput([SOWOSSKY], { title, fundingGrantId }) });
      expect(error).toMatchObject({ code: 'NOT_FOUND', type: 'Grant', id: fundingGrantId, field: 'fundingGrantId' });
    }
    const { courses } = await ok<{ courses: { totalCount: number } }>(training(), `query($s: String) { courses(filter: { search: $s }) { totalCount } }`, {
      s: title,
    });
    expect(courses.totalCount).toBe(0);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a recognition in the future', { recognitions: [{ ...recognition, year: new Date().getUTCFullYear() + 1 }] }, 'recognitions.0.year'],
    ['a recognition without a title', { recognitions: [recognition, { ...recognition, title: ' ' }] }, 'recognitions.1.title'],
    ['a recognition without its awarding body', { recognitions: [{ ...recognition, awardedBy: '' }] }, 'recognitions.0.awardedBy'],
    ['a schedule of more than 500 characters', { schedule: 'x'.repeat(501) }, 'schedule'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const error = await refused(training(), CREATE_COURSE, { input: courseInput([SOWOSSKY], { title: `Invalid detail ${field}`, ...overrides }) });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  describe('updateCourse', () => {
    it('changes the fields given, clears those given as null and keeps the others', async () => {
      const course = await createCourse(
        training(),
        courseInput([SERVICE_PARK], {
          title: `Updatable ${randomUUID().slice(0, 6)}`,
          schedule: 'Mondays',
          fee: { amount: '100', currency: 'CNY' },
          capacity: 10,
        }),
      );
      const { course: updated } = await update(course.id, {
        schedule: 'every Saturday 9:00–12:00',
        fee: null,
        city: null,
        recognitions: [recognition],
        fundingGrantId: GRANT,
        requiresApproval: true,
      });
      expect(updated).toMatchObject({
        schedule: 'every Saturday 9:00–12:00',
        fee: null,
        city: null,
        recognitions: [recognition],
        fundingGrant: { id: GRANT },
        requiresApproval: true,
        capacity: 10,
        offeredBy: [{ id: SERVICE_PARK }],
      });
      expect(await details(course.id)).toEqual(updated);
      expect((await update(course.id, { fundingGrantId: null, recognitions: null })).course).toMatchObject({ fundingGrant: null, recognitions: [] });
    });

    it.each([
      ['a title of null', { title: null }, 'title'],
      ['a kind of null', { kind: null }, 'kind'],
      ['a start of null', { startsOn: null }, 'startsOn'],
      ['an end before the start', { endsOn: '2000-01-01' }, 'endsOn'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['an empty list of offering organizations', { offeredByIds: [] }, 'offeredByIds'],
      ['a fee with too many decimals', { fee: { amount: '1.234', currency: 'CNY' } }, 'fee.amount'],
    ])('refuses %s as BAD_USER_INPUT naming the field, and changes nothing', async (_case, input, field) => {
      const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Guarded ${randomUUID().slice(0, 6)}`, capacity: 5 }));
      const before = await details(course.id);
      expect(await refused(training(), UPDATE, { id: course.id, input })).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await details(course.id)).toEqual(before);
    });

    it('refuses an unknown course, organization or grant as NOT_FOUND', async () => {
      const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Referenced ${randomUUID().slice(0, 6)}` }));
      expect(await refused(training(), UPDATE, { id: randomUUID(), input: { title: 'x' } })).toMatchObject({ code: 'NOT_FOUND', type: 'Course', field: 'id' });
      expect(await refused(training(), UPDATE, { id: course.id, input: { offeredByIds: [SERVICE_PARK, randomUUID()] } })).toMatchObject({
        code: 'NOT_FOUND',
        type: 'Organization',
        field: 'offeredByIds',
      });
      expect(await refused(training(), UPDATE, { id: course.id, input: { fundingGrantId: randomUUID() } })).toMatchObject({
        code: 'NOT_FOUND',
        type: 'Grant',
        field: 'fundingGrantId',
      });
      expect((await details(course.id)).offeredBy).toEqual([{ id: SERVICE_PARK }]);
    });

    it('replaces the offering organizations in the order given, keeping the rows of those that stay', async () => {
      const course = await createCourse(training(), courseInput([SERVICE_PARK, SOWOSSKY], { title: `Reoffered ${randomUUID().slice(0, 6)}` }));
      const offeredBefore = await coursesOfferedIds(SOWOSSKY);
      const { course: updated } = await update(course.id, { offeredByIds: [SOWOSSKY, SWUFE] });
      expect(updated.offeredBy).toEqual([{ id: SOWOSSKY }, { id: SWUFE }]);
      expect(await coursesOfferedIds(SOWOSSKY)).toEqual(offeredBefore);
      expect(await coursesOfferedIds(SERVICE_PARK)).not.toContain(course.id);
      expect(await coursesOfferedIds(SWUFE)).toContain(course.id);
    });

    async function coursesOfferedIds(organizationId: string): Promise<string[]> {
      const data = await ok<{ _entities: { coursesOffered: { nodes: { id: string }[] } }[] }>(
        training(),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { coursesOffered(first: 100) { nodes { id } } } } }`,
        { r: [{ __typename: 'Organization', id: organizationId }] },
      );
      return data._entities[0].coursesOffered.nodes.map((node) => node.id);
    }

    it('never lowers the capacity below the seats taken: a CONFLICT naming capacity', async () => {
      const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Shrinking ${randomUUID().slice(0, 6)}`, capacity: 4 }));
      for (const person of people.slice(0, 3)) await enroll(training(), course.id, person);
      expect(await refused(training(), UPDATE, { id: course.id, input: { capacity: 2 } })).toMatchObject({ code: 'CONFLICT', field: 'capacity', taken: 3 });
      expect((await update(course.id, { capacity: 3 })).course).toMatchObject({ capacity: 3, seatsLeft: 0 });
    });

    it('gives the seats it adds to the waiting list at once, first come first served', async () => {
      const course = await createCourse(training(), courseInput([SERVICE_PARK], { title: `Growing ${randomUUID().slice(0, 6)}`, capacity: 2 }));
      const enrollments = [];
      for (const person of people.slice(0, 6)) enrollments.push(await enroll(training(), course.id, person));
      expect(enrollments.map((e) => e.status)).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
      const grown = await update(course.id, { capacity: 4 });
      expect(grown.promoted).toEqual([enrollments[2], enrollments[3]].map((e) => ({ id: e.id, status: 'ENROLLED' })));
      expect(grown.course).toMatchObject({ enrolledCount: 4, seatsLeft: 0 });
      const unlimited = await update(course.id, { capacity: null });
      expect(unlimited.promoted.map((e) => e.id)).toEqual([enrollments[4].id, enrollments[5].id]);
      expect(unlimited.course).toMatchObject({ capacity: null, enrolledCount: 6, seatsLeft: null });
    });

    it('keeps the dates around every scheduled session: a CONFLICT naming the date that would leave one out', async () => {
      const course = await createCourse(
        training(),
        courseInput([SERVICE_PARK], { title: `Dated ${randomUUID().slice(0, 6)}`, startsOn: daysFromToday(10), endsOn: daysFromToday(20) }),
      );
      await ok(training(), `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }`, {
        input: { courseId: course.id, date: daysFromToday(15), topic: 'Middle session', place: 'Room 1' },
      });
      expect(await refused(training(), UPDATE, { id: course.id, input: { endsOn: daysFromToday(14) } })).toMatchObject({ code: 'CONFLICT', field: 'endsOn' });
      expect(await refused(training(), UPDATE, { id: course.id, input: { startsOn: daysFromToday(16), endsOn: daysFromToday(30) } })).toMatchObject({
        code: 'CONFLICT',
        field: 'startsOn',
      });
      expect((await update(course.id, { startsOn: daysFromToday(15), endsOn: daysFromToday(15) })).course).toMatchObject({
        startsOn: daysFromToday(15),
        endsOn: daysFromToday(15),
      });
    });
  });

  describe('filters', () => {
    const token = `DetailFilter${randomUUID().slice(0, 6)}`;

    beforeAll(async () => {
      const [organization] = await createOrganizations(hub.services.organizations!.url, [`${token} organization`]);
      const make = (key: string, overrides: Record<string, unknown>) =>
        createCourse(training(), courseInput([organization], { title: `${token} ${key}`, ...overrides }));
      await make('english-approved', { language: 'en', requiresApproval: true, startsOn: daysFromToday(-5), endsOn: daysFromToday(5) });
      await make('chinese-funded', {
        language: 'zh-Hans',
        fundingGrantId: GRANT,
        description: `Covers ${token}-casework`,
        startsOn: daysFromToday(6),
        endsOn: daysFromToday(9),
      });
      await make('chinese', { language: 'zh', startsOn: daysFromToday(1), endsOn: daysFromToday(3) });
    });

    async function titles(filter: Record<string, unknown>): Promise<string[]> {
      const data = await ok<{ courses: { nodes: { title: string }[] } }>(
        training(),
        `query($f: CourseFilter) { courses(filter: $f, first: 100) { nodes { title } } }`,
        {
          f: { search: token, ...filter },
        },
      );
      return data.courses.nodes.map((n) => n.title.replace(`${token} `, ''));
    }

    it.each([
      ['language, a tag finding its subtags', { language: 'zh' }, ['chinese', 'chinese-funded']],
      ['language, exactly', { language: 'EN' }, ['english-approved']],
      ['the day it runs on', { runningOn: daysFromToday(2) }, ['english-approved', 'chinese']],
      ['approval', { requiresApproval: true }, ['english-approved']],
      ['funding grant', { fundingGrant: GRANT }, ['chinese-funded']],
      ['a funding grant that is not a UUID', { fundingGrant: 'csodf' }, []],
    ])('filters by %s', async (_case, filter, expected) => {
      expect(await titles(filter)).toEqual(expected);
    });

    it('finds text in the descriptions as well as the titles', async () => {
      const data = await ok<{ courses: { nodes: { title: string }[] } }>(
        training(),
        `query($s: String) { courses(filter: { search: $s }) { nodes { title } } }`,
        { s: `${token}-casework` },
      );
      expect(data.courses.nodes.map((n) => n.title)).toEqual([`${token} chinese-funded`]);
    });
  });
});
