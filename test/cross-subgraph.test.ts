import { adminGql as gql } from './setup/hub';

interface Answer {
  organizations: {
    nodes: {
      name: string;
      nameZh: string;
      people: { nodes: { role: string; person: { name: string; enrollments: { nodes: { status: string; course: { title: string } }[] } } }[] };
      grantsReceived: { nodes: { title: string; amountAwarded: { amount: string; currency: string }; funder: { name: string } }[] };
      totalReceived: { amount: string; currency: string }[];
      coursesOffered: { nodes: { title: string; offeredBy: { name: string }[] }[] };
    }[];
  };
}

const ORGANIZATION_AT_A_GLANCE = `
  query AtAGlance($search: String!) {
    organizations(filter: { search: $search }, first: 1) {
      nodes {
        name
        nameZh
        people(first: 50) { nodes { role person { name enrollments(first: 10) { nodes { status course { title } } } } } }
        grantsReceived(first: 20) { nodes { title amountAwarded { amount currency } funder { name } } }
        totalReceived { amount currency }
        coursesOffered(first: 20) { nodes { title offeredBy { name } } }
      }
    }
  }`;

describe('one question, four subgraphs, through the gateway', () => {
  it("answers an organization by name with its people, grants received, courses offered and the people's enrollments", async () => {
    const { data, errors } = await gql<Answer>(ORGANIZATION_AT_A_GLANCE, { search: '成都公益组织服务园' });
    expect(errors).toBeUndefined();
    const [park] = data!.organizations.nodes;
    expect(park.name).toBe('Chengdu NGO Service Park');

    // people subgraph
    expect(park.people.nodes.length).toBeGreaterThanOrEqual(6);
    expect(park.people.nodes.map((a) => a.role)).toContain('ADVISOR');
    // the sources give the Park no grant: the seed gives it none
    expect(park.grantsReceived.nodes).toEqual([]);
    expect(park.totalReceived).toEqual([]);

    // an (illustrative) cohort member: its people's enrollments (training, through people) and its grants (funding)
    const member = (await gql<Answer>(ORGANIZATION_AT_A_GLANCE, { search: 'Chengdu Community Elderly Care' })).data!.organizations.nodes[0];
    expect(member.people.nodes.some((a) => a.person.enrollments.nodes.length > 0)).toBe(true);
    expect(member.grantsReceived.nodes.length).toBeGreaterThan(0);
    for (const grant of member.grantsReceived.nodes) {
      expect(grant.amountAwarded.amount).toMatch(/^\d+\.\d{2}$/);
      expect(grant.amountAwarded.currency).toBe('CNY');
      expect(grant.funder.name).toBe('Chengdu Municipal Government');
    }
    expect(member.totalReceived).toEqual([{ amount: '860000.00', currency: 'CNY' }]);

    // training subgraph: the supervisors course, run with SWUFE and the Taiwan Red Cross
    const supervisors = park.coursesOffered.nodes.find((c) => c.offeredBy.length >= 3);
    expect(supervisors?.offeredBy.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Chengdu NGO Service Park', 'Southwestern University of Finance and Economics', 'Taiwan Red Cross']),
    );
  });

  it('sums grants per currency exactly, as decimal strings', async () => {
    const { data } = await gql<{
      organizations: { nodes: { grantsMade: { nodes: { amountAwarded: { amount: string } }[] }; totalAwarded: { amount: string; currency: string }[] }[] };
    }>(
      `{ organizations(filter: { search: "Chengdu Municipal Government" }) { nodes { grantsMade(first: 100) { nodes { amountAwarded { amount } } } totalAwarded { amount currency } } } }`,
    );
    const [bureau] = data!.organizations.nodes;
    const cents = bureau.grantsMade.nodes.reduce((sum, g) => sum + BigInt(g.amountAwarded.amount.replace('.', '')), 0n);
    expect(bureau.totalAwarded).toEqual([{ amount: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`, currency: 'CNY' }]);
  });
});
