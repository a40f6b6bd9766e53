import { seedId, today } from '@ngo-hub/kit';
import type { TestSubgraph } from '@ngo-hub/kit/testing';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';
import { CLOSE, daysFromToday, POST_JOB, postJob, PUBLISH, UPDATE_POSTING, apply, createPerson, type Posting } from './talent-market';

const NO_ORGANIZATION = '00000000-0000-4000-8000-000000000000';
type Titles = { jobPostings: { totalCount: number; nodes: { title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('job postings', () => {
  let hub: PeopleWithOrganizations;
  let subgraph: TestSubgraph;
  let request: Request;
  let organizationId: string;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    subgraph = hub.people;
    request = hub.request;
    organizationId = await hub.createOrganization('Postings Test NGO');
  });
  afterAll(() => hub?.stop());

  const base = () => ({ organizationId, title: 'Programme officer', kind: 'FULL_TIME', city: 'Chengdu' });
  const totalPostings = async () =>
    (
      await request<Titles>(`query($o: ID!) { jobPostings(filter: { organizationId: $o, statuses: [DRAFT, OPEN, CLOSED, FILLED] }) { totalCount } }`, {
        o: organizationId,
      })
    ).data!.jobPostings.totalCount;
  const titles = async (filter: Record<string, unknown>) => {
    const { data, errors } = await request<Titles>(`query($filter: JobPostingFilter) { jobPostings(filter: $filter, first: 100) { nodes { title } } }`, {
      filter,
    });
    expect(errors).toBeUndefined();
    return data!.jobPostings.nodes.map((n) => n.title);
  };

  it("posts an open position with its salary range as exact money, and shows it among the organization's open positions", async () => {
    const posting = await postJob(request, {
      ...base(),
      title: ' Community social worker ',
      titleZh: '社区社工',
      skills: ['Case management', 'case  management', 'group work'],
      minimumQualification: 'ASSISTANT_SOCIAL_WORKER',
      salary: { min: { amount: '4000', currency: 'cny' }, max: { amount: '5500.5', currency: 'CNY' } },
    });
    expect(posting).toMatchObject({
      title: 'Community social worker',
      titleZh: '社区社工',
      kind: 'FULL_TIME',
      city: 'Chengdu',
      remote: false,
      status: 'OPEN',
      openNow: true,
      skills: ['Case management', 'group work'],
      minimumQualification: 'ASSISTANT_SOCIAL_WORKER',
      organization: { id: organizationId },
      salary: { min: { amount: '4000.00', currency: 'CNY' }, max: { amount: '5500.50', currency: 'CNY' }, period: 'MONTH' },
    });
    const { data } = await request<{ _entities: { openPositions: { totalCount: number; nodes: { id: string }[] } }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { openPositions { totalCount nodes { id } } } } }`,
      { r: [{ __typename: 'Organization', id: organizationId }] },
    );
    expect(data!._entities[0].openPositions.nodes.map((n) => n.id)).toContain(posting.id);
  });

  it('posts a remote position without a city, and a one-sided salary per day', async () => {
    const posting = await postJob(request, {
      ...base(),
      city: null,
      remote: true,
      kind: 'INTERNSHIP',
      salary: { min: { amount: '120', currency: 'CNY' }, period: 'DAY' },
    });
    expect(posting).toMatchObject({ city: null, remote: true, salary: { min: { amount: '120.00' }, max: null, period: 'DAY' } });
  });

  it('refuses an organization the organizations subgraph does not know as NOT_FOUND, and writes nothing', async () => {
    const before = await totalPostings();
    for (const id of [NO_ORGANIZATION, 'not-a-uuid']) {
      const { data, errors } = await request(POST_JOB, { input: { ...base(), organizationId: id } });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Organization', field: 'organizationId' });
    }
    expect(await totalPostings()).toBe(before);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title'],
    ['neither a city nor remote', { city: null }, 'city'],
    ['a salary in two currencies', { salary: { min: { amount: '100', currency: 'CNY' }, max: { amount: '200', currency: 'USD' } } }, 'salary.max.currency'],
    [
      'a salary whose maximum is below its minimum',
      { salary: { min: { amount: '5000.01', currency: 'CNY' }, max: { amount: '5000', currency: 'CNY' } } },
      'salary.max.amount',
    ],
    ['a salary without amounts', { salary: { period: 'MONTH' } }, 'salary'],
    ['a salary that is not a decimal', { salary: { min: { amount: '4k', currency: 'CNY' } } }, 'salary.min.amount'],
    ['a closing date before the opening date', { opensOn: '2030-05-01', closesOn: '2030-04-30' }, 'closesOn'],
    ['an open posting that closed yesterday', { closesOn: daysFromToday(-1) }, 'closesOn'],
    ['an empty skill', { skills: ['case work', ''] }, 'skills'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, fields, field) => {
    const before = await totalPostings();
    const { data, errors } = await request(POST_JOB, { input: { ...base(), ...fields } });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await totalPostings()).toBe(before);
  });

  it('keeps a draft out of listings and applications until it is published', async () => {
    const draft = await postJob(request, { ...base(), title: 'Draft Officer Unique', draft: true, closesOn: daysFromToday(-3) });
    expect(draft).toMatchObject({ status: 'DRAFT', openNow: false });
    expect(await titles({ search: 'Draft Officer Unique' })).toEqual([]);
    expect(await titles({ search: 'Draft Officer Unique', statuses: ['DRAFT'] })).toEqual(['Draft Officer Unique']);
    const personId = await createPerson(request, { name: 'Draft Applicant' });
    const early = await request(`mutation($p: ID!, $who: ID!) { applyForJob(input: { postingId: $p, personId: $who }) { application { id } } }`, {
      p: draft.id,
      who: personId,
    });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'postingId' });

    const stale = await request(PUBLISH, { id: draft.id });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'closesOn' });
    await request(UPDATE_POSTING, { input: { id: draft.id, closesOn: daysFromToday(30) } });
    const published = await request<{ publishJobPosting: { jobPosting: Posting } }>(PUBLISH, { id: draft.id });
    expect(published.data!.publishJobPosting.jobPosting).toMatchObject({ status: 'OPEN', openNow: true });
    const again = await request(PUBLISH, { id: draft.id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'OPEN', to: 'OPEN' });
  });

  it('closes or fills an open posting once, refuses every other move as CONFLICT, and no longer lets it change', async () => {
    const filled = await postJob(request, base());
    const done = await request<{ closeJobPosting: { jobPosting: Posting } }>(CLOSE, { id: filled.id, filled: true });
    expect(done.data!.closeJobPosting.jobPosting).toMatchObject({ status: 'FILLED', openNow: false });
    // a move is refused in the hub's one transition shape (from, to, allowed); an edit names the status
    for (const [operation, variables, shape] of [
      [CLOSE, { id: filled.id }, { from: 'FILLED', to: 'CLOSED', allowed: [] }],
      [PUBLISH, { id: filled.id }, { from: 'FILLED', to: 'OPEN', allowed: [] }],
      [UPDATE_POSTING, { input: { id: filled.id, title: 'Changed' } }, { status: 'FILLED' }],
    ] as const) {
      const { errors } = await request(operation, variables);
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', ...shape });
    }
    const closed = await postJob(request, base());
    expect((await request<{ closeJobPosting: { jobPosting: Posting } }>(CLOSE, { id: closed.id })).data!.closeJobPosting.jobPosting.status).toBe('CLOSED');
    const draft = await postJob(request, { ...base(), draft: true });
    expect((await request(CLOSE, { id: draft.id, filled: true })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      from: 'DRAFT',
      to: 'FILLED',
      allowed: ['OPEN', 'CLOSED'],
    });
    expect((await request(CLOSE, { id: 'not-a-uuid' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('updates only the fields given, and leaves the posting untouched when one is wrong', async () => {
    const posting = await postJob(request, { ...base(), salary: { min: { amount: '3000', currency: 'CNY' }, max: { amount: '4000', currency: 'CNY' } } });
    const changed = await request(UPDATE_POSTING, { input: { id: posting.id, title: 'Senior officer', skills: ['Fundraising'] } });
    expect(changed.data).toMatchObject({
      updateJobPosting: { jobPosting: { title: 'Senior officer', city: 'Chengdu', skills: ['Fundraising'], salary: { min: { amount: '3000.00' } } } },
    });
    const refused = await request(UPDATE_POSTING, { input: { id: posting.id, title: 'Never saved', city: null } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'city' });
    const cleared = await request(UPDATE_POSTING, { input: { id: posting.id, salary: null, remote: true, city: null } });
    expect(cleared.data).toMatchObject({ updateJobPosting: { jobPosting: { title: 'Senior officer', city: null, remote: true, salary: null } } });
    const unknown = await request(UPDATE_POSTING, { input: { id: NO_ORGANIZATION, title: 'X' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('searches postings by city, kind, skill ignoring case, title in either language, and open now', async () => {
    const city = 'Searchburg';
    await postJob(request, { ...base(), city, title: 'Searchable tutor', titleZh: '搜索辅导老师', kind: 'VOLUNTEER', skills: ['Tutoring'] });
    await postJob(request, { ...base(), city, title: 'Searchable intern', kind: 'INTERNSHIP', skills: ['tutoring', 'Design'], opensOn: daysFromToday(10) });
    const closed = await postJob(request, { ...base(), city, title: 'Searchable closed', kind: 'PART_TIME', skills: ['design'] });
    await request(CLOSE, { id: closed.id });
    await postJob(request, { ...base(), city: null, remote: true, title: 'Searchable remote', kind: 'FULL_TIME', skills: ['design'] });

    expect(await titles({ city: 'SEARCHBURG' })).toEqual(['Searchable closed', 'Searchable intern', 'Searchable tutor']);
    expect(await titles({ city, kinds: ['VOLUNTEER', 'INTERNSHIP'] })).toEqual(['Searchable intern', 'Searchable tutor']);
    expect(await titles({ city, skill: 'TUTORING' })).toEqual(['Searchable intern', 'Searchable tutor']);
    expect(await titles({ search: '搜索辅导' })).toEqual(['Searchable tutor']);
    expect(await titles({ search: 'searchable', openNow: true })).toEqual(['Searchable remote', 'Searchable tutor']);
    expect(await titles({ city, openNow: false })).toEqual(['Searchable closed', 'Searchable intern']);
    expect(await titles({ search: 'searchable', remote: true })).toEqual(['Searchable remote']);
    expect(await titles({ city, statuses: ['CLOSED'] })).toEqual(['Searchable closed']);
    expect(await titles({ search: '100%' })).toEqual([]);
    expect(await titles({ organizationId: 'not-a-uuid' })).toEqual([]);
  });

  it('pages through postings newest first with cursors, without gaps or repeats', async () => {
    const city = 'Pageville';
    for (let i = 0; i < 7; i++) await postJob(request, { ...base(), city, title: `Page ${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Titles } = await request(
        `query($after: String) { jobPostings(filter: { city: "${city}" }, first: 3, after: $after) { totalCount nodes { title } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(page.data!.jobPostings.totalCount).toBe(7);
      seen.push(...page.data!.jobPostings.nodes.map((n) => n.title));
      if (!page.data!.jobPostings.pageInfo.hasNextPage) break;
      after = page.data!.jobPostings.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);
    const forged = await request(`{ jobPostings(after: "garbage") { totalCount } }`);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("lists only postings taking applications today as an organization's open positions, filtered by kind", async () => {
    const organization = await hub.createOrganization('Open Positions NGO');
    const open = await postJob(request, { ...base(), organizationId: organization, title: 'Open now', kind: 'VOLUNTEER' });
    await postJob(request, { ...base(), organizationId: organization, title: 'Opens later', opensOn: daysFromToday(5) });
    await postJob(request, { ...base(), organizationId: organization, title: 'A draft', draft: true });
    const closed = await postJob(request, { ...base(), organizationId: organization, title: 'Closed' });
    await request(CLOSE, { id: closed.id });
    const query = `query($r: [_Any!]!, $kinds: [JobKind!]) { _entities(representations: $r) { ... on Organization { openPositions(kinds: $kinds) { totalCount nodes { id title } } } } }`;
    const all = await request<{ _entities: { openPositions: { totalCount: number; nodes: { id: string }[] } }[] }>(query, {
      r: [{ __typename: 'Organization', id: organization }],
    });
    expect(all.data!._entities[0].openPositions).toEqual({ totalCount: 1, nodes: [{ id: open.id, title: 'Open now' }] });
    const none = await request<{ _entities: { openPositions: { totalCount: number } }[] }>(query, {
      r: [{ __typename: 'Organization', id: organization }],
      kinds: ['FULL_TIME'],
    });
    expect(none.data!._entities[0].openPositions.totalCount).toBe(0);
  });

  it('lists postings with their applications, applicants and organization in as many SQL statements for 20 postings as for 2', async () => {
    const city = 'Statementville';
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await createPerson(request, { name: `Applicant ${i}`, city }));
    for (let i = 0; i < 20; i++) {
      const posting = await postJob(request, { ...base(), city, title: `Counted ${String(i).padStart(2, '0')}` });
      for (const personId of people) await apply(request, posting.id, personId);
    }
    const query = `query($first: Int!) { jobPostings(filter: { city: "${city}" }, first: $first) { nodes { title organization { id } salary { period }
      applications(first: 5) { totalCount nodes { status person { name } posting { id } } } recommendations { totalCount } } } }`;
    const statementsFor = async (first: number) => {
      const before = await subgraph.sqlStatements();
      const { data, errors } = await request<{ jobPostings: { nodes: { applications: { totalCount: number } }[] } }>(query, { first });
      expect(errors).toBeUndefined();
      expect(data!.jobPostings.nodes).toHaveLength(first);
      expect(data!.jobPostings.nodes.every((n) => n.applications.totalCount === 3)).toBe(true);
      return (await subgraph.sqlStatements()) - before;
    };
    const forTwo = await statementsFor(2);
    const forTwenty = await statementsFor(20);
    expect(forTwenty).toBe(forTwo);
    // postings rows (no total: not asked), applications rows + totals, recommendations rows + totals, the applicants, the applications' postings,
    // and the audit log's one insert (the admin read applicants' personal data)
    expect(forTwenty).toBe(8);
  });

  it('answers openNow from the dates: not before opensOn, not after closesOn', async () => {
    const lastDay = await postJob(request, { ...base(), opensOn: '2020-01-01', closesOn: today() });
    expect(lastDay.openNow).toBe(true);
    const firstDay = await postJob(request, { ...base(), opensOn: today() });
    expect(firstDay.openNow).toBe(true);
    const tomorrow = await postJob(request, { ...base(), opensOn: daysFromToday(1) });
    expect(tomorrow.openNow).toBe(false);
  });

  it("shows the seed organizations' postings", async () => {
    const sowossky = await titles({ organizationId: seedId('org:sowossky') });
    expect(sowossky).toEqual(expect.arrayContaining(['Project officer', 'Social-work intern, "Spread Your Wings" training camp']));
  });
});
