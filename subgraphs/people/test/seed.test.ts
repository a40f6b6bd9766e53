import { createLogger, seedId, seedSubgraph } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';
import { personSeedId, SEED_PEOPLE } from '../seed/people.seed';
import { postingSeedId } from '../seed/talent-market.seed';
import type { Request } from './harness';

/** The slugs the training subgraph's seed enrolls. */
const SLUGS = [
  'lu-zhao', 'sowossky-founder', 'service-park-director', 'advisor-swufe-professor', 'advisor-taiwan-supervisor', 'advisor-2', 'advisor-3',
  'advisor-4', 'advisor-5', 'elderly-care-founder', 'migrant-children-founder', 'legal-aid-founder', 'student-1', 'student-2',
  'supervisor-trainee-1', 'supervisor-trainee-2',
];

type PersonWithAffiliations = { name: string; nameZh: string; affiliations: { totalCount: number; nodes: { role: string; title: string | null; organization: { id: string } }[] } };
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
    const { data } = await request<{ _entities: ({ affiliations: { totalCount: number }; education: unknown[]; qualifications: unknown[]; applications: { totalCount: number }; recommendationsGiven: { totalCount: number } } | null)[] }>(
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

  it('has Lü Zhao as founder of NPI and adviser of the Chengdu NGO Service Park', async () => {
    const luZhao = await person('lu-zhao');
    expect(luZhao).toMatchObject({ name: 'Lü Zhao', nameZh: '吕朝' });
    expect(luZhao.affiliations.nodes).toEqual(
      expect.arrayContaining([
        { role: 'FOUNDER', title: 'Founder', organization: { id: seedId('org:npi') } },
        { role: 'ADVISOR', title: 'Advisory committee member', organization: { id: seedId('org:chengdu-ngo-service-park') } },
      ]),
    );
  });

  it('has six experts on the Service Park\'s advisory committee besides Lü Zhao, with their home institutions', async () => {
    const advisors = SLUGS.filter((slug) => slug.startsWith('advisor-'));
    expect(advisors).toHaveLength(6);
    for (const slug of advisors) {
      const roles = (await person(slug)).affiliations.nodes.map((n) => `${n.role}@${n.organization.id}`);
      expect(roles).toContain(`ADVISOR@${seedId('org:chengdu-ngo-service-park')}`);
    }
    expect((await person('advisor-swufe-professor')).affiliations.nodes.map((n) => n.role + '@' + n.organization.id)).toContain(`FACULTY@${seedId('org:swufe')}`);
    expect((await person('advisor-taiwan-supervisor')).affiliations.nodes.map((n) => n.organization.id)).toContain(seedId('org:taiwan-red-cross'));
  });

  it('gives the advisors and the supervisor trainees their education and qualifications, keeping the highest level', async () => {
    const query = `query($id: ID!) { person(id: $id) { qualification qualifications { level year } education { institution degree major organization { id } } } }`;
    type Profile = { person: { qualification: string | null; qualifications: { level: string }[]; education: { institution: string; organization: { id: string } | null }[] } };
    for (const slug of ['advisor-swufe-professor', 'advisor-taiwan-supervisor', 'advisor-2', 'advisor-3', 'advisor-4', 'advisor-5', 'supervisor-trainee-1', 'supervisor-trainee-2']) {
      const { data } = await request<Profile>(query, { id: personSeedId(slug) });
      expect(data!.person.education.length).toBeGreaterThan(0);
    }
    const wuHong = (await request<Profile>(query, { id: personSeedId('advisor-5') })).data!.person;
    expect(wuHong.qualification).toBe('SENIOR_SOCIAL_WORKER');
    expect(wuHong.qualifications.map((q) => q.level)).toEqual(['SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER']);
    expect((await request<Profile>(query, { id: personSeedId('supervisor-trainee-1') })).data!.person.qualification).toBe('SOCIAL_WORKER');
    const student = (await request<Profile>(query, { id: personSeedId('student-1') })).data!.person;
    expect(student.education[0].organization).toEqual({ id: seedId('org:swufe') });
  });

  it('has SowosSky\'s founder, its internship for social-work students and its project officer post, and postings of Chengdu NGOs', async () => {
    const { data } = await request<{ jobPostings: { nodes: { title: string; kind: string; status: string; city: string | null; organization: { id: string } }[] } }>(
      `{ jobPostings(first: 100, filter: { statuses: [OPEN, CLOSED, FILLED] }) { nodes { title kind status city organization { id } } } }`,
    );
    const postings = data!.jobPostings.nodes;
    const sowossky = postings.filter((p) => p.organization.id === seedId('org:sowossky'));
    expect(sowossky.map((p) => p.kind).sort()).toEqual(['FULL_TIME', 'INTERNSHIP']);
    expect(postings.filter((p) => p.city === 'Chengdu').length).toBeGreaterThanOrEqual(4);
    expect((await person('sowossky-founder')).affiliations.nodes).toEqual([{ role: 'FOUNDER', title: 'Founder', organization: { id: seedId('org:sowossky') } }]);
  });

  it('has applications in several statuses and a recommendation by a Service Park advisor', async () => {
    const { data } = await request<{ jobPosting: { applications: { nodes: { status: string; person: { name: string } }[] }; recommendations: { nodes: { recommender: { id: string }; candidate: { name: string } }[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { applications { nodes { status person { name } } } recommendations { nodes { recommender { id } candidate { name } } } } }`,
      { id: postingSeedId('sowossky-social-work-internship') },
    );
    expect(data!.jobPosting.applications.nodes).toEqual([{ status: 'SUBMITTED', person: { name: 'Sun Yue' } }, { status: 'SHORTLISTED', person: { name: 'Ma Lin' } }]);
    expect(data!.jobPosting.recommendations.nodes).toEqual([{ recommender: { id: personSeedId('advisor-swufe-professor') }, candidate: { name: 'Sun Yue' } }]);
  });

  it('suggests the open-to-work seed people for the elderly-care post, He Jun first (skills, city and qualification)', async () => {
    const { data } = await request<{ jobPosting: { suggestedCandidates: { nodes: { score: number; qualificationMet: boolean; person: { name: string } }[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { suggestedCandidates { nodes { score qualificationMet person { name } } } } }`,
      { id: postingSeedId('elderly-care-social-worker') },
    );
    // other test files of the run add people of their own: compare the seed's
    const seeded = data!.jobPosting.suggestedCandidates.nodes.filter((n) => ['He Jun', 'Sun Yue', 'Ma Lin'].includes(n.person.name));
    expect(seeded).toEqual([
      { score: 6, qualificationMet: true, person: { name: 'He Jun' } },
      { score: 5, qualificationMet: false, person: { name: 'Sun Yue' } },
      { score: 3, qualificationMet: false, person: { name: 'Ma Lin' } },
    ]);
  });
});
