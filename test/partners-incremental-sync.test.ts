import { Client } from 'pg';
import { countSql, gatewayUrl, gql, must } from './setup/hub';
import { userHeaders } from './setup/identities';

/**
 * A partner mirrors the directory through the gateway and keeps the mirror current by reading
 * only what changed: each list in `orderBy: UPDATED_AT` from the last `endCursor` it kept, then
 * the list's removals from the last removal cursor. Rows change through the API, two in the same
 * millisecond, one is deleted outside the API, a person makes their profile private and another
 * erases their account; the mirror converges to a fresh full read, and never sees erased data.
 */

interface ListSpec {
  /** The list field, its filter type and the removals field of its type. */
  field: string;
  filterType: string;
  removed: string;
  selection: string;
}

const LISTS: ListSpec[] = [
  { field: 'organizations', filterType: 'OrganizationFilter', removed: 'removedOrganizations', selection: 'id name city updatedAt' },
  { field: 'people', filterType: 'PersonFilter', removed: 'removedPeople', selection: 'id name city updatedAt' },
  { field: 'grants', filterType: 'GrantFilter', removed: 'removedGrants', selection: 'id title status updatedAt' },
  { field: 'courses', filterType: 'CourseFilter', removed: 'removedCourses', selection: 'id title city updatedAt' },
  { field: 'jobPostings', filterType: 'JobPostingFilter', removed: 'removedJobPostings', selection: 'id title city updatedAt' },
];

type Row = Record<string, unknown> & { id: string };
interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A partner's copy of the lists, with the cursors it resumes from. */
class Mirror {
  readonly rows = new Map<string, Map<string, Row>>(LISTS.map((list) => [list.field, new Map()]));
  private readonly cursors = new Map<string, string | null>();
  /** Nodes and removals read by the last sync, and every response's text. */
  read = 0;
  /** Nodes of the lists (not removals) read by the last sync. */
  changed = 0;
  responses: string[] = [];

  constructor(private readonly filter: Record<string, unknown>) {}

  async sync(pageSize: number): Promise<void> {
    this.read = 0;
    this.changed = 0;
    this.responses = [];
    for (const list of LISTS) {
      const changed = await this.follow<Row>(
        `query($filter: ${list.filterType}, $first: Int, $after: String) { list: ${list.field}(filter: $filter, orderBy: UPDATED_AT, first: $first, after: $after) { edges { cursor node { ${list.selection} } } pageInfo { hasNextPage endCursor } } }`,
        list.field,
        { filter: this.filter },
        pageSize,
      );
      for (const row of changed) this.rows.get(list.field)!.set(row.id, row);
      this.changed += changed.length;
      const removed = await this.follow<{ id: string; removedAt: string }>(
        `query($first: Int, $after: String) { list: ${list.removed}(first: $first, after: $after) { edges { cursor node { id removedAt } } pageInfo { hasNextPage endCursor } } }`,
        list.removed,
        {},
        100,
      );
      for (const removal of removed) this.rows.get(list.field)!.delete(removal.id);
    }
  }

  private async follow<T>(query: string, key: string, variables: Record<string, unknown>, first: number): Promise<T[]> {
    const nodes: T[] = [];
    for (;;) {
      const response = await gql<{ list: Page<T> }>(query, { ...variables, first, after: this.cursors.get(key) ?? null });
      expect(response.errors).toBeUndefined();
      this.responses.push(JSON.stringify(response.data));
      const page = response.data!.list;
      nodes.push(...page.edges.map((edge) => edge.node));
      this.read += page.edges.length;
      if (page.pageInfo.endCursor) this.cursors.set(key, page.pageInfo.endCursor);
      if (!page.pageInfo.hasNextPage) return nodes;
    }
  }
}

/** What a full read of every list gives now, in the mirror's shape. */
async function fullRead(filter: Record<string, unknown>): Promise<Map<string, Map<string, Row>>> {
  const lists = new Map<string, Map<string, Row>>();
  for (const list of LISTS) {
    const rows = new Map<string, Row>();
    let after: string | null = null;
    for (;;) {
      const data: { list: Page<Row> } = await must(
        `query($filter: ${list.filterType}, $after: String) { list: ${list.field}(filter: $filter, first: 100, after: $after) { edges { cursor node { ${list.selection} } } pageInfo { hasNextPage endCursor } } }`,
        { filter, after },
        {},
      );
      for (const edge of data.list.edges) rows.set(edge.node.id, edge.node);
      if (!data.list.pageInfo.hasNextPage) break;
      after = data.list.pageInfo.endCursor;
    }
    lists.set(list.field, rows);
  }
  return lists;
}

