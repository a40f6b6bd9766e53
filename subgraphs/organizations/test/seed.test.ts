import { createLogger, seedSubgraph, seedId } from '@ngo-hub/kit';
import { startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { SEED_ORGANIZATIONS } from '../seed/organizations.seed';
import { SERVICE_PARK_COHORT_ORGANIZATIONS } from '../seed/service-park-cohort.seed';
import { ok } from './support/fixtures';

describe('seed', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  });
  afterAll(() => subgraph.stop());

  it('writes nothing when loaded again', async () => {
    const written = await seedSubgraph(organizationsSubgraph, process.env.TEST_DATABASE_URL!, createLogger('seed-test', 'silent'));
    expect(written).toBe(0);
  });

  it('keeps the slugs other subgraphs refer to', () => {
    const slugs = SEED_ORGANIZATIONS.map((o) => o.slug);
    expect(slugs).toEqual(expect.arrayContaining([
      'npi', 'npi-beijing', 'npi-chengdu', 'npi-shenzhen', 'shanghai-united-foundation', 'chengdu-ngo-service-park',
      'chengdu-social-organization-development-foundation', 'chengdu-civil-affairs-bureau', 'pudong-civil-affairs-bureau', 'sowossky',
      'spinachina', 'swufe', 'taiwan-red-cross', 'chengdu-community-elderly-care-center', 'chengdu-migrant-children-center', 'chengdu-community-legal-aid',
    ]));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('marks the invented cohort members as illustrative and gives them English and Chinese names in Chengdu', async () => {
    expect(SERVICE_PARK_COHORT_ORGANIZATIONS).toHaveLength(12);
    const data = await ok<{ organizations: { nodes: { name: string; nameZh: string; city: string; description: string }[] } }>(
      subgraph,
      `query($ids: [ID!]) { organizations(filter: { ids: $ids }, first: 20) { nodes { name nameZh city description } } }`,
      { ids: SERVICE_PARK_COHORT_ORGANIZATIONS.map((o) => seedId(`org:${o.slug}`)) },
    );
    expect(data.organizations.nodes).toHaveLength(12);
    for (const organization of data.organizations.nodes) {
      expect(organization.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(organization.city).toBe('Chengdu');
      expect(organization.description).toMatch(/\(Illustrative: invented name/);
    }
  });
});
