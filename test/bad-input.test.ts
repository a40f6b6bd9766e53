import { Client } from 'pg';
import { adminGql as gql, gatewayUrl, gql as gqlAs, must } from './setup/hub';
import { adminHeaders, userHeaders } from './setup/identities';

const COUNTS = `{ organizations { totalCount } grants { totalCount } }`;

async function counts() {
  const { data } = await gql<{ organizations: { totalCount: number }; grants: { totalCount: number } }>(COUNTS);
  return data!;
}

/** Nothing in a response may look like a stack trace or SQL. */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\bselect\b.*\bfrom\b|\binsert into\b/i);
}

async function someOrganizationId(): Promise<string> {
  const { data } = await gql<{ organizations: { nodes: { id: string }[] } }>(`{ organizations(first: 1) { nodes { id } } }`);
  return data!.organizations.nodes[0].id;
}

describe('bad input gets a clear, coded GraphQL error and writes nothing', () => {
  it('refuses an invalid credit code, naming the check character', async () => {
    const before = await counts();
    const response = await gql(
      `mutation { createOrganization(input: { name: "Bad Code NGO", kind: NGO, registration: { status: REGISTERED, creditCode: "91310115MA1K3YJ12X" } }) { organization { id } } }`,
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'registration.creditCode' } });
    expect(response.errors?.[0].message).toMatch(/check character .* should be G/);
    expectNoInternals(response);
    expect(await counts()).toEqual(before);
  });

  it('refuses a grant to an organization that does not exist', async () => {
    const before = await counts();
    const funder = await someOrganizationId();
    const response = await gql(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
      input: {
        title: 'Grant to nobody',
        amountAwarded: { amount: '1000.00', currency: 'CNY' },
        fundingOrganizationId: funder,
        recipientOrganizationId: '00000000-0000-4000-8000-000000000000',
        awardDate: '2024-01-01',
      },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.errors?.[0].message).toContain('00000000-0000-4000-8000-000000000000');
    expectNoInternals(response);
    expect(await counts()).toEqual(before);
  });

  it('refuses a negative amount', async () => {
    const before = await counts();
    const id = await someOrganizationId();
    const response = await gql(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
      input: {
        title: 'Negative',
        amountAwarded: { amount: '-5.00', currency: 'CNY' },
        fundingOrganizationId: id,
        recipientOrganizationId: id,
        awardDate: '2024-01-01',
      },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountAwarded.amount' });
    expect(response.errors?.[0].message).toMatch(/negative/);
    expectNoInternals(response);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown enum value, in the query and in variables', async () => {
    const inline = await gql(`mutation { createOrganization(input: { name: "X", kind: SPACESHIP }) { organization { id } } }`);
    expect(inline.status).toBe(400);
    expect(inline.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.errors?.[0].message).toMatch(/SPACESHIP/);
    const variables = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`, {
      input: { name: 'X', kind: 'SPACESHIP' },
    });
    expect(variables.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(variables.errors?.[0].message).toMatch(/SPACESHIP/);
    expectNoInternals(inline);
    expectNoInternals(variables);
  });

  it('answers malformed JSON and a syntax error with coded errors, not a crash', async () => {
    const malformed = await fetch(process.env.E2E_GATEWAY_URL!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const syntax = await gql(`{ organizations( }`);
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoInternals(body);
    expectNoInternals(syntax);
  });

  it('treats an id that is not a UUID as not found rather than a database error', async () => {
    const response = await gql(`{ organization(id: "1; drop table x") { id } grant(id: "nope") { id } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ organization: null, grant: null });
  });
});

type Response = Awaited<ReturnType<typeof gqlAs>>;

