import { createLogger, seedId, seedSubgraph } from '@ngo-hub/kit';
import { startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';
import { personSeedId, SEED_PEOPLE } from '../seed/people.seed';
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
    subgraph = await startTestSubgraph(peopleSubgraph, { seed: true });
    request = (query, variables) => subgraph.request(query, variables);
  });
  afterAll(() => subgraph.stop());

  async function totals(): Promise<{ people: number; affiliations: number }> {
    const { data } = await request<{ people: { totalCount: number; nodes: { affiliations: { totalCount: number } }[] } }>(
      `{ people(first: 100) { totalCount nodes { affiliations { totalCount } } } }`,
    );
    return { people: data!.people.totalCount, affiliations: data!.people.nodes.reduce((sum, p) => sum + p.affiliations.totalCount, 0) };
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
    expect(before.people).toBeGreaterThanOrEqual(SLUGS.length);
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
});
