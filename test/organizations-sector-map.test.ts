import { countSql, adminGql as gql } from './setup/hub';

interface SectorMapAnswer {
  sectorMap: {
    organizationCount: number;
    byKind: { key: string | null; count: number }[];
    byRegistrationStatus: { key: string | null; count: number }[];
    byCauseArea: { key: string | null; count: number }[];
    network: {
      truncated: boolean;
      nodes: {
        id: string;
        inScope: boolean;
        organization: { name: string; people: { totalCount: number }; totalReceived: { amount: string; currency: string }[] };
      }[];
      edges: { kind: string; fromId: string; toId: string }[];
    };
  };
}

const SECTOR_MAP = `query($filter: SectorMapFilter) {
  sectorMap(filter: $filter) {
    organizationCount
    byKind { key count }
    byRegistrationStatus { key count }
    byCauseArea { key count }
    network {
      truncated
      nodes { id inScope organization { name people(first: 5) { totalCount } totalReceived { amount currency } } }
      edges { kind fromId toId }
    }
  }
}`;

describe('the sector map through the gateway', () => {
  it("maps Chengdu: counts by kind and registration, the network with the Service Park's cohort, and each node's people and money from other subgraphs", async () => {
    const { data, errors } = await gql<SectorMapAnswer>(SECTOR_MAP, { filter: { city: 'Chengdu' } });
    expect(errors).toBeUndefined();
    const map = data!.sectorMap;
    expect(map.organizationCount).toBeGreaterThanOrEqual(20);
    expect(map.byKind.reduce((sum, c) => sum + c.count, 0)).toBe(map.organizationCount);
    expect(map.byRegistrationStatus.reduce((sum, c) => sum + c.count, 0)).toBe(map.organizationCount);
    const park = map.network.nodes.find((n) => n.organization.name === 'Chengdu NGO Service Park')!;
    expect(park.inScope).toBe(true);
    expect(park.organization.people.totalCount).toBeGreaterThanOrEqual(6);
    expect(park.organization.totalReceived).toEqual([]);
    const elderlyCare = map.network.nodes.find((n) => n.organization.name === 'Chengdu Community Elderly Care Service Center')!;
    expect(elderlyCare.organization.totalReceived).toEqual([{ amount: '860000.00', currency: 'CNY' }]);
    expect(map.network.edges.filter((e) => e.kind === 'INCUBATED_BY' && e.toId === park.id)).toHaveLength(15);
    const npi = map.network.nodes.find((n) => n.organization.name === 'NPI (Non-Profit Incubator)')!;
    expect(npi.inScope).toBe(false);
    expect(map.network.edges.some((e) => e.kind === 'REPLICATED_MODEL_OF' && e.toId === npi.id)).toBe(true);
  });

  it("maps an incubator's organizations by its id", async () => {
    const parks = await gql<{ organizations: { nodes: { id: string }[] } }>(
      `{ organizations(filter: { search: "Chengdu NGO Service Park" }) { nodes { id } } }`,
    );
    const incubatorId = parks.data!.organizations.nodes[0].id;
    const { data } = await gql<SectorMapAnswer>(SECTOR_MAP, { filter: { incubatorId, kinds: ['NGO'] } });
    expect(data!.sectorMap.organizationCount).toBe(14);
    expect(data!.sectorMap.byKind).toEqual([{ key: 'NGO', count: 14 }]);
  });

  it('costs the same SQL in every subgraph for a small and a large city', async () => {
    async function buildCity(size: number): Promise<string> {
      const city = `E2E Mapcity ${Math.random().toString(36).slice(2, 8)}`;
      const inputs = Array.from({ length: size }, (_, i) => ({ name: `${city} ${i}`, kind: i % 2 ? 'NGO' : 'FOUNDATION', causeAreas: ['EDUCATION'], city }));
      const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]));
      const declarations = inputs.map((_, i) => `$i${i}: CreateOrganizationInput!`).join(', ');
      const fields = inputs.map((_, i) => `m${i}: createOrganization(input: $i${i}) { organization { id } }`).join('\n');
      const created = await gql<Record<string, { organization: { id: string } }>>(`mutation(${declarations}) { ${fields} }`, variables);
      const ids = Object.values(created.data!).map((c) => c.organization.id);
      const relations = ids
        .slice(1)
        .map(
          (id, i) =>
            `r${i}: addOrganizationRelation(input: { kind: MEMBER_OF, fromOrganizationId: "${id}", toOrganizationId: "${ids[0]}" }) { relation { id } }`,
        );
      expect((await gql(`mutation { ${relations.join('\n')} }`)).errors).toBeUndefined();
      return city;
    }
    const small = await buildCity(3);
    const large = await buildCity(40);
    const costs = [];
    for (const city of [small, large]) {
      costs.push(
        await countSql(async () => {
          const { data, errors } = await gql<SectorMapAnswer>(SECTOR_MAP, { filter: { city } });
          expect(errors).toBeUndefined();
          expect(data!.sectorMap.network.edges).toHaveLength(data!.sectorMap.organizationCount - 1);
        }),
      );
    }
    expect(costs[1]).toEqual(costs[0]);
    expect(costs[0].organizations).toBeLessThanOrEqual(4);
  });

  it('answers an unknown incubator with NOT_FOUND', async () => {
    const { errors } = await gql(SECTOR_MAP, { filter: { incubatorId: '00000000-0000-4000-8000-000000000000' } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.incubatorId' });
  });
});
