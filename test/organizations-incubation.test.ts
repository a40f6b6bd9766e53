import { countSql, adminGql as gql } from './setup/hub';

/** Sends an operation through the gateway that must succeed. */
async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

/** Runs one mutation per input in a single request, with aliases; returns the results in order. */
async function mutateAll<T>(field: string, inputType: string, selection: string, inputs: Record<string, unknown>[]): Promise<T[]> {
  const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]));
  const declarations = inputs.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
  const fields = inputs.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
  const data = await ok<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables);
  return inputs.map((_, i) => data[`m${i}`]);
}

const suffix = () => Math.random().toString(36).slice(2, 8);

describe('incubation through the gateway', () => {
  it("shows the Service Park's first cohort with the people who founded its members (people subgraph) and their grants (funding subgraph)", async () => {
    const data = await ok<{
      organizations: {
        nodes: {
          name: string;
          incubationProgrammes: {
            nodes: {
              cohorts: {
                nodes: {
                  name: string;
                  members: {
                    totalCount: number;
                    nodes: {
                      status: string;
                      supports: string[];
                      organization: {
                        name: string;
                        people: { nodes: { role: string; person: { name: string } }[] };
                        grantsReceived: { nodes: { title: string }[] };
                      };
                    }[];
                  };
                }[];
              };
            }[];
          };
        }[];
      };
    }>(`{
      organizations(filter: { search: "成都公益组织服务园" }, first: 1) {
        nodes {
          name
          incubationProgrammes { nodes { cohorts { nodes { name members(first: 20) { totalCount nodes {
            status supports
            organization { name people(first: 5) { nodes { role person { name } } } grantsReceived(first: 5) { nodes { title } } }
          } } } } } }
        }
      }
    }`);
    const [park] = data.organizations.nodes;
    const [cohort] = park.incubationProgrammes.nodes[0].cohorts.nodes;
    expect(cohort.name).toBe('First cohort (第一期)');
    expect(cohort.members.totalCount).toBe(15);
    const legalAid = cohort.members.nodes.find((m) => m.organization.name === 'Chengdu Community Legal Service Center')!;
    expect(legalAid.status).toBe('ACTIVE');
    expect(legalAid.organization.people.nodes.map((a) => a.role)).toContain('FOUNDER');
    expect(legalAid.organization.grantsReceived.nodes.length).toBeGreaterThan(0);
  });

  it("tells an organization's incubation history, with its incubator's advisory committee from the people subgraph", async () => {
    const data = await ok<{
      organizations: {
        nodes: {
          incubationHistory: {
            nodes: {
              status: string;
              startedOn: string;
              cohort: { year: number; programme: { incubator: { name: string; people: { nodes: { role: string }[] } } } };
            }[];
          };
        }[];
      };
    }>(`{
      organizations(filter: { search: "Migrant Children Learning" }) {
        nodes { incubationHistory { nodes { status startedOn cohort { year programme { incubator { name people(first: 20, role: ADVISOR) { nodes { role } } } } } } } }
      }
    }`);
    const [history] = data.organizations.nodes[0].incubationHistory.nodes;
    expect(history).toMatchObject({
      status: 'ACTIVE',
      startedOn: '2012-01-01',
      cohort: { year: 2012, programme: { incubator: { name: 'Chengdu NGO Service Park' } } },
    });
    expect(history.cohort.programme.incubator.people.nodes.length).toBeGreaterThanOrEqual(3);
  });

  it('runs a cohort through the gateway and refuses graduating an organization that was never admitted, with a coded CONFLICT', async () => {
    const name = `E2E Incubator ${suffix()}`;
    const [incubator, member, stranger] = await mutateAll<{ organization: { id: string } }>(
      'createOrganization',
      'CreateOrganizationInput',
      'organization { id }',
      [
        { name, kind: 'INCUBATOR', city: 'Shenzhen' },
        { name: `E2E Member ${suffix()}`, kind: 'NGO', city: 'Shenzhen' },
        { name: `E2E Stranger ${suffix()}`, kind: 'NGO', city: 'Shenzhen' },
      ],
    );
    const { createIncubationProgramme } = await ok<{ createIncubationProgramme: { programme: { id: string; city: string } } }>(
      `mutation($input: CreateIncubationProgrammeInput!) { createIncubationProgramme(input: $input) { programme { id city } } }`,
      { input: { incubatorId: incubator.organization.id, name: `${name} programme` } },
    );
    expect(createIncubationProgramme.programme.city).toBe('Shenzhen');
    const { createIncubationCohort } = await ok<{ createIncubationCohort: { cohort: { id: string } } }>(
      `mutation($input: CreateIncubationCohortInput!) { createIncubationCohort(input: $input) { cohort { id } } }`,
      { input: { programmeId: createIncubationProgramme.programme.id, name: '2022', startsOn: '2022-01-01', endsOn: '2022-12-31' } },
    );
    const cohortId = createIncubationCohort.cohort.id;
    const organizationId = member.organization.id;
    await ok(`mutation($input: ApplyForIncubationInput!) { applyForIncubation(input: $input) { membership { status } } }`, {
      input: { cohortId, organizationId, appliedOn: '2021-11-01' },
    });
    await ok(`mutation($input: AdmitToIncubationInput!) { admitToIncubation(input: $input) { membership { status } } }`, {
      input: { cohortId, organizationId, startedOn: '2022-01-01', supports: ['DESK'] },
    });
    const graduated = await ok<{ graduateFromIncubation: { membership: { status: string; endedOn: string; organization: { name: string } } } }>(
      `mutation($input: GraduateFromIncubationInput!) { graduateFromIncubation(input: $input) { membership { status endedOn organization { name } } } }`,
      { input: { cohortId, organizationId, endedOn: '2022-12-31' } },
    );
    expect(graduated.graduateFromIncubation.membership).toMatchObject({ status: 'GRADUATED', endedOn: '2022-12-31' });

    const refused = await gql(`mutation($input: GraduateFromIncubationInput!) { graduateFromIncubation(input: $input) { membership { status } } }`, {
      input: { cohortId, organizationId: stranger.organization.id },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'organizationId' });
    expect(refused.errors?.[0].message).toMatch(/was never admitted/);
  });

  it('lists programmes with cohorts with members and their people at the same SQL cost for 2 and for 20 programmes, in every subgraph', async () => {
    async function build(count: number): Promise<string> {
      const prefix = `E2E Sqlcount ${suffix()}`;
      const incubators = await mutateAll<{ organization: { id: string } }>(
        'createOrganization',
        'CreateOrganizationInput',
        'organization { id }',
        Array.from({ length: count }, (_, i) => ({ name: `${prefix} incubator ${i}`, kind: 'INCUBATOR' })),
      );
      const programmes = await mutateAll<{ programme: { id: string } }>(
        'createIncubationProgramme',
        'CreateIncubationProgrammeInput',
        'programme { id }',
        incubators.map((i, n) => ({ incubatorId: i.organization.id, name: `${prefix} programme ${n}` })),
      );
      const cohorts = await mutateAll<{ cohort: { id: string } }>(
        'createIncubationCohort',
        'CreateIncubationCohortInput',
        'cohort { id }',
        programmes.map((p) => ({ programmeId: p.programme.id, name: 'A', startsOn: '2021-01-01' })),
      );
      const members = await mutateAll<{ organization: { id: string } }>(
        'createOrganization',
        'CreateOrganizationInput',
        'organization { id }',
        cohorts.flatMap((_, n) => [0, 1].map((m) => ({ name: `${prefix} member ${n}-${m}`, kind: 'NGO' }))),
      );
      await mutateAll(
        'admitToIncubation',
        'AdmitToIncubationInput',
        'membership { id }',
        members.map((m, n) => ({ cohortId: cohorts[Math.floor(n / 2)].cohort.id, organizationId: m.organization.id, startedOn: '2021-02-01' })),
      );
      return prefix;
    }
    const query = `query($search: String!) {
      incubationProgrammes(filter: { search: $search }, first: 50) {
        nodes { name incubator { name grantsMade(first: 3) { totalCount } } cohorts { nodes { name members { nodes { status organization { name people(first: 3) { totalCount } coursesOffered(first: 3) { totalCount } } } } } } }
      }
    }`;
    const costs = [];
    for (const [count, prefix] of [
      [2, await build(2)],
      [20, await build(20)],
    ] as const) {
      costs.push(
        await countSql(async () => {
          const data = await ok<{ incubationProgrammes: { nodes: { cohorts: { nodes: { members: { nodes: unknown[] } }[] } }[] } }>(query, { search: prefix });
          expect(data.incubationProgrammes.nodes).toHaveLength(count);
          for (const programme of data.incubationProgrammes.nodes) expect(programme.cohorts.nodes[0].members.nodes).toHaveLength(2);
        }),
      );
    }
    expect(costs[1]).toEqual(costs[0]);
  });

  it("shows relations from both ends through the gateway, with the related organization's grants", async () => {
    const data = await ok<{
      organizations: { nodes: { relations: { edges: { direction: string; node: { kind: string }; relatedOrganization: { name: string } }[] } }[] };
    }>(`{
      organizations(filter: { search: "成都公益组织服务园" }) {
        nodes { relations { edges { direction node { kind } relatedOrganization { name grantsReceived(first: 1) { totalCount } } } } }
      }
    }`);
    const edges = data.organizations.nodes[0].relations.edges.map((e) => [e.direction, e.node.kind, e.relatedOrganization.name]);
    expect(edges).toEqual(
      expect.arrayContaining([
        ['OUTGOING', 'CO_ORGANIZER', 'Southwestern University of Finance and Economics'],
        ['OUTGOING', 'CO_ORGANIZER', "Shuangliu County Disabled Persons' Federation"],
      ]),
    );
  });

  it('shows the registration history an update writes, through the gateway', async () => {
    const { createOrganization } = await ok<{ createOrganization: { organization: { id: string } } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: `E2E Registering ${suffix()}`, kind: 'NGO' } },
    );
    const id = createOrganization.organization.id;
    await ok(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { registration: { status: FILED_ON_RECORD, authority: "Futian District Civil Affairs Bureau" } }) { organization { id } } }`,
      { id },
    );
    const back = await gql(`mutation($id: ID!) { updateOrganization(id: $id, input: { registration: { status: UNREGISTERED } }) { organization { id } } }`, {
      id,
    });
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'registration.changeReason' });
    const data = await ok<{ organization: { registrationHistory: { nodes: { previousStatus: string | null; status: string }[] } } }>(
      `query($id: ID!) { organization(id: $id) { registrationHistory { nodes { previousStatus status } } } }`,
      { id },
    );
    expect(data.organization.registrationHistory.nodes).toEqual([
      { previousStatus: null, status: 'UNREGISTERED' },
      { previousStatus: 'UNREGISTERED', status: 'FILED_ON_RECORD' },
    ]);
  });
});