const plain = (lists: Map<string, Map<string, Row>>) =>
  Object.fromEntries([...lists].map(([field, rows]) => [field, Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b)))]));

/** Syncs until the mirror equals a full read (a writer still running elsewhere holds changes back a moment); returns the nodes read. */
async function converge(mirror: Mirror, filter: Record<string, unknown>, pageSize: number): Promise<{ read: number; changed: number; responses: string[] }> {
  let read = 0;
  let changed = 0;
  const responses: string[] = [];
  for (const started = Date.now(); ;) {
    await mirror.sync(pageSize);
    read += mirror.read;
    changed += mirror.changed;
    responses.push(...mirror.responses);
    const truth = plain(await fullRead(filter));
    if (JSON.stringify(plain(mirror.rows)) === JSON.stringify(truth) || Date.now() - started > 10_000) {
      expect(plain(mirror.rows)).toEqual(truth);
      return { read, changed, responses };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('partners: incremental sync through the gateway', () => {
  const tag = `sync${Math.random().toString(36).slice(2, 8)}`;
  const filter = { search: tag };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  let sql: Client;
  const ids = { organizations: [] as string[], people: [] as string[], grant: '', course: '', postings: [] as string[] };

  beforeAll(async () => {
    sql = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
    for (const n of [1, 2, 3, 4]) {
      const created = await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Chengdu" }) { organization { id } } }`,
        { name: `Org ${n} ${tag}` },
      );
      ids.organizations.push(created.createOrganization.organization.id);
    }
    for (const n of [1, 2, 3]) {
      const created = await must<{ createPerson: { person: { id: string } } }>(
        `mutation($name: String!) { createPerson(input: { name: $name, city: "Chengdu" }) { person { id } } }`,
        { name: `Person ${n} ${tag}` },
      );
      ids.people.push(created.createPerson.person.id);
    }
    ids.grant = (
      await must<{ awardGrant: { grant: { id: string } } }>(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
        input: {
          title: `Grant ${tag}`,
          amountAwarded: { amount: '50000.00', currency: 'CNY' },
          awardDate: day(-30),
          fundingOrganizationId: ids.organizations[0],
          recipientOrganizationId: ids.organizations[1],
        },
      })
    ).awardGrant.grant.id;
    ids.course = (
      await must<{ createCourse: { course: { id: string } } }>(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`, {
        input: { title: `Course ${tag}`, kind: 'WORKSHOP', startsOn: day(10), endsOn: day(11), offeredByIds: [ids.organizations[0]] },
      })
    ).createCourse.course.id;
    for (const n of [1, 2]) {
      const posted = await must<{ postJob: { jobPosting: { id: string } } }>(
        `mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id } } }`,
        {
          input: { organizationId: ids.organizations[0], title: `Posting ${n} ${tag}`, kind: 'FULL_TIME', city: 'Chengdu' },
        },
      );
      ids.postings.push(posted.postJob.jobPosting.id);
    }
  });
  afterAll(() => sql.end());

  it('converges on every change — same millisecond, deletion, private profile, erasure — reading only the changes', async () => {
    const mirror = new Mirror(filter);
    const initial = await converge(mirror, filter, 2);
    // (removals of other tests' records are read too: the removal lists are not filtered)
    expect(initial.changed).toBe(4 + 3 + 1 + 1 + 2);
    // nothing changed here: nothing of the lists to read
    await mirror.sync(2);
    expect(mirror.changed).toBe(0);

    // through the API
    await must(`mutation($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name, city: "Shanghai" }) { organization { id } } }`, {
      id: ids.organizations[3],
      name: `Org 4 ${tag} moved`,
    });
    await must(`mutation($id: ID!) { updatePerson(id: $id, input: { city: "Beijing" }) { person { id } } }`, { id: ids.people[0] });
    await must(`mutation($id: ID!) { changeGrantStatus(input: { grantId: $id, status: ACTIVE }) { grant { id } } }`, { id: ids.grant });
    await must(`mutation($id: ID!) { updateCourse(id: $id, input: { city: "Chengdu" }) { course { id } } }`, { id: ids.course });
    await must(`mutation($id: ID!) { updateJobPosting(input: { id: $id, city: "Mianyang" }) { jobPosting { id } } }`, { id: ids.postings[0] });
    // two organizations in one statement, as a bulk update stamps them: repeated until both got the same millisecond
    let tied = false;
    for (let attempt = 0; attempt < 20 && !tied; attempt += 1) {
      const { rows } = await sql.query<{ updated_at: Date }>(`update organizations.organization set description = $2 where id = any($1) returning updated_at`, [
        ids.organizations.slice(0, 2),
        `Bulk edit ${attempt}`,
      ]);
      tied = rows[0].updated_at.getTime() === rows[1].updated_at.getTime();
    }
    expect(tied).toBe(true);
    // deleted outside the API (an operator, a seed clean-up): the database records it
    await sql.query('delete from people.job_posting where id = $1', [ids.postings[1]]);
    // a profile made private leaves the directory
    await must(`mutation($id: ID!) { updatePerson(id: $id, input: { visibility: PRIVATE }) { person { id } } }`, { id: ids.people[1] });
    // an erased account
    const erased = await gql<{ deleteMyAccount: { complete: boolean } }>(
      `mutation { deleteMyAccount(keepCertificatesVerifiable: false) { complete } }`,
      {},
      await userHeaders(ids.people[2]),
    );
    expect(erased.errors).toBeUndefined();

    // page size 1: a cursor falls between the two rows of the same millisecond
    const changes = await converge(mirror, filter, 1);
    // 1 + 2 bulk organizations, 1 person, 1 grant, 1 course, 1 posting; 1 removed posting, 2 removed people
    const changedRows = 3 + 1 + 1 + 1 + 1;
    expect(changes.changed).toBe(changedRows);
    const mine = new Set([...ids.organizations, ...ids.people, ids.grant, ids.course, ...ids.postings]);
    const readOfMine = changes.responses.flatMap((text) => [...text.matchAll(/"id":"([0-9a-f-]{36})"/g)].map((match) => match[1])).filter((id) => mine.has(id));
    expect(readOfMine.length).toBe(changedRows + 3);
    expect(mirror.rows.get('people')!.has(ids.people[1])).toBe(false);
    expect(mirror.rows.get('people')!.has(ids.people[2])).toBe(false);
    expect(mirror.rows.get('jobPostings')!.has(ids.postings[1])).toBe(false);
    // the erased person's removal says when, nothing of what was erased
    expect(changes.responses.join('\n')).not.toContain(`Person 3 ${tag}`);
    const removals = await must<{ removedPeople: { nodes: Record<string, unknown>[] } }>(`{ removedPeople(first: 100) { nodes { id removedAt } } }`, {}, {});
    expect(removals.removedPeople.nodes.filter((node) => node.id === ids.people[2])).toEqual([
      { id: ids.people[2], removedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    ]);
  });

  it('serves a page of changes in two statements of the subgraph (the horizon, the page), whatever its size', async () => {
    const query = `query($first: Int) { organizations(orderBy: UPDATED_AT, first: $first) { nodes { id name updatedAt } } }`;
    const one = await countSql(() => must(query, { first: 1 }, {}));
    const many = await countSql(() => must(query, { first: 100 }, {}));
    expect(one.organizations).toBe(2);
    expect(many.organizations).toBe(2);
    // a document of its own: the gateway's response cache answers a repeated public read without SQL
    const removals = await countSql(() => must(`query CountedRemovals { removedPeople(first: 100) { nodes { id removedAt } } }`, {}, {}));
    expect(removals.people).toBe(2);
  });

  it('takes updatedSince in a CSV download as in the list', async () => {
    const csvTag = `csv${tag}`;
    const create = (name: string) =>
      must<{ createOrganization: { organization: { id: string; updatedAt: string } } }>(
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO }) { organization { id updatedAt } } }`,
        { name },
      ).then((data) => data.createOrganization.organization);
    await create(`Before ${csvTag}`);
    const later = await create(`After ${csvTag}`);
    const response = await fetch(
      gatewayUrl().replace(/\/graphql$/, `/export/organizations.csv?search=${csvTag}&updatedSince=${encodeURIComponent(later.updatedAt)}`),
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(later.id);
  });

  it('answers a bad sync argument with BAD_USER_INPUT', async () => {
    const badTime = await gql(`{ organizations(filter: { updatedSince: "yesterday" }) { nodes { id } } }`);
    expect(badTime.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await gql(`{ removedOrganizations(after: "not-a-cursor") { nodes { id } } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badOrder = await gql(`{ grants(orderBy: NEWEST) { nodes { id } } }`);
    expect(badOrder.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });
});
