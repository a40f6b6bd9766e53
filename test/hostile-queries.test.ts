import { asAnonymous, graphqlRequestAs, readCounter } from '@ngo-hub/kit/testing/client';
import { gatewayUrl, gql, subgraphUrl } from './setup/hub';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | { data?: unknown; errors?: unknown[] }[];
  ms: number;
}

/** Sends a raw body to the gateway, as a hostile client would. */
async function send(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), ms: performance.now() - started };
}

const post = (query: string, variables?: unknown) => send(JSON.stringify({ query, variables }));

function firstError(answer: Answer) {
  const body = answer.body as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  expect(body.errors?.length).toBeGreaterThan(0);
  return body.errors![0];
}

/** Nothing in a response may look like a stack trace or SQL. */
function expectNoInternals(answer: Answer) {
  expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\bselect\b.*\bfrom\b|\binsert into\b/i);
}

/** organizations → people → organization → people → …: a valid query `hops` cycles deep. */
function deepQuery(hops: number): string {
  let inner = 'name';
  for (let i = 0; i < hops; i++) inner = `organization { name people(first: 1) { nodes { ${inner} } } }`;
  return `{ organizations(first: 1) { nodes { people(first: 1) { nodes { ${inner} } } } } }`;
}

const metricsUrl = () => gatewayUrl().replace(/\/graphql$/, '/metrics');
const healthz = async () => (await fetch(gatewayUrl().replace(/\/graphql$/, '/healthz'))).status;

