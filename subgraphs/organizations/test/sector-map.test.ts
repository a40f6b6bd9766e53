import { seedId } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { createIncubator, createOrganizations, failure, mutateAll, ok, statementsDuring, transition, unique } from './support/fixtures';

interface Count {
  key: string | null;
  count: number;
}
interface MapAnswer {
  sectorMap: {
    organizationCount: number;
    byCity: Count[];
    byProvince: Count[];
    byKind: Count[];
    byCauseArea: Count[];
    byRegistrationStatus: Count[];
    byStage: Count[];
    network: {
      truncated: boolean;
      nodeLimit: number;
      edgeLimit: number;
      nodes: { id: string; inScope: boolean; organization: { name: string; city: string | null } }[];
      edges: {
        id: string;
        kind: string;
        fromId: string;
        toId: string;
        active: boolean;
        incubationStatus: string | null;
        startedOn: string | null;
        endedOn: string | null;
      }[];
    };
  };
}

const COUNTS =
  'organizationCount byCity { key count } byProvince { key count } byKind { key count } byCauseArea { key count } byRegistrationStatus { key count } byStage { key count }';
const NETWORK =
  'network { truncated nodeLimit edgeLimit nodes { id inScope organization { name city } } edges { id kind fromId toId active incubationStatus startedOn endedOn } }';
const MAP = `query($filter: SectorMapFilter) { sectorMap(filter: $filter) { ${COUNTS} ${NETWORK} } }`;

