import { countSql, gql } from './setup/hub';
import { adminHeaders, userHeaders } from './setup/identities';

/** Aliases per mutation request, under the gateway's alias limit. */
const CHUNK = 25;

/** Runs one mutation per item as a hub admin, a chunk of aliased mutations per request; returns the results in order. */
async function mutateAll<T>(field: string, inputType: string, selection: string, inputs: Record<string, unknown>[]): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = inputs.slice(start, start + CHUNK);
    const variables = Object.fromEntries(chunk.map((input, i) => [`i${i}`, input]));
    const declarations = chunk.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
    const fields = chunk.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
    const { data, errors } = await gql<Record<string, T>>(`mutation(${declarations}) { ${fields} }`, variables, adminHeaders());
    expect(errors).toBeUndefined();
    results.push(...chunk.map((_, i) => data![`m${i}`]));
  }
  return results;
}

/** Each person confirms the affiliation a hub admin proposed for them (only the person can), a chunk at a time. */
async function confirmAsEachPerson(pairs: { affiliationId: string; personId: string }[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    await Promise.all(
      pairs.slice(start, start + CHUNK).map(async ({ affiliationId, personId }) => {
        const { errors } = await gql(
          `mutation($id: ID!) { confirmAffiliation(id: $id) { affiliation { status } } }`,
          { id: affiliationId },
          await userHeaders(personId),
        );
        expect(errors).toBeUndefined();
      }),
    );
  }
}

const CITY = 'Sqlcount City';
const ORGANIZATIONS = 100;
const PEOPLE_PER_ORGANIZATION = 4;

/**
 * A city of 100 organizations whose lists hold several items and overlap, as the sector's do:
 * four people each (400: more than MikroORM puts in one multi-row INSERT, which is how the audit
 * trail of a hub admin's read once grew with the list), two grants received from different
 * funders, two courses offered (the second with the next organization, so courses appear under
 * two organizations), and each person enrolled in both courses of their organization.
 */
async function buildCity(): Promise<void> {
  const ids = (
    await mutateAll<{ organization: { id: string } }>(
      'createOrganization',
      'CreateOrganizationInput',
      'organization { id }',
      Array.from({ length: ORGANIZATIONS }, (_, i) => ({ name: `Sqlcount NGO ${String(i).padStart(3, '0')}`, kind: 'NGO', city: CITY })),
    )
  ).map((o) => o.organization.id);
  const memberOf = Array.from({ length: ORGANIZATIONS * PEOPLE_PER_ORGANIZATION }, (_, p) => Math.floor(p / PEOPLE_PER_ORGANIZATION));
  const people = (
    await mutateAll<{ person: { id: string } }>(
      'createPerson',
      'CreatePersonInput',
      'person { id }',
      memberOf.map((_, p) => ({ name: `Sqlcount Person ${p}`, city: CITY })),
    )
  ).map((p) => p.person.id);
  const affiliations = await mutateAll<{ affiliation: { id: string } }>(
    'addAffiliation',
    'AddAffiliationInput',
    'affiliation { id }',
    memberOf.map((o, p) => ({ personId: people[p], organizationId: ids[o], role: 'STAFF' })),
  );
  await confirmAsEachPerson(affiliations.map((a, p) => ({ affiliationId: a.affiliation.id, personId: people[p] })));
  await mutateAll(
    'awardGrant',
    'AwardGrantInput',
    'grant { id }',
    ids.flatMap((recipientOrganizationId, i) =>
      [1, 2].map((k) => ({
        title: `Sqlcount grant ${i}.${k}`,
        amountAwarded: { amount: `${1000 + i}.${k}0`, currency: 'CNY' },
        recipientOrganizationId,
        fundingOrganizationId: ids[(i + k) % ids.length],
        awardDate: '2024-03-01',
      })),
    ),
  );
  const courses = (
    await mutateAll<{ course: { id: string } }>(
      'createCourse',
      'CreateCourseInput',
      'course { id }',
      ids.flatMap((organizationId, i) => [
        { title: `Sqlcount course ${i}`, kind: 'WORKSHOP', offeredByIds: [organizationId], startsOn: '2030-01-01', endsOn: '2030-01-02', capacity: 10 },
        {
          title: `Sqlcount joint course ${i}`,
          kind: 'WORKSHOP',
          offeredByIds: [organizationId, ids[(i + 1) % ids.length]],
          startsOn: '2030-01-01',
          endsOn: '2030-01-02',
          capacity: 10,
        },
      ]),
    )
  ).map((c) => c.course.id);
  await mutateAll(
    'enrollPerson',
    'EnrollPersonInput',
    'enrollment { id }',
    people.flatMap((personId, p) => [0, 1].map((k) => ({ courseId: courses[2 * memberOf[p] + k], personId }))),
  );
}

/** Page sizes of the nested lists: `people`, their `enrollments`, `grantsReceived`, `coursesOffered`, their `enrollments`. */
interface NestedPages {
  people: number;
  personEnrollments: number;
  grants: number;
  courses: number;
  courseEnrollments: number;
}

