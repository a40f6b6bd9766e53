import { countSql, gql, must } from './setup/hub';
import { adminHeaders, apiKeyHeaders, userHeaders } from './setup/identities';

/**
 * The audit log through the gateway: reads and changes of personal data in any subgraph are
 * recorded with who, what and when (one row per request and person), refused attempts too; the
 * person sees the accesses to their own data, hub admins everyone's, nobody else anything.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    nodes { id at subgraph action outcome fields requestId subject { id } actor { kind apiKeyId person { id } organizations { id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface Entry {
  id: string;
  at: string;
  subgraph: string;
  action: 'READ' | 'WRITE';
  outcome: 'ALLOWED' | 'DENIED' | 'FAILED';
  fields: string[];
  requestId: string;
  subject: { id: string } | null;
  actor: { kind: string; apiKeyId: string | null; person: { id: string } | null; organizations: { id: string }[] };
}
interface AuditPage {
  auditLog: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
}

async function createPerson(name: string): Promise<string> {
  return (
    await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
      input: { name, email: `${name.replace(/\W/g, '').toLowerCase()}@example.org`, phone: '+86 28 8765 4321', visibility: 'PARTNERS' },
    })
  ).createPerson.person.id;
}

describe('trust: the audit log of personal data', () => {
  const tag = Math.random().toString(36).slice(2, 8);
  let subject: string;
  let subjectHeaders: Record<string, string>;
  let member: string;
  let memberHeaders: Record<string, string>;
  let stranger: string;
  let strangerHeaders: Record<string, string>;
  let organization: string;
  let apiKey: { id: string; key: string };
  let enrollment: string;

  beforeAll(async () => {
    subject = await createPerson(`Audit Subject ${tag}`);
    member = await createPerson(`Audit Member ${tag}`);
    stranger = await createPerson(`Audit Stranger ${tag}`);
    [subjectHeaders, memberHeaders, strangerHeaders] = await Promise.all([userHeaders(subject), userHeaders(member), userHeaders(stranger)]);
    // the member creates an organization (and becomes its ADMIN); the subject applies to its posting
    organization = (
      await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Chengdu" }) { organization { id } } }`,
        { name: `Audit Org ${tag}` },
        memberHeaders,
      )
    ).createOrganization.organization.id;
    // created through this gateway: the ADMIN right applies to the creator's very next request
    const created = await must<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
      { input: { organizationId: organization, name: `Audit key ${tag}` } },
      memberHeaders,
    );
    apiKey = { id: created.createApiKey.apiKey.id, key: created.createApiKey.key };
    const posting = (
      await must<{ postJob: { jobPosting: { id: string } } }>(`mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id } } }`, {
        input: { organizationId: organization, title: `Audit case worker ${tag}`, kind: 'FULL_TIME', city: 'Chengdu' },
      })
    ).postJob.jobPosting.id;
    await must(
      `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id } } }`,
      { input: { postingId: posting, personId: subject, coverNote: 'Audit me.' } },
      subjectHeaders,
    );
    const course = (
      await must<{ createCourse: { course: { id: string } } }>(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`, {
        input: { title: `Audit course ${tag}`, kind: 'WORKSHOP', startsOn: day(1), endsOn: day(2), offeredByIds: [organization] },
      })
    ).createCourse.course.id;
    enrollment = (
      await must<{ enrollPerson: { enrollment: { id: string } } }>(
        `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
        { input: { courseId: course, personId: subject } },
        subjectHeaders,
      )
    ).enrollPerson.enrollment.id;
  });

  const logOf = async (filter: Record<string, unknown>, headers = adminHeaders(), first = 100) =>
    (await must<AuditPage>(AUDIT_LOG, { filter, first }, headers)).auditLog.nodes;

  it("records a related member's read of contact details: who, whose, which fields, where — one row for the request", async () => {
    const read = await gql<{ person: { email: string; phone: string } }>(`query($id: ID!) { person(id: $id) { email phone } }`, { id: subject }, memberHeaders);
    expect(read.errors).toBeUndefined();
    expect(read.data!.person.email).toContain('@example.org');
    const entries = await logOf({ subject, actor: member });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      subgraph: 'people',
      action: 'READ',
      outcome: 'ALLOWED',
      fields: ['Person.email', 'Person.phone'],
      subject: { id: subject },
      actor: { kind: 'PERSON', apiKeyId: null, person: { id: member }, organizations: [{ id: organization }] },
    });
    expect(Date.now() - Date.parse(entries[0]!.at)).toBeLessThan(60_000);
  });

  it("records an organization's API key by key, and a refused attempt as DENIED", async () => {
    expect((await gql(`query($id: ID!) { person(id: $id) { email } }`, { id: subject }, apiKeyHeaders(apiKey.key))).errors).toBeUndefined();
    const refused = await gql(`query($id: ID!) { person(id: $id) { phone } }`, { id: subject }, strangerHeaders);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entries = await logOf({ subject });
    expect(entries.find((e) => e.actor.apiKeyId === apiKey.id)).toMatchObject({
      action: 'READ',
      outcome: 'ALLOWED',
      fields: ['Person.email'],
      actor: { kind: 'API_KEY', organizations: [{ id: organization }] },
    });
    expect(entries.find((e) => e.actor.person?.id === stranger)).toMatchObject({ action: 'READ', outcome: 'DENIED', fields: ['Person.phone'] });
  });

  it("records a hub admin's read in another subgraph (training), and the person's own change, but not the person reading their own data", async () => {
    expect((await gql(`query($id: ID!) { enrollment(id: $id) { person { id } } }`, { id: enrollment }, adminHeaders())).errors).toBeUndefined();
    expect(
      (await gql(`query($id: ID!) { person(id: $id) { email phone applications { nodes { id } } } }`, { id: subject }, subjectHeaders)).errors,
    ).toBeUndefined();
    expect(
      (await gql(`mutation($id: ID!) { updatePerson(id: $id, input: { phone: "+86 28 0000 0000" }) { person { id } } }`, { id: subject }, subjectHeaders))
        .errors,
    ).toBeUndefined();
    const entries = await logOf({ subject });
    expect(entries.find((e) => e.subgraph === 'training')).toMatchObject({
      action: 'READ',
      outcome: 'ALLOWED',
      fields: expect.arrayContaining(['Enrollment.person', 'Query.enrollment']),
      actor: { kind: 'HUB_ADMIN' },
    });
    expect(entries.find((e) => e.action === 'WRITE')).toMatchObject({
      subgraph: 'people',
      outcome: 'ALLOWED',
      fields: ['Mutation.updatePerson'],
      actor: { kind: 'PERSON', person: { id: subject } },
    });
    expect(entries.filter((e) => e.action === 'READ' && e.actor.person?.id === subject)).toEqual([]);
  });

  it('shows the person the accesses to their own data, newest first, in pages that neither repeat nor skip', async () => {
    const all = await logOf({}, subjectHeaders);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all.every((e) => e.subject?.id === subject)).toBe(true);
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: AuditPage = await must<AuditPage>(AUDIT_LOG, { filter: {}, first: 2, after }, subjectHeaders);
      expect(page.auditLog.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.auditLog.nodes.map((e) => e.id));
      after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    expect(seen).toEqual(all.map((e) => e.id));
    const exported = await must<{ myData: { accessLog: { id: string }[] } }>(`{ myData { accessLog { id } } }`, {}, subjectHeaders);
    expect(exported.myData.accessLog.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('filters by action and time', async () => {
    const writes = await logOf({ subject, action: 'WRITE' });
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes.every((e) => e.action === 'WRITE')).toBe(true);
    expect(await logOf({ subject, since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
  });

  it("refuses another person's log to anyone but them and hub admins, and says what is wrong with bad input", async () => {
    expect((await gql(AUDIT_LOG, { filter: { subject } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(AUDIT_LOG, { filter: { subject } }, strangerHeaders)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(AUDIT_LOG, { filter: { subject } }, memberHeaders)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // an API key is no person: it has no own log to default to
    expect((await gql(AUDIT_LOG, {}, apiKeyHeaders(apiKey.key))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badCursor = await gql(AUDIT_LOG, { filter: {}, after: 'nonsense' }, subjectHeaders);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await gql(AUDIT_LOG, { filter: { subject: 'not-a-uuid' } }, adminHeaders());
    expect(badId.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await gql(AUDIT_LOG, { first: 500 }, subjectHeaders)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('writes one statement per request whatever the number of people read', async () => {
    const bulk = `Audit Bulk ${tag}`;
    const people = await Promise.all([1, 2, 3, 4, 5].map((n) => createPerson(`${bulk} ${n}`)));
    const read = `query($search: String!) { people(filter: { search: $search }, first: 10) { nodes { id email } } }`;
    let found = 0;
    const one = await countSql(async () => (found = (await must<{ people: { nodes: unknown[] } }>(read, { search: `${bulk} 1` })).people.nodes.length));
    expect(found).toBe(1);
    const five = await countSql(async () => (found = (await must<{ people: { nodes: unknown[] } }>(read, { search: bulk })).people.nodes.length));
    expect(found).toBe(5);
    expect(five.people).toBe(one.people);
    const rows = await Promise.all(people.map(async (p) => (await logOf({ subject: p, action: 'READ' })).length));
    expect(rows).toEqual([2, 1, 1, 1, 1]);
  });

  it('records reads of a profile shown to partners only, not of a public one', async () => {
    const bio = async (id: string) =>
      (await must<{ person: { bio: string | null } }>(`query($id: ID!) { person(id: $id) { bio } }`, { id }, memberHeaders)).person.bio;
    const shared = await createPerson(`Audit Partners ${tag}`);
    const open = (
      await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: { name: `Audit Public ${tag}`, bio: 'Public bio', visibility: 'PUBLIC' },
      })
    ).createPerson.person.id;
    await must(`mutation($id: ID!) { updatePerson(id: $id, input: { bio: "Partners bio" }) { person { id } } }`, { id: shared });
    expect(await bio(shared)).toBe('Partners bio');
    expect(await bio(open)).toBe('Public bio');
    expect((await logOf({ subject: shared, action: 'READ' })).map((e) => e.fields)).toEqual([['Person.bio']]);
    expect(await logOf({ subject: open, action: 'READ' })).toEqual([]);
  });
});
