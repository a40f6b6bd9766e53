import { countSql, adminGql as gql } from './setup/hub';

interface Named {
  name: string;
  city: string | null;
  kind: string;
}

describe('funding on the sector map, through the gateway (fundingFlows, fundingSummary)', () => {
  it("answers the money flowing into Chengdu in 2012 from government buyers, with both organizations' names resolved", async () => {
    const { data, errors } = await gql<{
      fundingFlows: { totalCount: number; nodes: { funder: Named; recipient: Named; grantCount: number; totals: { amount: string; currency: string }[] }[] };
    }>(
      `{ fundingFlows(filter: { city: "Chengdu", funderKinds: [GOVERNMENT_AGENCY], yearFrom: 2012, yearTo: 2012 }, first: 50) {
          totalCount
          nodes { funder { name city kind } recipient { name city kind } grantCount totals { amount currency } }
      } }`,
    );
    expect(errors).toBeUndefined();
    const flows = data!.fundingFlows.nodes;
    expect(flows.map((f) => f.recipient.name)).toEqual(
      expect.arrayContaining([
        'Chengdu Community Elderly Care Service Center',
        'Chengdu Community Legal Service Center',
        'Chengdu Migrant Children Learning Center',
        'Chengdu Rural Education Support Center',
      ]),
    );
    for (const flow of flows) {
      expect(flow.funder.kind).toBe('GOVERNMENT_AGENCY');
      expect(flow.recipient.city).toBe('Chengdu');
    }
    expect(flows.find((f) => f.recipient.name === 'Chengdu Migrant Children Learning Center')).toEqual({
      funder: { name: 'Chengdu Municipal Government', city: 'Chengdu', kind: 'GOVERNMENT_AGENCY' },
      recipient: { name: 'Chengdu Migrant Children Learning Center', city: 'Chengdu', kind: 'NGO' },
      grantCount: 1,
      totals: [{ amount: '286400.75', currency: 'CNY' }],
    });
  });

  it("summarises an organization's funding per year and currency, exact, next to its grants", async () => {
    const { data, errors } = await gql<{
      organizations: {
        nodes: {
          name: string;
          grantsMade: { nodes: { awardDate: string; amountAwarded: { amount: string } }[] };
          fundingSummary: { year: number; currency: string; given: { amount: string }; grantsMade: number }[];
        }[];
      };
    }>(
      `{ organizations(filter: { search: "Chengdu Municipal Government" }) { nodes {
          name
          grantsMade(first: 100, year: 2012) { nodes { awardDate amountAwarded { amount } } }
          fundingSummary { year currency received { amount } given { amount } grantsReceived grantsMade }
      } } }`,
    );
    expect(errors).toBeUndefined();
    const [bureau] = data!.organizations.nodes;
    const cents = bureau.grantsMade.nodes.reduce((sum, g) => sum + BigInt(g.amountAwarded.amount.replace('.', '')), 0n);
    const year2012 = bureau.fundingSummary.find((s) => s.year === 2012 && s.currency === 'CNY')!;
    expect(year2012).toMatchObject({
      given: { amount: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` },
      grantsMade: bureau.grantsMade.nodes.length,
    });
    expect(year2012.grantsMade).toBeGreaterThanOrEqual(4);
  });

  it("answers 20 organizations' funding summaries and grants with as many funding SQL statements as 2", async () => {
    const city = 'Fundingsummary City';
    const inputs = Array.from({ length: 20 }, (_, i) => ({ name: `Funding Summary NGO ${String(i).padStart(2, '0')}`, kind: 'NGO', city }));
    const created = await gql<Record<string, { organization: { id: string } }>>(
      `mutation(${inputs.map((_, i) => `$i${i}: CreateOrganizationInput!`).join(', ')}) { ${inputs.map((_, i) => `m${i}: createOrganization(input: $i${i}) { organization { id } }`).join('\n')} }`,
      Object.fromEntries(inputs.map((input, i) => [`i${i}`, input])),
    );
    expect(created.errors).toBeUndefined();
    const ids = inputs.map((_, i) => created.data![`m${i}`].organization.id);
    const grants = ids.map((recipientOrganizationId, i) => ({
      title: `Summary grant ${i}`,
      amountAwarded: { amount: `${100 + i}.10`, currency: i % 2 ? 'CNY' : 'GBP' },
      awardDate: `201${i % 3}-05-01`,
      recipientOrganizationId,
      fundingOrganizationId: ids[(i + 1) % ids.length],
    }));
    const awarded = await gql(
      `mutation(${grants.map((_, i) => `$g${i}: AwardGrantInput!`).join(', ')}) { ${grants.map((_, i) => `a${i}: awardGrant(input: $g${i}) { grant { id } }`).join('\n')} }`,
      Object.fromEntries(grants.map((grant, i) => [`g${i}`, grant])),
    );
    expect(awarded.errors).toBeUndefined();

    const query = `query($city: String!, $first: Int!) { organizations(filter: { city: $city }, first: $first) { nodes {
      name fundingSummary { year currency received { amount currency } given { amount } grantsReceived grantsMade }
      grantsReceived(first: 5) { nodes { title amountDisbursed { amount } amountRemaining { amount } disbursements(first: 3) { totalCount } } }
    } } }`;
    type Answer = { organizations: { nodes: { fundingSummary: { received: { amount: string } }[] }[] } };
    let two: Answer | undefined;
    let twenty: Answer | undefined;
    const costTwo = await countSql(async () => (two = (await gql<Answer>(query, { city, first: 2 })).data));
    const costTwenty = await countSql(async () => (twenty = (await gql<Answer>(query, { city, first: 20 })).data));
    expect(two!.organizations.nodes).toHaveLength(2);
    expect(twenty!.organizations.nodes).toHaveLength(20);
    expect(twenty!.organizations.nodes.every((o) => o.fundingSummary.length >= 1)).toBe(true);
    expect(costTwenty.funding).toBe(costTwo.funding);
    expect(costTwo.funding).toBeLessThanOrEqual(6);
  });
});
