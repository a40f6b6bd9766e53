import { createLogger, seedId, seedSubgraph } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';
import { personSeedId, SEED_PEOPLE } from '../seed/people.seed';
import { postingSeedId } from '../seed/talent-market.seed';
import type { Request } from './harness';

/** The slugs the training subgraph's seed enrolls. */
const SLUGS = [
  'li-zhaowei',
  'xu-qizhi',
  'guo-hong',
  'sun-hongwei',
  'npi-hub-admin',
  'service-park-director',
  'advisor-swufe-professor',
  'advisor-taiwan-supervisor',
  'advisor-2',
  'advisor-3',
  'advisor-4',
  'advisor-5',
  'elderly-care-founder',
  'migrant-children-founder',
  'legal-aid-founder',
  'student-1',
  'student-2',
  'supervisor-trainee-1',
  'supervisor-trainee-2',
];

type PersonWithAffiliations = {
  name: string;
  nameZh: string;
  affiliations: { totalCount: number; nodes: { role: string; title: string | null; organization: { id: string } }[] };
};
const PERSON = `query($id: ID!) { person(id: $id) { name nameZh affiliations(first: 100) { totalCount nodes { role title organization { id } } } } }`;

describe('people seed', () => {
  let subgraph: TestSubgraph;
  let request: Request;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(peopleSubgraph, { seed: true, identity: asAdmin() });
    request = (query, variables) => subgraph.request(query, variables);
  });
  afterAll(() => subgraph.stop());

  /** What the seed's people hold; other test files of the run add rows of their own, so only these are compared. */
  async function totals(): Promise<Record<string, number>> {
    const { data } = await request<{
      _entities: ({
        affiliations: { totalCount: number };
        education: unknown[];
        qualifications: unknown[];
        applications: { totalCount: number };
        recommendationsGiven: { totalCount: number };
      } | null)[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { affiliations { totalCount } education { institution } qualifications { level }
        applications { totalCount } recommendationsGiven { totalCount } } } }`,
      { r: SLUGS.map((slug) => ({ __typename: 'Person', id: personSeedId(slug) })) },
    );
    const people = data!._entities.filter((p) => p !== null);
    const sum = (count: (p: (typeof people)[number]) => number) => people.reduce((total, p) => total + count(p), 0);
    return {
      people: people.length,
      affiliations: sum((p) => p.affiliations.totalCount),
      education: sum((p) => p.education.length),
      qualifications: sum((p) => p.qualifications.length),
      applications: sum((p) => p.applications.totalCount),
      recommendations: sum((p) => p.recommendationsGiven.totalCount),
    };
  }

  async function person(slug: string): Promise<PersonWithAffiliations> {
    const { data } = await request<{ person: PersonWithAffiliations }>(PERSON, { id: personSeedId(slug) });
    return data!.person;
  }

  it('loads every person the training seed enrolls, under the id derived from the slug', async () => {
    expect(SEED_PEOPLE.map((p) => p.slug).sort()).toEqual([...SLUGS].sort());
    for (const slug of SLUGS) expect(await person(slug)).not.toBeNull();
  });

  it('writes nothing and duplicates nothing when seeded a second time', async () => {
    const before = await totals();
    expect(before).toMatchObject({ people: SLUGS.length, applications: 4, recommendations: 3 });
    const written = await seedSubgraph(peopleSubgraph, process.env.TEST_DATABASE_URL!, createLogger('people', 'silent'));
    expect(written).toBe(0);
    expect(await totals()).toEqual(before);
  });

  const org = (slug: string) => seedId(`org:${slug}`);
  const committee = { role: 'ADVISOR', title: 'Advisory committee member', organization: { id: org('chengdu-ngo-service-park') } };

  it('gives the real people the articles name exactly the roles the articles give them, and no other', async () => {
    expect(await person('li-zhaowei')).toEqual({
      name: 'Li Zhaowei',
      nameZh: null,
      affiliations: { totalCount: 1, nodes: [{ role: 'FOUNDER', title: 'Founder', organization: { id: org('sowossky') } }] },
    });
    expect(await person('xu-qizhi')).toEqual({ name: 'Xu Qizhi', nameZh: '徐启智', affiliations: { totalCount: 1, nodes: [committee] } });
    const guoHong = await person('guo-hong');
    expect(guoHong).toMatchObject({ name: 'Guo Hong', nameZh: '郭虹', affiliations: { totalCount: 2 } });
    expect(guoHong.affiliations.nodes).toEqual(
      expect.arrayContaining([
        committee,
        { role: 'DIRECTOR', title: 'Director of the Sociology Institute', organization: { id: org('sichuan-academy-of-social-sciences') } },
      ]),
    );
    expect(await person('sun-hongwei')).toEqual({
      name: 'Sun Hongwei',
      nameZh: '孙洪伟',
      affiliations: { totalCount: 1, nodes: [{ role: 'FOUNDER', title: 'Founder', organization: { id: org('spinachina') } }] },
    });
  });

  it("seats six on the Service Park's advisory committee: Xu Qizhi, Guo Hong and four unnamed experts marked illustrative, with nothing invented about them", async () => {
    const seated = [];
    for (const slug of SLUGS) {
      if ((await person(slug)).affiliations.nodes.some((n) => n.role === 'ADVISOR' && n.organization.id === org('chengdu-ngo-service-park'))) seated.push(slug);
    }
    expect(seated.sort()).toEqual(['advisor-2', 'advisor-3', 'advisor-4', 'advisor-5', 'guo-hong', 'xu-qizhi']);
    const query = `query($id: ID!) { person(id: $id) { name skills education { institution } qualifications { level } affiliations { totalCount } provenance { kind illustrative sourceIssue } } }`;
    for (const slug of ['advisor-2', 'advisor-3', 'advisor-4', 'advisor-5']) {
      const { data } = await request<{ person: Record<string, unknown> }>(query, { id: personSeedId(slug) });
      expect(data!.person).toMatchObject({
        skills: [],
        education: [],
        qualifications: [],
        affiliations: { totalCount: 1 },
        provenance: { kind: 'SEED', illustrative: true, sourceIssue: 'No. 56, Winter 2012' },
      });
      expect(data!.person.name).toMatch(/^Advisory committee expert \d \(unnamed in the source\)$/);
    }
  });

  it('gives the invented supervisor trainees their education and qualifications, keeping the highest level', async () => {
    const query = `query($id: ID!) { person(id: $id) { qualification qualifications { level year } education { institution degree major organization { id } } } }`;
    type Profile = {
      person: { qualification: string | null; qualifications: { level: string }[]; education: { institution: string; organization: { id: string } | null }[] };
    };
    for (const slug of ['supervisor-trainee-1', 'supervisor-trainee-2', 'elderly-care-founder']) {
      const { data } = await request<Profile>(query, { id: personSeedId(slug) });
      expect(data!.person.education.length).toBeGreaterThan(0);
    }
    const liXiuying = (await request<Profile>(query, { id: personSeedId('elderly-care-founder') })).data!.person;
    expect(liXiuying.qualification).toBe('SOCIAL_WORKER');
    expect(liXiuying.qualifications.map((q) => q.level)).toEqual(['ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER']);
    expect((await request<Profile>(query, { id: personSeedId('supervisor-trainee-2') })).data!.person.qualification).toBe('SENIOR_SOCIAL_WORKER');
    const student = (await request<Profile>(query, { id: personSeedId('student-1') })).data!.person;
    expect(student.education[0].organization).toEqual({ id: seedId('org:swufe') });
  });

  it("takes back what an earlier seed said wrongly about people when loaded over it (NPI's founder on the committee, a placeholder SowosSky founder)", async () => {
    const em = subgraph.running.orm.em.fork();
    const run = (sql: string) => em.getConnection().execute(sql);
    const luZhao = personSeedId('lu-zhao');
    const placeholder = personSeedId('sowossky-founder');
    await run(`insert into people.person (id, name, name_zh) values ('${luZhao}', 'Lü Zhao', '吕朝'), ('${placeholder}', 'Chen Jing', '陈静')`);
    await run(`insert into people.affiliation (id, person_id, organization_id, role, title) values
      ('${seedId('affiliation:lu-zhao:npi')}', '${luZhao}', '${org('npi')}', 'FOUNDER', 'Founder'),
      ('${seedId('affiliation:lu-zhao:chengdu-ngo-service-park')}', '${luZhao}', '${org('chengdu-ngo-service-park')}', 'ADVISOR', 'Advisory committee member'),
      ('${seedId('affiliation:sowossky-founder:sowossky')}', '${placeholder}', '${org('sowossky')}', 'FOUNDER', 'Founder'),
      ('${seedId('affiliation:advisor-3:chengdu-civil-affairs-bureau')}', '${personSeedId('advisor-3')}', '${org('chengdu-civil-affairs-bureau')}', 'STAFF', 'Official')`);
    await run(`update people.person set name = 'Zhao Min', skills = '{research}' where id = '${personSeedId('advisor-2')}'`);

    expect(await seedSubgraph(peopleSubgraph, process.env.TEST_DATABASE_URL!, createLogger('people', 'silent'))).toBeGreaterThanOrEqual(7);

    expect(await run(`select id from people.person where id in ('${luZhao}', '${placeholder}')`)).toEqual([]);
    expect(
      await run(
        `select id from people.affiliation where person_id in ('${luZhao}', '${placeholder}') or organization_id = '${org('chengdu-civil-affairs-bureau')}'`,
      ),
    ).toEqual([]);
    expect(await run(`select name, skills from people.person where id = '${personSeedId('advisor-2')}'`)).toEqual([
      { name: 'Advisory committee expert 3 (unnamed in the source)', skills: [] },
    ]);
    expect(await seedSubgraph(peopleSubgraph, process.env.TEST_DATABASE_URL!, createLogger('people', 'silent'))).toBe(0);
  });

  it("has SowosSky's founder Li Zhaowei, its internship for social-work students and its project officer post, and postings of Chengdu NGOs", async () => {
    // the seed's own postings: other tests of this suite post jobs too, so a page of everything may not hold them
    const { data } = await request<{
      jobPostings: { nodes: { title: string; kind: string; status: string; city: string | null; organization: { id: string } }[] };
    }>(
      `{ jobPostings(first: 100, filter: { statuses: [OPEN, CLOSED, FILLED], illustrative: true }) { nodes { title kind status city organization { id } } } }`,
    );
    const postings = data!.jobPostings.nodes;
    const sowossky = postings.filter((p) => p.organization.id === seedId('org:sowossky'));
    expect(sowossky.map((p) => p.kind).sort()).toEqual(['FULL_TIME', 'INTERNSHIP']);
    expect(postings.filter((p) => p.city === 'Chengdu').length).toBeGreaterThanOrEqual(4);
    expect((await person('li-zhaowei')).affiliations.nodes).toEqual([{ role: 'FOUNDER', title: 'Founder', organization: { id: seedId('org:sowossky') } }]);
  });

  it('has applications in several statuses and a recommendation by an (invented) SWUFE lecturer', async () => {
    const { data } = await request<{
      jobPosting: {
        applications: { nodes: { status: string; person: { name: string } }[] };
        recommendations: { nodes: { recommender: { id: string }; candidate: { name: string } }[] };
      };
    }>(
      `query($id: ID!) { jobPosting(id: $id) { applications { nodes { status person { name } } } recommendations { nodes { recommender { id } candidate { name } } } } }`,
      { id: postingSeedId('sowossky-social-work-internship') },
    );
    expect(data!.jobPosting.applications.nodes).toEqual([
      { status: 'SUBMITTED', person: { name: 'Sun Yue' } },
      { status: 'SHORTLISTED', person: { name: 'Ma Lin' } },
    ]);
    expect(data!.jobPosting.recommendations.nodes).toEqual([{ recommender: { id: personSeedId('advisor-swufe-professor') }, candidate: { name: 'Sun Yue' } }]);
  });

  it('suggests the open-to-work seed people for the elderly-care post, He Jun first (skills, city and qualification)', async () => {
    const { data } = await request<{
      jobPosting: { suggestedCandidates: { nodes: { score: number; qualificationMet: boolean; person: { name: string } }[] } };
    }>(`query($id: ID!) { jobPosting(id: $id) { suggestedCandidates { nodes { score qualificationMet person { name } } } } }`, {
      id: postingSeedId('elderly-care-social-worker'),
    });
    // other test files of the run add people of their own: compare the seed's
    const seeded = data!.jobPosting.suggestedCandidates.nodes.filter((n) => ['He Jun', 'Sun Yue', 'Ma Lin'].includes(n.person.name));
    expect(seeded).toEqual([
      { score: 6, qualificationMet: true, person: { name: 'He Jun' } },
      { score: 5, qualificationMet: false, person: { name: 'Sun Yue' } },
      { score: 3, qualificationMet: false, person: { name: 'Ma Lin' } },
    ]);
  });
});
