import { countSql, gql } from './setup/hub';

const CITY = 'Sqlcount City';
const ORGANIZATIONS = 50;

/** Runs one mutation per item in a single request, with aliases; returns the results in order. */
async function mutateAll<T>(field: string, inputType: string, selection: string, inputs: Record<string, unknown>[]): Promise<T[]> {
  const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]));
  const declarations = inputs.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
  const fields = inputs.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
  const { data, errors } = await gql<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables);
  expect(errors).toBeUndefined();
  return inputs.map((_, i) => data![`m${i}`]);
}

/** A city with 50 organizations, each with a person, a grant received, a course offered and an enrollment. */
async function buildCity(): Promise<void> {
  const organizations = await mutateAll<{ organization: { id: string } }>(
    'createOrganization',
    'CreateOrganizationInput',
    'organization { id }',
    Array.from({ length: ORGANIZATIONS }, (_, i) => ({ name: `Sqlcount NGO ${String(i).padStart(2, '0')}`, nameZh: `计数机构${i}`, kind: 'NGO', city: CITY })),
  );
  const ids = organizations.map((o) => o.organization.id);
  const people = await mutateAll<{ person: { id: string } }>(
    'createPerson',
    'CreatePersonInput',
    'person { id }',
    ids.map((_, i) => ({ name: `Sqlcount Person ${i}`, city: CITY })),
  );
  await mutateAll('addAffiliation', 'AddAffiliationInput', 'affiliation { id }', ids.map((organizationId, i) => ({ personId: people[i].person.id, organizationId, role: 'STAFF' })));
  await mutateAll(
    'awardGrant',
    'AwardGrantInput',
    'grant { id }',
    ids.map((recipientOrganizationId, i) => ({
      title: `Sqlcount grant ${i}`,
      amountAwarded: { amount: `${1000 + i}.25`, currency: 'CNY' },
      recipientOrganizationId,
      fundingOrganizationId: ids[(i + 1) % ids.length],
      awardDate: '2024-03-01',
    })),
  );
  const courses = await mutateAll<{ course: { id: string } }>(
    'createCourse',
    'CreateCourseInput',
    'course { id }',
    ids.map((organizationId, i) => ({ title: `Sqlcount course ${i}`, kind: 'WORKSHOP', offeredByIds: [organizationId], startsOn: '2030-01-01', endsOn: '2030-01-02', capacity: 10 })),
  );
  await mutateAll('enrollPerson', 'EnrollPersonInput', 'enrollment { id }', courses.map((c, i) => ({ courseId: c.course.id, personId: people[i].person.id })));
}

const DASHBOARD = `
  query Dashboard($city: String!, $first: Int!) {
    organizations(filter: { city: $city }, first: $first) {
      nodes {
        name
        people(first: 10) { nodes { role person { name enrollments(first: 5) { nodes { status course { title } } } } } }
        grantsReceived(first: 10) { nodes { title amountAwarded { amount currency } funder { name } } }
        totalReceived { amount currency }
        coursesOffered(first: 10) { nodes { title enrolledCount offeredBy { name } enrollments(first: 10) { nodes { status person { name } } } } }
      }
    }
  }`;

describe('SQL statements per request do not grow with the number of organizations', () => {
  beforeAll(buildCity, 120_000);

  it('lists 5, 20 and 50 organizations with people, grants and courses at the same cost per subgraph', async () => {
    const costs: Record<number, Record<string, number>> = {};
    for (const first of [5, 20, 50]) {
      let nodes = 0;
      costs[first] = await countSql(async () => {
        const { data, errors } = await gql<{ organizations: { nodes: { people: { nodes: unknown[] }; grantsReceived: { nodes: unknown[] }; coursesOffered: { nodes: unknown[] } }[] } }>(DASHBOARD, { city: CITY, first });
        expect(errors).toBeUndefined();
        nodes = data!.organizations.nodes.length;
        for (const organization of data!.organizations.nodes) {
          expect(organization.people.nodes).toHaveLength(1);
          expect(organization.grantsReceived.nodes).toHaveLength(1);
          expect(organization.coursesOffered.nodes).toHaveLength(1);
        }
      });
      expect(nodes).toBe(first);
    }
    expect(costs[20]).toEqual(costs[5]);
    expect(costs[50]).toEqual(costs[5]);
    // bounded, small numbers: a handful of statements per subgraph for the whole dashboard
    for (const count of Object.values(costs[50])) expect(count).toBeLessThanOrEqual(12);
  });
});