/** Neither an HTTP 500 nor an INTERNAL_SERVER_ERROR, nor anything internal, in a response. */
function expectNoInternalError(response: Response) {
  expect(response.status).toBeLessThan(500);
  expect(response.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  expectNoInternals(response);
}

/** The one error of a response: its code, and its field when it names one. */
function refusal(response: Response) {
  expectNoInternalError(response);
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  return { status: response.status, code: error.extensions?.code, field: error.extensions?.field };
}

describe('no input reaches an internal error, anonymous or signed in', () => {
  const callers: [string, () => Promise<Record<string, string>>][] = [];
  let personId: string;
  beforeAll(async () => {
    const created = await must<{ createPerson: { person: { id: string } } }>(
      `mutation { createPerson(input: { name: "Bad Input Tester" }) { person { id } } }`,
      {},
    );
    personId = created.createPerson.person.id;
    callers.push(['anonymous', async () => ({})], ['a signed-in person', () => userHeaders(personId)], ['a hub admin', async () => adminHeaders()]);
  });

  async function each(send: (headers: Record<string, string>, who: string) => Promise<void>) {
    for (const [who, headers] of callers) await send(await headers(), who);
  }

  it('refuses a NUL in any string argument or filter — inline, in variables, nested, in lists — with BAD_USER_INPUT and HTTP 400 naming it', async () => {
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      [`{ organizations(filter: { search: "a\\u0000b" }) { totalCount } }`, undefined, 'filter.search'],
      [`{ organizations(filter: { search: "a\u0000b" }) { totalCount } }`, undefined, 'filter.search'],
      [`query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }`, { f: { search: 'a\u0000b' } }, '$f.search'],
      [`query($s: String) { people(filter: { search: $s }) { totalCount } }`, { s: '\u0000' }, '$s'],
      [`query($s: String) { grants(filter: { search: $s }) { totalCount } }`, { s: 'x\u0000' }, '$s'],
      [`query($c: String) { courses(filter: { city: $c }) { totalCount } }`, { c: 'Chengdu\u0000' }, '$c'],
      [`query($p: PersonFilter) { people(filter: $p) { totalCount } }`, { p: { skill: 'group\u0000work' } }, '$p.skill'],
      [`{ organization(id: "\\u0000") { id } }`, undefined, 'id'],
    ];
    await each(async (headers) => {
      for (const [query, variables, field] of cases) {
        expect(refusal(await gqlAs(query, variables, headers))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field });
      }
    });
  });

  it('refuses a NUL or a lone surrogate in mutation strings and lists, and writes nothing', async () => {
    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;
    const PEOPLE = `query($s: String) { people(filter: { search: $s }) { totalCount } }`;
    const before = (await gql<{ people: { totalCount: number } }>(PEOPLE, { s: 'Surrogate Tester' })).data!.people.totalCount;
    await each(async (headers) => {
      for (const [input, field] of [
        [{ name: 'Surrogate Tester \ud800' }, '$input.name'],
        [{ name: 'Surrogate Tester \udc00 low' }, '$input.name'],
        [{ name: 'Surrogate Tester', skills: ['case work', 'group\u0000work'] }, '$input.skills[1]'],
        [{ name: 'Surrogate Tester', education: [{ institution: 'X\ud83d' }] }, '$input.education[0].institution'],
      ] as const) {
        expect(refusal(await gqlAs(CREATE, { input }, headers))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field });
      }
      const organization = await gqlAs(
        `mutation { createOrganization(input: { name: "Half \\ud800 NGO", kind: NGO }) { organization { id } } }`,
        undefined,
        headers,
      );
      expect(refusal(organization)).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    });
    expect((await gql<{ people: { totalCount: number } }>(PEOPLE, { s: 'Surrogate Tester' })).data!.people.totalCount).toBe(before);
    // a surrogate pair (an emoji) is text like any other
    const emoji = await gql<{ createPerson: { person: { id: string } } }>(CREATE, { input: { name: 'Emoji Tester 🌱' } });
    expect(emoji.errors).toBeUndefined();
  });

  it('refuses dates outside the years 0001–9999 as BAD_USER_INPUT, inline and in variables', async () => {
    await each(async (headers, who) => {
      for (const day of ['0000-01-01', '300000-01-01']) {
        expect(refusal(await gqlAs(`query($d: Date) { courses(filter: { startsAfter: $d }) { totalCount } }`, { d: day }, headers))).toMatchObject({
          code: 'BAD_USER_INPUT',
        });
        expect(refusal(await gqlAs(`{ courses(filter: { startsAfter: "${day}" }) { totalCount } }`, undefined, headers))).toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      }
      if (who === 'anonymous') return;
      const founded = await gqlAs(
        `mutation($on: Date) { createOrganization(input: { name: "Year Zero NGO", kind: NGO, foundedOn: $on }) { organization { id } } }`,
        { on: '0000-01-01' },
        headers,
      );
      expect(refusal(founded)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
    const { data } = await gql<{ organizations: { totalCount: number } }>(`{ organizations(filter: { search: "Year Zero NGO" }) { totalCount } }`);
    expect(data!.organizations.totalCount).toBe(0);
  });

  it('answers an operationName that names no operation with HTTP 400 and OPERATION_RESOLUTION_FAILURE', async () => {
    await each(async (headers) => {
      for (const [query, operationName] of [
        ['query Directory { organizations(first: 1) { totalCount } }', 'Nope'],
        ['{ organizations(first: 1) { totalCount } }', 'Nope'],
        ['query A { organizations(first: 1) { totalCount } } query B { grants(first: 1) { totalCount } }', undefined],
      ] as const) {
        const response = await fetch(gatewayUrl(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, operationName }),
        });
        const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect({ status: response.status, code: body.errors[0].extensions.code }).toEqual({ status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
        expect(body.errors[0].message).toMatch(operationName ? /no operation named "Nope"/ : /name the one to run/);
      }
    });
  });

  describe('an internal error', () => {
    // a failure the hub cannot cause by itself: PostgreSQL refuses one test-owned name
    const FAIL = 'Internal Error Probe';
    let database: Client;
    beforeAll(async () => {
      database = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await database.connect();
      await database.query(`create function organizations.bad_input_test_failure() returns trigger language plpgsql as $$
        begin if new.name like '${FAIL}%' then raise exception 'injected failure'; end if; return new; end $$`);
      await database.query(
        `create trigger bad_input_test_failure before insert on organizations.organization for each row execute function organizations.bad_input_test_failure()`,
      );
    });
    afterAll(async () => {
      await database.query(
        `drop trigger if exists bad_input_test_failure on organizations.organization; drop function if exists organizations.bad_input_test_failure()`,
      );
      await database.end();
    });

    it("is masked and carries the request id, the caller's or one the gateway made", async () => {
      const CREATE = `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO }) { organization { id } } }`;
      const given = await gql(CREATE, { name: `${FAIL} 1` }, { ...adminHeaders(), 'x-request-id': 'bad-input-test-42' });
      expect(given.errors).toEqual([
        {
          message: 'Internal error (request bad-input-test-42)',
          path: ['createOrganization'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'bad-input-test-42' },
        },
      ]);
      expect(given.status).toBe(200);
      expectNoInternals(given);
      const made = await gql(CREATE, { name: `${FAIL} 2` }, adminHeaders());
      expect(made.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(made.errors?.[0].message).toBe(`Internal error (request ${made.errors?.[0].extensions?.requestId as string})`);
    });
  });
});
