import { encodeCursor, seedId } from '@ngo-hub/kit';
import { asAnonymous, asPerson, type TestSubgraph } from '@ngo-hub/kit/testing';
import { personSeedId } from '../seed/people.seed';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';

const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id name nameZh roles city skills qualification languages visibility openToWork
  education { institution institutionZh degree major year organization { id } } qualifications { kind level year } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { person { id name city skills } } }`;

type Names = { people: { totalCount: number; nodes: { name: string }[] } };

describe('people', () => {
  let hub: PeopleWithOrganizations;
  let subgraph: TestSubgraph;
  let request: Request;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    subgraph = hub.people;
    request = hub.request;
  });
  afterAll(() => hub?.stop());

  const totalPeople = async () => (await request<Names>(`{ people { totalCount } }`)).data!.people.totalCount;
  const names = async (filter: Record<string, unknown>) => {
    const { data, errors } = await request<Names>(`query($filter: PersonFilter) { people(filter: $filter, first: 100) { nodes { name } } }`, { filter });
    expect(errors).toBeUndefined();
    return data!.people.nodes.map((p) => p.name);
  };

  it('creates a person with trimmed names, and skills trimmed and kept once whatever their case', async () => {
    const { data, errors } = await request(CREATE, {
      input: {
        name: '  Deng Hui ',
        nameZh: '邓慧',
        roles: ['SOCIAL_WORKER'],
        city: 'Chengdu',
        skills: [' case management ', 'Case  Management', 'group work'],
        qualifications: [{ level: 'ASSISTANT_SOCIAL_WORKER', year: 2015 }],
        email: 'deng@example.org',
        phone: '+86 28 1234 5678',
      },
    });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      createPerson: {
        person: {
          name: 'Deng Hui',
          nameZh: '邓慧',
          roles: ['SOCIAL_WORKER'],
          skills: ['case management', 'group work'],
          qualification: 'ASSISTANT_SOCIAL_WORKER',
        },
      },
    });
  });

  it('keeps a profile: languages as canonical tags, education, qualifications with the highest level, PUBLIC and not open to work by default', async () => {
    const { data, errors } = await request<{ createPerson: { person: Record<string, unknown> } }>(CREATE, {
      input: {
        name: 'Profile Person',
        languages: ['ZH', 'yue', 'zh'],
        education: [
          {
            institution: ' Southwestern University of Finance and Economics ',
            institutionZh: '西南财经大学',
            organizationId: seedId('org:swufe'),
            degree: 'MASTER',
            major: 'Social work',
            year: 2014,
          },
          { institution: 'Sichuan University', degree: 'BACHELOR', year: 2011 },
        ],
        qualifications: [
          { level: 'SOCIAL_WORKER', year: 2016 },
          { kind: 'SOCIAL_WORK', level: 'ASSISTANT_SOCIAL_WORKER', year: 2012 },
        ],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createPerson.person).toMatchObject({
      languages: ['zh', 'yue'],
      visibility: 'PUBLIC',
      openToWork: false,
      qualification: 'SOCIAL_WORKER',
      qualifications: [
        { kind: 'SOCIAL_WORK', level: 'ASSISTANT_SOCIAL_WORKER', year: 2012 },
        { kind: 'SOCIAL_WORK', level: 'SOCIAL_WORKER', year: 2016 },
      ],
      education: [
        { institution: 'Sichuan University', institutionZh: null, degree: 'BACHELOR', major: null, year: 2011, organization: null },
        {
          institution: 'Southwestern University of Finance and Economics',
          institutionZh: '西南财经大学',
          degree: 'MASTER',
          major: 'Social work',
          year: 2014,
          organization: { id: seedId('org:swufe') },
        },
      ],
    });
  });

  it('replaces education and qualifications as a whole on update, and clears them with an empty list', async () => {
    const created = await request<{ createPerson: { person: { id: string } } }>(CREATE, {
      input: { name: 'Replacing Lists', education: [{ institution: 'Old School', degree: 'OTHER' }], qualifications: [{ level: 'SENIOR_SOCIAL_WORKER' }] },
    });
    const id = created.data!.createPerson.person.id;
    const LISTS = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { person { qualification education { institution } qualifications { level } } } }`;
    const replaced = await request(LISTS, {
      id,
      input: { education: [{ institution: 'New School', degree: 'BACHELOR' }], qualifications: [{ level: 'ASSISTANT_SOCIAL_WORKER' }] },
    });
    expect(replaced.data).toEqual({
      updatePerson: {
        person: {
          qualification: 'ASSISTANT_SOCIAL_WORKER',
          education: [{ institution: 'New School' }],
          qualifications: [{ level: 'ASSISTANT_SOCIAL_WORKER' }],
        },
      },
    });
    const untouched = await request(LISTS, { id, input: { bio: 'Lists not given stay.' } });
    expect(untouched.data).toEqual(replaced.data);
    const cleared = await request(LISTS, { id, input: { education: [], qualifications: [] } });
    expect(cleared.data).toEqual({ updatePerson: { person: { qualification: null, education: [], qualifications: [] } } });
  });

  it.each([
    ['a language that is not a BCP 47 tag', { languages: ['zh', 'Sichuanese'] }, 'languages'],
    ['a qualification level twice', { qualifications: [{ level: 'SOCIAL_WORKER' }, { level: 'SOCIAL_WORKER', year: 2012 }] }, 'qualifications[1].level'],
    ['a qualification before the first national examination', { qualifications: [{ level: 'SOCIAL_WORKER', year: 2007 }] }, 'qualifications[0].year'],
    [
      'a qualification obtained in the future',
      { qualifications: [{ level: 'SOCIAL_WORKER', year: new Date().getUTCFullYear() + 1 }] },
      'qualifications[0].year',
    ],
    ['an education without institution', { education: [{ institution: ' ', degree: 'BACHELOR' }] }, 'education[0].institution'],
    ['an education year far ahead', { education: [{ institution: 'X', degree: 'BACHELOR', year: 2999 }] }, 'education[0].year'],
    ['more than 20 education entries', { education: Array.from({ length: 21 }, () => ({ institution: 'X', degree: 'OTHER' })) }, 'education'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, fields, field) => {
    const before = await totalPeople();
    const { data, errors } = await request(CREATE, { input: { name: 'Refused Profile', ...fields } });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await totalPeople()).toBe(before);
  });

  it('refuses an education institution the organizations subgraph does not know as NOT_FOUND naming the entry, and writes nothing', async () => {
    const before = await totalPeople();
    const { errors } = await request(CREATE, {
      input: {
        name: 'Unknown School',
        education: [
          { institution: 'A', degree: 'BACHELOR', organizationId: seedId('org:swufe') },
          { institution: 'B', degree: 'MASTER', organizationId: '00000000-0000-4000-8000-000000000000' },
        ],
      },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Organization', field: 'education[1].organizationId' });
    expect(await totalPeople()).toBe(before);
  });

  it('leaves PRIVATE profiles out of the directory, but keeps them reachable by id', async () => {
    const created = await request<{ createPerson: { person: { id: string } } }>(CREATE, { input: { name: 'Hidden Hermit', visibility: 'PRIVATE' } });
    const id = created.data!.createPerson.person.id;
    expect(await names({ search: 'Hidden Hermit' })).toEqual([]);
    const byId = await request(`query($id: ID!) { person(id: $id) { name visibility } }`, { id });
    expect(byId.data).toEqual({ person: { name: 'Hidden Hermit', visibility: 'PRIVATE' } });
    await request(UPDATE, { id, input: { visibility: 'PARTNERS' } });
    expect(await names({ search: 'Hidden Hermit' })).toEqual(['Hidden Hermit']);
    const refused = await request(UPDATE, { id, input: { visibility: null } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visibility' });
  });

  it('filters by skill ignoring case, language, minimum qualification and openness to work', async () => {
    const city = 'Filterton';
    const people = [
      { name: 'Filter A', city, skills: ['Puppet Therapy'], languages: ['ii'], openToWork: true, qualifications: [{ level: 'SENIOR_SOCIAL_WORKER' }] },
      {
        name: 'Filter B',
        city,
        skills: ['puppet therapy', 'mediation'],
        languages: ['zh'],
        qualifications: [{ level: 'ASSISTANT_SOCIAL_WORKER' }, { level: 'SOCIAL_WORKER' }],
      },
      { name: 'Filter C', city, skills: ['mediation'], languages: ['zh', 'ii'], openToWork: true },
    ];
    for (const input of people) expect((await request(CREATE, { input })).errors).toBeUndefined();
    expect(await names({ city, skill: ' PUPPET   therapy ' })).toEqual(['Filter A', 'Filter B']);
    expect(await names({ city, language: 'II' })).toEqual(['Filter A', 'Filter C']);
    expect(await names({ city, minimumQualification: 'SOCIAL_WORKER' })).toEqual(['Filter A', 'Filter B']);
    expect(await names({ city, qualification: 'SOCIAL_WORKER' })).toEqual(['Filter B']);
    expect(await names({ city, openToWork: true })).toEqual(['Filter A', 'Filter C']);
    expect(await names({ city, openToWork: false, skill: 'mediation' })).toEqual(['Filter B']);
    const bad = await request(`{ people(filter: { language: "not a language" }) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.language' });
  });

  it('lists people with their education and qualifications in as many SQL statements for 20 people as for 2', async () => {
    const city = 'Countville';
    for (let i = 0; i < 20; i++) {
      const input = {
        name: `Count ${String(i).padStart(2, '0')}`,
        city,
        education: [
          { institution: `School ${i}`, degree: 'BACHELOR', year: 2010 },
          { institution: `College ${i}`, degree: 'MASTER', year: 2012 },
        ],
        qualifications: [
          { level: 'ASSISTANT_SOCIAL_WORKER', year: 2011 },
          { level: 'SOCIAL_WORKER', year: 2014 },
        ],
      };
      expect((await request(CREATE, { input })).errors).toBeUndefined();
    }
    const query = `query($city: String!, $first: Int!) { people(filter: { city: $city }, first: $first) { nodes { name qualification
      education { institution organization { id } } qualifications { level year } affiliations { totalCount } } } }`;
    const statementsFor = async (first: number) => {
      const before = await subgraph.sqlStatements();
      const { data, errors } = await request<{ people: { nodes: { education: unknown[]; qualifications: unknown[]; qualification: string }[] } }>(query, {
        city,
        first,
      });
      expect(errors).toBeUndefined();
      expect(data!.people.nodes).toHaveLength(first);
      for (const node of data!.people.nodes) {
        expect(node.education).toHaveLength(2);
        expect(node.qualifications).toHaveLength(2);
        expect(node.qualification).toBe('SOCIAL_WORKER');
      }
      return (await subgraph.sqlStatements()) - before;
    };
    const forTwo = await statementsFor(2);
    const forTwenty = await statementsFor(20);
    expect(forTwenty).toBe(forTwo);
    // people rows (no total: totalCount is not asked), education, qualifications, affiliations rows + totals
    expect(forTwenty).toBe(5);
  });

  it('shows e-mail and phone to the person and hub admins, never to anonymous callers or unrelated people', async () => {
    const created = await request<{ createPerson: { person: { id: string } } }>(
      `mutation { createPerson(input: { name: "Private Contact", email: "private@example.org", phone: "+86 28 8765 4321" }) { person { id } } }`,
    );
    const id = created.data!.createPerson.person.id;
    const QUERY = `query($id: ID!) { person(id: $id) { name email phone } }`;
    const anonymous = await hub.people.as(asAnonymous()).request<{ person: { name: string; email: string | null } }>(QUERY, { id });
    expect(anonymous.data!.person).toEqual({ name: 'Private Contact', email: null, phone: null });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const stranger = await hub.people.as(asPerson(seedId('person:npi-hub-admin'))).request<{ person: { email: string | null } }>(QUERY, { id });
    expect(stranger.data!.person.email).toBeNull();
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const self = await hub.people.as(asPerson(id)).request<{ person: { email: string; phone: string } }>(QUERY, { id });
    expect(self.errors).toBeUndefined();
    expect(self.data!.person).toMatchObject({ email: 'private@example.org', phone: '+86 28 8765 4321' });
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['a malformed e-mail', { name: 'A', email: 'not-an-email' }, 'email'],
    ['a phone number with letters', { name: 'A', phone: '028-CALL-ME' }, 'phone'],
    ['a role twice', { name: 'A', roles: ['STUDENT', 'STUDENT'] }, 'roles'],
    ['an empty skill', { name: 'A', skills: ['fundraising', ' '] }, 'skills'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const before = await totalPeople();
    const { data, errors } = await request(CREATE, { input });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await totalPeople()).toBe(before);
  });

  it('updates only the fields given, and leaves the person untouched when one field is wrong', async () => {
    const created = await request<{ createPerson: { person: { id: string } } }>(CREATE, { input: { name: 'Before', city: 'Chengdu', skills: ['mediation'] } });
    const id = created.data!.createPerson.person.id;
    const updated = await request(UPDATE, { id, input: { name: 'After', skills: ['Mediation', 'mediation ', 'advocacy'] } });
    expect(updated.data).toEqual({ updatePerson: { person: { id, name: 'After', city: 'Chengdu', skills: ['Mediation', 'advocacy'] } } });

    const refused = await request(UPDATE, { id, input: { name: 'Changed', email: 'bad@' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const after = await request(`query($id: ID!) { person(id: $id) { name } }`, { id });
    expect(after.data).toEqual({ person: { name: 'After' } });
  });

  it('reports updating an unknown or malformed id as NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const { errors } = await request(UPDATE, { id, input: { name: 'X' } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });

  it('answers person(id) with null for an unknown or malformed id', async () => {
    const { data, errors } = await request(`{ a: person(id: "00000000-0000-4000-8000-000000000000") { id } b: person(id: "x'; drop table person") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it('finds people by Chinese or English name, case-insensitively', async () => {
    expect(await names({ search: '郭虹' })).toEqual(['Guo Hong']);
    expect(await names({ search: 'HONG' })).toEqual(['Guo Hong', 'Sun Hongwei']);
    expect(await names({ search: '100%' })).toEqual([]);
  });

  it('filters by city, any of several roles, and qualification', async () => {
    expect(await names({ city: 'CHENGDU', roles: ['TEACHER'] })).toEqual(['Liu Yang', 'Yang Fan']);
    expect(await names({ roles: ['OFFICIAL', 'RESEARCHER'] })).toEqual(['Guo Hong', 'Xu Qizhi']);
    expect(await names({ qualification: 'SENIOR_SOCIAL_WORKER', city: 'Chengdu' })).toEqual(['Gao Ping']);
  });

  it('filters by organization: everyone who holds or held a role there, once each', async () => {
    // other test files of the run add affiliations too: assert the seed's people, each once
    const park = await names({ organizationId: seedId('org:chengdu-ngo-service-park') });
    expect(park).toEqual(
      expect.arrayContaining([
        'Advisory committee expert 3 (unnamed in the source)',
        'Advisory committee expert 4 (unnamed in the source)',
        'Advisory committee expert 5 (unnamed in the source)',
        'Advisory committee expert 6 (unnamed in the source)',
        'Guo Hong',
        'Service Park support-team member (illustrative)',
        'Xu Qizhi',
      ]),
    );
    expect(new Set(park).size).toBe(park.length);
    expect(await names({ organizationId: seedId('org:chengdu-community-elderly-care-center') })).toEqual(expect.arrayContaining(['He Jun', 'Li Xiuying']));
    expect(await names({ organizationId: 'not-a-uuid' })).toEqual([]);
  });

  it('pages through people with cursors, without gaps or repeats', async () => {
    // a city of its own: other test files of the run add people too
    const city = 'Pagetown';
    for (const name of ['Pa', 'Pb', 'Pc', 'Pd', 'Pe', 'Pf', 'Pg', 'Pc', 'Pa'])
      expect((await request(CREATE, { input: { name, city } })).errors).toBeUndefined();
    const all = await request<{ people: { totalCount: number; nodes: { id: string }[] } }>(
      `{ people(filter: { city: "${city}" }, first: 100) { totalCount nodes { id } } }`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { people: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } = await request(
        `query($after: String) { people(filter: { city: "${city}" }, first: 4, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.data!.people.nodes.map((n) => n.id));
      if (!page.data!.people.pageInfo.hasNextPage) break;
      after = page.data!.people.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.people.nodes.map((n) => n.id));
    expect(seen).toHaveLength(9);
    expect(all.data!.people.totalCount).toBe(9);
  });

  it('refuses a page size over the limit and cursors it did not give out, as BAD_USER_INPUT', async () => {
    const big = await request(`{ people(first: 101) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const after of ['garbage', encodeCursor('Wang Lei', 'not-a-uuid'), encodeCursor(42, personSeedId('npi-hub-admin'))]) {
      const { errors } = await request(`query($after: String) { people(after: $after) { totalCount } }`, { after });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('resolves Person references for many ids in one SQL statement, null for unknown ids', async () => {
    const slugs = [
      'li-zhaowei',
      'xu-qizhi',
      'student-1',
      'student-2',
      'advisor-2',
      'advisor-3',
      'advisor-4',
      'advisor-5',
      'legal-aid-founder',
      'supervisor-trainee-1',
    ];
    const representations = slugs.map((slug) => ({ __typename: 'Person', id: personSeedId(slug) }));
    const before = await subgraph.sqlStatements();
    const { data, errors } = await request<{ _entities: ({ id: string; name: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`,
      { r: [...representations, { __typename: 'Person', id: 'not-a-uuid' }, { __typename: 'Person', id: '00000000-0000-4000-8000-000000000000' }] },
    );
    const statements = (await subgraph.sqlStatements()) - before;
    expect(errors).toBeUndefined();
    expect(data!._entities.slice(0, 10).map((e) => e?.id)).toEqual(representations.map((r) => r.id));
    expect(data!._entities[0]).toEqual({ id: personSeedId('li-zhaowei'), name: 'Li Zhaowei' });
    expect(data!._entities.slice(10)).toEqual([null, null]);
    expect(statements).toBe(1);
  });
});