/** The sector dashboard's own nested page sizes (bench/dashboard/dashboard-query.js). */
const DASHBOARD_PAGES: NestedPages = { people: 10, personEnrollments: 5, grants: 10, courses: 10, courseEnrollments: 10 };
/** Pages of one: one person, grant and course of each organization. */
const PAGES_OF_ONE: NestedPages = { people: 1, personEnrollments: 1, grants: 1, courses: 1, courseEnrollments: 1 };

/** The sector dashboard's fields of each organization, with the given nested page sizes. */
const fields = (pages: NestedPages) => `
  name
  people(first: ${pages.people}) { nodes { role person { name enrollments(first: ${pages.personEnrollments}) { nodes { status course { title } } } } } }
  grantsReceived(first: ${pages.grants}) { nodes { title amountAwarded { amount currency } funder { name } } }
  totalReceived { amount currency }
  coursesOffered(first: ${pages.courses}) { nodes { title enrolledCount offeredBy { name } enrollments(first: ${pages.courseEnrollments}) { nodes { status person { name } } } } }`;

/** The dashboard's organizations of a city, `first` per page, with the given nested page sizes. */
const dashboard = (pages: NestedPages) =>
  `query Dashboard($city: String!, $first: Int!) { organizations(filter: { city: $city }, first: $first) { nodes { ${fields(pages)} } } }`;

/** The same over two pages in one request: the gateway fetches both pages' entities of a subgraph in one request (merged-fetches.ts). */
const dashboardTwoPages = (pages: NestedPages) => `
  query DashboardTwoPages($city: String!, $first: Int!, $after: String!) {
    first: organizations(filter: { city: $city }, first: $first) { nodes { ${fields(pages)} } }
    second: organizations(filter: { city: $city }, first: $first, after: $after) { nodes { ${fields(pages)} } }
  }`;

/** How many people, grants and (at least) courses each organization must come with. */
interface PerOrganization {
  people: number;
  grants: number;
  courses: number;
}

type Dashboard = Record<string, { nodes: { people: { nodes: unknown[] }; grantsReceived: { nodes: unknown[] }; coursesOffered: { nodes: unknown[] } }[] }>;

/** SQL statements per subgraph for one request of a hub admin (enrollments are not public); checks every organization came with its people, grants and courses. */
async function costOf(query: string, variables: Record<string, unknown>, expected: number, perOrganization: PerOrganization): Promise<Record<string, number>> {
  let nodes = 0;
  const cost = await countSql(async () => {
    const { data, errors } = await gql<Dashboard>(query, variables, adminHeaders());
    expect(errors).toBeUndefined();
    for (const list of Object.values(data!)) {
      nodes += list.nodes.length;
      for (const organization of list.nodes) {
        expect(organization.people.nodes).toHaveLength(perOrganization.people);
        expect(organization.grantsReceived.nodes).toHaveLength(perOrganization.grants);
        expect(organization.coursesOffered.nodes.length).toBeGreaterThanOrEqual(perOrganization.courses);
      }
    }
  });
  expect(nodes).toBe(expected);
  return cost;
}

/**
 * Checks that listing 10, 50 and 100 organizations costs the same statements per subgraph, a
 * handful each, and two pages of 50 in one request one page's and the second page's list: the
 * gateway sends the entity fetches the two pages run side by side to a subgraph as one request,
 * whose loaders read both pages' ids in one statement (until 4 December 2026, each page's went
 * alone and two pages cost twice one).
 */
async function expectFlatCost(pages: NestedPages, perOrganization: PerOrganization): Promise<void> {
  const query = dashboard(pages);
  const costs: Record<number, Record<string, number>> = {};
  for (const first of [10, 50, 100]) costs[first] = await costOf(query, { city: CITY, first }, first, perOrganization);
  expect(costs[50]).toEqual(costs[10]);
  expect(costs[100]).toEqual(costs[10]);
  const { data } = await gql<{ organizations: { pageInfo: { endCursor: string } } }>(
    'query($city: String!) { organizations(filter: { city: $city }, first: 50) { pageInfo { endCursor } } }',
    { city: CITY },
    adminHeaders(),
  );
  const twoPages = await costOf(dashboardTwoPages(pages), { city: CITY, first: 50, after: data!.organizations.pageInfo.endCursor }, 100, perOrganization);
  expect(twoPages).toEqual({ ...costs[50], organizations: costs[50].organizations + 1 });
  for (const count of Object.values(costs[100])) expect(count).toBeLessThanOrEqual(12);
}

describe('SQL statements per request do not grow with the number of organizations', () => {
  beforeAll(buildCity, 600_000);

  it("lists 10, 50 and 100 organizations with a person, a grant and a course each (pages of one) at the same cost per subgraph, and two pages in one request at one page's and a list", async () => {
    await expectFlatCost(PAGES_OF_ONE, { people: 1, grants: 1, courses: 1 });
  });

  it("lists 10, 50 and 100 organizations at the dashboard's own nested page sizes, with several people, grants and courses each, at the same cost per subgraph, and two pages in one request at one page's and a list", async () => {
    await expectFlatCost(DASHBOARD_PAGES, { people: PEOPLE_PER_ORGANIZATION, grants: 2, courses: 2 });
  });
});