/** Each hostile input, and what the hub must answer. */
const HOSTILE: { name: string; send: () => Promise<Answer>; status: number; code: string; message: RegExp; extensions?: Record<string, unknown> }[] = [
  {
    name: 'deep nesting',
    send: () => post(deepQuery(6)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Query depth limit of 16 exceeded, found \d+\.$/,
    extensions: { limit: 'depth' },
  },
  {
    name: 'an alias bomb',
    send: () => post(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: organizations(first: 100) { totalCount }`).join(' ')} }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /more th\w+ 5000 tokens/,
  },
  {
    name: 'many aliases under the token limit',
    send: () => post(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: organizations(first: 1) { totalCount }`).join(' ')} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Aliases limit of 50 exceeded, found 60\.$/,
    extensions: { limit: 'aliases' },
  },
  {
    name: 'circular fragments',
    send: () =>
      post(`{ organizations { ...A } } fragment A on OrganizationConnection { nodes { name } ...B } fragment B on OrganizationConnection { totalCount ...A }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "A" within itself via "B"/,
  },
  {
    name: 'a directive bomb',
    send: () => post(`{ organizations(first: 1) { totalCount ${'@include(if: true) '.repeat(60)} } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /directive "@include" can only be used once|Directives limit of 30 exceeded/,
  },
  {
    name: 'a huge page',
    send: () => post(`{ organizations(first: 1000000) { nodes { name } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Query Cost limit of 100000 exceeded, found [\d.]+\.$/,
    extensions: { limit: 'cost' },
  },
  {
    name: 'a huge page asked for in a variable',
    send: () => post(`query($n: Int) { organizations(first: $n) { nodes { name } } }`, { n: 1_000_000 }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Query Cost limit of 100000 exceeded, found [\d.]+\.$/,
    extensions: { limit: 'cost' },
  },
  {
    name: 'nested pages that multiply',
    send: () => post(`{ organizations(first: 100) { nodes { people(first: 100) { nodes { person { enrollments(first: 100) { nodes { status } } } } } } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Query Cost limit of 100000 exceeded, found [\d.]+\.$/,
    extensions: { limit: 'cost' },
  },
  {
    name: 'a page over the maximum size',
    send: () => post(`{ organizations(first: 1000) { nodes { name } } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: /^first must be between 1 and 100 \(got 1000\)$/,
  },
  {
    name: 'a huge list literal',
    send: () => post(`{ organizations(filter: { kinds: [${'NGO, '.repeat(20000)}NGO] }) { totalCount } }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Document contains more th\w+ 5000 tokens\. Parsing aborted\./,
  },
  {
    name: 'an oversized body',
    send: () => post(`{ organizations(filter: { search: "${'x'.repeat(1_200_000)}" }) { totalCount } }`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /^request body is larger than 1000000 bytes$/,
  },
  {
    name: 'malformed JSON',
    send: () => send('{"query": "{ organizations { totalCount } }", '),
    status: 400,
    code: 'BAD_REQUEST',
    message: /^request body is not valid JSON$/,
  },
  {
    name: 'a query that is not a string',
    send: () => send(JSON.stringify({ query: 42 })),
    status: 400,
    code: 'BAD_REQUEST',
    message: /^GraphQL queries must be strings\.$/,
  },
  {
    name: 'variables that are not an object',
    send: () => send(JSON.stringify({ query: '{ __typename }', variables: 'all of them' })),
    status: 400,
    code: 'BAD_REQUEST',
    message: /variables.*object/,
  },
  {
    name: 'a variable of the wrong type',
    send: () => post(`query($first: Int) { organizations(first: $first) { totalCount } }`, { first: 'ten' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /Variable "\$first" got invalid value "ten"; Int cannot represent non-integer value/,
  },
  {
    name: 'an argument of the wrong type',
    send: () => post(`{ organizations(first: "ten") { totalCount } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Int cannot represent non-integer value: "ten"/,
  },
  {
    name: 'a syntax error',
    send: () => post(`{ organizations( { totalCount }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /^Syntax Error: /,
  },
  {
    name: 'an empty body',
    send: () => send(''),
    status: 400,
    code: 'BAD_REQUEST',
    message: /POST body/,
  },
  {
    name: 'an unsupported persisted query version',
    send: () => send(JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } })),
    status: 400,
    code: 'BAD_REQUEST',
    message: /^Unsupported persisted query version$/,
  },
  {
    name: 'a batch larger than the limit',
    send: () => send(JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' })))),
    status: 400,
    code: 'BAD_REQUEST',
    message: /^a batch may hold at most 10 operations; this one holds 50$/,
  },
];

describe('hostile queries get clear, coded errors and the hub keeps serving', () => {
  it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile) => {
    const answer = await hostile.send();
    const error = firstError(answer);
    expect({ status: answer.status, code: error.extensions?.code }).toEqual({ status: hostile.status, code: hostile.code });
    expect(error.message).toMatch(hostile.message);
    if (hostile.extensions) expect(error.extensions).toMatchObject(hostile.extensions);
    expectNoInternals(answer);
    const normal = await gql<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`);
    expect(normal.errors).toBeUndefined();
    expect(normal.data!.organizations.totalCount).toBeGreaterThan(0);
    expect(await healthz()).toBe(200);
  });

  it('prices each request of one query by the page sizes it passes: a huge page refused every time, a small one answered in between', async () => {
    const query = 'query PagedByVariable($n: Int) { organizations(first: $n) { nodes { people(first: $n) { nodes { role } } } } }';
    for (let round = 0; round < 2; round++) {
      const huge = await post(query, { n: 400 });
      expect({ status: huge.status, message: firstError(huge).message }).toEqual({
        status: 400,
        message: expect.stringMatching(/^Query Cost limit of 100000 exceeded/),
      });
      const small = await post(query, { n: 2 });
      expect({ status: small.status, errors: (small.body as { errors?: unknown }).errors }).toEqual({ status: 200, errors: undefined });
    }
  });

  it('answers a batch within the limit with one result per operation', async () => {
    const answer = await send(JSON.stringify([{ query: '{ organizations { totalCount } }' }, { query: '{ nope }' }, { query: '{ __typename }' }]));
    const results = answer.body as { data?: unknown; errors?: { extensions: { code: string } }[] }[];
    expect(results).toHaveLength(3);
    expect(results[0].data).toEqual({ organizations: { totalCount: expect.any(Number) } });
    expect(results[1].errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(results[2].data).toEqual({ __typename: 'Query' });
  });

  it('stays fast and within memory under a flood of every hostile input at once, while a normal query is answered', async () => {
    const memoryBefore = await readCounter(metricsUrl(), 'process_resident_memory_bytes');
    const started = performance.now();
    const flood = Promise.all(Array.from({ length: 5 }, () => HOSTILE.map((hostile) => hostile.send())).flat());
    const normal = await gql<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`);
    const answers = await flood;
    const elapsed = performance.now() - started;
    expect(normal.errors).toBeUndefined();
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    expect(elapsed).toBeLessThan(20_000);
    const memoryAfter = await readCounter(metricsUrl(), 'process_resident_memory_bytes');
    expect(memoryAfter - memoryBefore).toBeLessThan(300 * 1024 * 1024);
    expect(await healthz()).toBe(200);
  });
});

describe('a subgraph reached directly guards itself too', () => {
  it('refuses an operation nested deeper than its guard, and one with too many tokens', async () => {
    const deep = await graphqlRequestAs(asAnonymous(), subgraphUrl('organizations'), `{ ${'a { '.repeat(45)}b${' }'.repeat(45)} }`);
    expect(deep.status).toBe(400);
    expect(deep.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: 'Query depth limit of 40 exceeded, found 46.',
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' }),
        }),
      ]),
    );
    const long = await graphqlRequestAs(asAnonymous(), subgraphUrl('organizations'), `{ ${'__typename '.repeat(60_000)}}`);
    expect(long.status).toBe(400);
    expect(long.errors?.[0]).toMatchObject({ message: expect.stringMatching(/more th\w+ 50000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const normal = await graphqlRequestAs<{ organizations: { totalCount: number } }>(
      asAnonymous(),
      subgraphUrl('organizations'),
      `{ organizations { totalCount } }`,
    );
    expect(normal.data?.organizations.totalCount).toBeGreaterThan(0);
  });
});