describe('sector map', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  const map = (filter: Record<string, unknown>, query = MAP) => ok<MapAnswer>(subgraph, query, { filter });

  /** A city of its own with `size` organizations of varied kinds, causes, registrations and stages. */
  async function buildCity(size: number): Promise<{ city: string; ids: string[] }> {
    const city = unique('Mapcity');
    const kinds = ['NGO', 'NGO', 'FOUNDATION', 'SOCIAL_ENTERPRISE'];
    const causes = [['EDUCATION'], ['EDUCATION', 'HEALTH'], ['ENVIRONMENT'], []];
    const statuses = ['UNREGISTERED', 'FILED_ON_RECORD', 'REGISTERED'];
    const stages = ['STARTUP', 'GROWTH', null];
    const ids = await createOrganizations(
      subgraph,
      Array.from({ length: size }, (_, i) => ({
        name: `${city} org ${String(i).padStart(3, '0')}`,
        kind: kinds[i % 4],
        causeAreas: causes[i % 4],
        city,
        province: i % 5 === 0 ? 'Elsewhere' : 'Sichuan',
        stage: stages[i % 3],
        registration: { status: statuses[i % 3] },
      })),
    );
    return { city, ids };
  }

  it("counts a city's organizations by city, province, kind, cause area, registration status and stage", async () => {
    const { city } = await buildCity(12);
    const { sectorMap } = await map({ city: city.toUpperCase() });
    expect(sectorMap.organizationCount).toBe(12);
    expect(sectorMap.byCity).toEqual([{ key: city, count: 12 }]);
    expect(sectorMap.byProvince).toEqual([
      { key: 'Sichuan', count: 9 },
      { key: 'Elsewhere', count: 3 },
    ]);
    expect(sectorMap.byKind).toEqual([
      { key: 'NGO', count: 6 },
      { key: 'FOUNDATION', count: 3 },
      { key: 'SOCIAL_ENTERPRISE', count: 3 },
    ]);
    expect(sectorMap.byCauseArea).toEqual([
      { key: 'EDUCATION', count: 6 },
      { key: 'ENVIRONMENT', count: 3 },
      { key: 'HEALTH', count: 3 },
    ]);
    expect(sectorMap.byRegistrationStatus).toEqual([
      { key: 'FILED_ON_RECORD', count: 4 },
      { key: 'REGISTERED', count: 4 },
      { key: 'UNREGISTERED', count: 4 },
    ]);
    expect(sectorMap.byStage).toEqual([
      { key: 'GROWTH', count: 4 },
      { key: 'STARTUP', count: 4 },
      { key: null, count: 4 },
    ]);
  });

  it('narrows the counts by province, kinds and cause areas together', async () => {
    const { city } = await buildCity(12);
    const { sectorMap } = await map({ city, province: 'sichuan', kinds: ['NGO'], causeAreas: ['HEALTH', 'EDUCATION'] });
    // NGOs are i % 4 in {0, 1}; both have EDUCATION; province Elsewhere is i % 5 == 0 (i = 0, 5)
    expect(sectorMap.organizationCount).toBe(4);
    expect(sectorMap.byKind).toEqual([{ key: 'NGO', count: 4 }]);
  });

  it('computes the counts in one statement and the network in three, for 5 and for 60 organizations alike', async () => {
    const small = await buildCity(5);
    const large = await buildCity(60);
    const [bureau] = await createOrganizations(subgraph, [{ name: unique('Bureau elsewhere'), kind: 'GOVERNMENT_AGENCY', city: 'Elsewhere' }]);
    for (const { ids } of [small, large]) {
      await mutateAll(
        subgraph,
        'addOrganizationRelation',
        'AddOrganizationRelationInput',
        'relation { id }',
        ids.slice(1).map((id) => ({ kind: 'MEMBER_OF', fromOrganizationId: id, toOrganizationId: ids[0] })),
      );
      await mutateAll(subgraph, 'addOrganizationRelation', 'AddOrganizationRelationInput', 'relation { id }', [
        { kind: 'SUPERVISED_BY', fromOrganizationId: ids[0], toOrganizationId: bureau },
      ]);
    }
    const counts = [];
    const whole = [];
    for (const { city } of [small, large]) {
      counts.push(await statementsDuring(subgraph, () => map({ city }, `query($filter: SectorMapFilter) { sectorMap(filter: $filter) { ${COUNTS} } }`)));
      whole.push(await statementsDuring(subgraph, () => map({ city })));
    }
    expect(counts).toEqual([1, 1]);
    expect(whole).toEqual([4, 4]);
  });

  it("draws a city's network: its organizations, those its ties reach outside it, and typed edges", async () => {
    const { city, ids } = await buildCity(4);
    const [original] = await createOrganizations(subgraph, [{ name: unique('Original model'), kind: 'INCUBATOR', city: 'Shanghai' }]);
    const { incubatorId, cohortId } = await createIncubator(subgraph);
    await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: ids[1], startedOn: '2020-03-01' });
    await mutateAll(subgraph, 'addOrganizationRelation', 'AddOrganizationRelationInput', 'relation { id }', [
      { kind: 'PARTNER', fromOrganizationId: ids[0], toOrganizationId: ids[1], startedOn: '2020-01-01' },
      { kind: 'REPLICATED_MODEL_OF', fromOrganizationId: ids[2], toOrganizationId: original },
      { kind: 'CO_ORGANIZER', fromOrganizationId: ids[3], toOrganizationId: ids[0], endedOn: '2021-01-01' },
    ]);
    const { network } = (await map({ city })).sectorMap;
    expect(network.truncated).toBe(false);
    expect(
      network.nodes
        .filter((n) => n.inScope)
        .map((n) => n.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(
      network.nodes
        .filter((n) => !n.inScope)
        .map((n) => n.id)
        .sort(),
    ).toEqual([incubatorId, original].sort());
    expect(network.nodes.find((n) => n.id === original)!.organization.city).toBe('Shanghai');
    const edges = network.edges.map(({ kind, fromId, toId, active, incubationStatus }) => ({ kind, fromId, toId, active, incubationStatus }));
    expect(edges).toHaveLength(4);
    expect(edges).toEqual(
      expect.arrayContaining([
        { kind: 'PARTNER', fromId: ids[0], toId: ids[1], active: true, incubationStatus: null },
        { kind: 'REPLICATED_MODEL_OF', fromId: ids[2], toId: original, active: true, incubationStatus: null },
        { kind: 'CO_ORGANIZER', fromId: ids[3], toId: ids[0], active: false, incubationStatus: null },
        { kind: 'INCUBATED_BY', fromId: ids[1], toId: incubatorId, active: true, incubationStatus: 'ACTIVE' },
      ]),
    );
  });

  it("maps an incubator's organizations: counts without the incubator, the incubator in the network", async () => {
    const { incubatorId, cohortId } = await createIncubator(subgraph);
    const members = await createOrganizations(subgraph, [
      { name: unique('Incubated A'), kind: 'NGO', city: 'Chengdu', causeAreas: ['HEALTH'] },
      { name: unique('Incubated B'), kind: 'SOCIAL_ENTERPRISE', city: 'Mianyang', causeAreas: ['HEALTH', 'EMPLOYMENT'] },
      { name: unique('Applicant C'), kind: 'NGO', city: 'Chengdu' },
    ]);
    await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: members[0], startedOn: '2020-03-01' });
    await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: members[1], startedOn: '2020-03-01' });
    await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId: members[1], endedOn: '2021-01-31' });
    await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: members[2], appliedOn: '2020-01-01' });
    const { sectorMap } = await map({ incubatorId });
    expect(sectorMap.organizationCount).toBe(3);
    expect(sectorMap.byCity).toEqual([
      { key: 'Chengdu', count: 2 },
      { key: 'Mianyang', count: 1 },
    ]);
    expect(sectorMap.byCauseArea).toEqual([
      { key: 'HEALTH', count: 2 },
      { key: 'EMPLOYMENT', count: 1 },
    ]);
    expect(sectorMap.network.nodes.find((n) => n.id === incubatorId)).toMatchObject({ inScope: false });
    expect(sectorMap.network.edges.map((e) => [e.fromId, e.toId, e.incubationStatus]).sort()).toEqual(
      [
        [members[0], incubatorId, 'ACTIVE'],
        [members[1], incubatorId, 'GRADUATED'],
        [members[2], incubatorId, 'APPLIED'],
      ].sort(),
    );
    const chengduOnly = await map({ incubatorId, city: 'Chengdu', kinds: ['NGO'] });
    expect(chengduOnly.sectorMap.organizationCount).toBe(2);
  });

  it('answers an unknown incubator with NOT_FOUND naming the filter field', async () => {
    const response = await subgraph.request(MAP, { filter: { incubatorId: '00000000-0000-4000-8000-000000000000' } });
    expect(failure(response)).toMatchObject({ code: 'NOT_FOUND', field: 'filter.incubatorId' });
  });

  it('bounds the network at 500 nodes and says it is truncated, while the counts cover everything', async () => {
    const { city } = await buildCity(505);
    const { sectorMap } = await map({ city });
    expect(sectorMap.organizationCount).toBe(505);
    expect(sectorMap.network).toMatchObject({ truncated: true, nodeLimit: 500, edgeLimit: 2000 });
    expect(sectorMap.network.nodes).toHaveLength(500);
    expect(sectorMap.network.nodes.at(-1)!.organization.name).toBe(`${city} org 499`);
  });

  it("maps the seeded Chengdu NGO Service Park: its 15 incubated organizations, its partners in Chengdu and NPI Chengdu's replication of NPI", async () => {
    const park = seedId('org:chengdu-ngo-service-park');
    const { sectorMap } = await map({ incubatorId: park });
    expect(sectorMap.organizationCount).toBe(15);
    expect(sectorMap.byCity).toEqual([{ key: 'Chengdu', count: 15 }]);
    const incubated = sectorMap.network.edges.filter((e) => e.kind === 'INCUBATED_BY' && e.toId === park);
    expect(incubated).toHaveLength(15);
    const chengdu = (await map({ city: 'Chengdu' })).sectorMap.network;
    expect(chengdu.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'CO_ORGANIZER', fromId: park, toId: seedId('org:shuangliu-county-disabled-persons-federation') }),
      ]),
    );
    expect(chengdu.edges).not.toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PARTNER', fromId: seedId('org:npi-chengdu'), toId: park })]));
    expect(chengdu.edges).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'REPLICATED_MODEL_OF', fromId: seedId('org:npi-chengdu'), toId: seedId('org:npi') })]),
    );
  });
});
