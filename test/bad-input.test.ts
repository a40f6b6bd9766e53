import { adminGql as gql } from './setup/hub';

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
    const response = await gql(
      `mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`,
      {
        input: {
          title: 'Grant to nobody',
          amountAwarded: { amount: '1000.00', currency: 'CNY' },
          fundingOrganizationId: funder,
          recipientOrganizationId: '00000000-0000-4000-8000-000000000000',
          awardDate: '2024-01-01',
        },
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.errors?.[0].message).toContain('00000000-0000-4000-8000-000000000000');
    expectNoInternals(response);
    expect(await counts()).toEqual(before);
  });

  it('refuses a negative amount', async () => {
    const before = await counts();
    const id = await someOrganizationId();
    const response = await gql(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
      input: { title: 'Negative', amountAwarded: { amount: '-5.00', currency: 'CNY' }, fundingOrganizationId: id, recipientOrganizationId: id, awardDate: '2024-01-01' },
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
