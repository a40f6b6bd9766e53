import type { ChildService } from '@ngo-hub/kit/processes';
import type { Client, FormattedExecutionResult, SubscribePayload } from 'graphql-ws';
import { getOperationAST, parse } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startGatewayProcess } from './setup/gateway-process';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient, openSubscriptions, socketUrl, Subscription, subscribersReady } from './setup/live';

type Refusal = { message: string; extensions?: Record<string, unknown> };

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'gateway', 'trusted-documents.json'), 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const registered = (name: string) => manifest.operations.find((operation) => operation.name === name)!;

/** Sends one operation on the socket and settles with its first result, or its `error` message's errors, or the socket's close, or nothing within `timeoutMs`. */
function once(
  client: Client,
  payload: SubscribePayload,
  timeoutMs = 10_000,
): Promise<{
  result?: FormattedExecutionResult<Record<string, unknown>, unknown>;
  errors?: Refusal[];
  closed?: { code: number; reason: string };
  timedOut?: true;
}> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      dispose();
      resolve({ timedOut: true });
    }, timeoutMs);
    const settle = (answer: Awaited<ReturnType<typeof once>>) => {
      clearTimeout(timer);
      resolve(answer);
    };
    // a query or mutation completes by itself: disposing it after its result too would release the
    // client's connection lock twice (graphql-ws' releaser is not idempotent), closing the socket with 1000
    const completesItself = payload.query ? getOperationAST(parse(payload.query))?.operation !== 'subscription' : false;
    const dispose = client.subscribe(payload, {
      next: (result) => {
        if (!completesItself) dispose();
        settle({ result });
      },
      error: (error) => {
        const close = error as { code?: number; reason?: string };
        settle(Array.isArray(error) ? { errors: error as Refusal[] } : { closed: { code: close.code!, reason: close.reason! } });
      },
      complete: () => settle({}),
    });
  });
}

/** A graphql-ws client whose socket comes from `localAddress`, so tests can be told apart by IP. */
function clientFrom(url: string, localAddress: string, options: Parameters<typeof liveClient>[0] = {}): Client {
  class FromAddress extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  }
  return liveClient({ url: socketUrl(url), webSocketImpl: FromAddress, ...options });
}

/** Records the close codes and reasons of a client's socket. */
function closesOf(options: Parameters<typeof liveClient>[0] = {}): { closes: { code: number; reason: string }[]; options: Parameters<typeof liveClient>[0] } {
  const closes: { code: number; reason: string }[] = [];
  return {
    closes,
    options: {
      ...options,
      on: { closed: (event) => void closes.push({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason }) },
    },
  };
}

function noInternals(refusal: unknown): void {
  expect(JSON.stringify(refusal)).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules/i);
}

const ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;

async function createOrganization(name: string, city: string): Promise<void> {
  const { errors } = await gql(ORGANIZATION, { input: { name, kind: 'NGO', city } }, adminHeaders());
  expect(errors).toBeUndefined();
}

/** organizationChanged → organization → people → organization → …: a valid selection `hops` cycles deep. */
function deepSubscription(hops: number): string {
  let inner = 'organization { name }';
  for (let i = 0; i < hops; i++) inner = `organization { name people(first: 1) { nodes { ${inner} } } }`;
  return `subscription { organizationChanged { organization { people(first: 1) { nodes { ${inner} } } } } }`;
}

describe('subscriptions over graphql-ws meet the operation limits HTTP operations do', () => {
  const HOSTILE: { name: string; payload: SubscribePayload; code: string; message: RegExp; extensions?: Record<string, unknown> }[] = [
    {
      name: 'a too-deep selection',
      payload: { query: deepSubscription(6) },
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /^Query depth limit of 16 exceeded, found \d+\.$/,
      extensions: { limit: 'depth' },
    },
    {
      name: 'an alias bomb',
      payload: { query: `subscription { organizationChanged { ${Array.from({ length: 60 }, (_, i) => `a${i}: eventId`).join(' ')} } }` },
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /^Aliases limit of 50 exceeded, found 60\.$/,
      extensions: { limit: 'aliases' },
    },
    {
      name: 'a document over the token limit',
      payload: { query: `subscription { organizationChanged { ${'eventId '.repeat(6000)} } }` },
      code: 'GRAPHQL_PARSE_FAILED',
      message: /Document contains more th\w+ 5000 tokens\. Parsing aborted\./,
    },
    {
      name: 'a huge page asked for in a variable',
      payload: {
        query: `subscription($n: Int) { organizationChanged { organization { people(first: $n) { nodes { organization { name } } } } } }`,
        variables: { n: 1_000_000 },
      },
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /^Query Cost limit of 100000 exceeded, found [\d.]+\.$/,
      extensions: { limit: 'cost' },
    },
    {
      name: 'a directive bomb',
      payload: { query: `subscription { organizationChanged { eventId ${'@skip(if: false) '.repeat(40)} } }` },
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /directive "@skip" can only be used once|Directives limit of 30 exceeded/,
    },
  ];

  let client: Client;
  const socket = closesOf({ lazy: false });
  beforeAll(() => {
    client = liveClient(socket.options);
  });
  afterAll(() => client.dispose());

  it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))(
    'refuses %s with its code and the limit, on a socket that stays open',
    async (_name, hostile) => {
      const { errors, result, closed, timedOut } = await once(client, hostile.payload);
      expect({ result, closed, timedOut }).toEqual({ result: undefined, closed: undefined, timedOut: undefined });
      expect(errors![0]!.extensions?.code).toBe(hostile.code);
      expect(errors![0]!.message).toMatch(hostile.message);
      if (hostile.extensions) expect(errors![0]!.extensions).toMatchObject(hostile.extensions);
      noInternals(errors);
    },
  );

  it('still serves a normal subscription on the same socket afterwards', async () => {
    const city = `Limitsville ${Date.now()}`;
    const normal = new Subscription<{ organizationChanged: { organization: { name: string } } }>(
      client,
      `subscription($city: String) { organizationChanged(filter: { city: $city }) { organization { name } } }`,
      { city },
    );
    await normal.ready('organizationChanged');
    await createOrganization('Within Limits', city);
    const [result] = await normal.take(1);
    expect(result!.data!.organizationChanged.organization.name).toBe('Within Limits');
    normal.stop();
    expect(socket.closes).toEqual([]);
  });
});

describe('the rate limit over graphql-ws (1 token every 10 s, bursts of 3)', () => {
  let gateway: ChildService;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, RATE_LIMIT_PER_SECOND: '0.1', RATE_LIMIT_BURST: '3' });
  });
  afterAll(() => gateway?.stop());

  it('spends a token for the connection and one per operation: the fourth is RATE_LIMITED with retryAfter, the socket stays open and serves again after that wait', async () => {
    const socket = closesOf({ lazy: false });
    const client = clientFrom(gateway.url, '127.0.0.11', socket.options);
    const query = { query: '{ __typename }' };
    // sent together: how long the connection took cannot refill the bucket between them
    const [first, second, third, subscription] = await Promise.all([
      once(client, query),
      once(client, query),
      once(client, query),
      once(client, { query: 'subscription { organizationChanged { eventId } }' }),
    ]);
    expect([first, second].map((answer) => answer.result)).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
    expect(third!.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    const retryAfter = third!.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(third!.errors![0]!.message).toMatch(/^Too many requests: at most 3 operations at once and 0.1 a second after that; retry in \d+ s\.$/);
    expect(subscription!.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const wait = Math.max(retryAfter, subscription!.errors![0]!.extensions!.retryAfter as number);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    const again = await once(client, { query: '{ organizations { totalCount } }' });
    expect(again.result).toEqual({ data: { organizations: { totalCount: expect.any(Number) } } });
    expect(socket.closes).toEqual([]);
    await client.dispose();
  });

  it('closes a connection with 4429 when its caller has no token left; refused credentials count against the address', async () => {
    const attempts: { code: number; reason: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = closesOf({ connectionParams: { authorization: 'Bearer not-a-token' } });
      const client = clientFrom(gateway.url, '127.0.0.12', socket.options);
      const answer = await once(client, { query: '{ __typename }' });
      attempts.push(answer.closed!);
      await client.dispose();
    }
    expect(attempts.map((close) => close.code)).toEqual([4403, 4403, 4403, 4429]);
    expect(attempts[3]!.reason).toMatch(/^Too many requests; retry in \d+ s$/);

    const elsewhere = clientFrom(gateway.url, '127.0.0.13');
    expect((await once(elsewhere, { query: '{ __typename }' })).result).toEqual({ data: { __typename: 'Query' } });
    await elsewhere.dispose();
  });
});

describe('introspection, suggestions and the subscription cap over graphql-ws (INTROSPECTION=authenticated, 2 subscriptions a socket)', () => {
  let gateway: ChildService;
  beforeAll(async () => {
    gateway = await startGatewayProcess({
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      INTROSPECTION: 'authenticated',
      FIELD_SUGGESTIONS: 'authenticated',
      MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
    });
  });
  afterAll(() => gateway?.stop());

  const INTROSPECTION = { query: '{ __schema { queryType { name } } }' };
  const MISSPELT = { query: 'subscription { organizationChanged { eventI } }' };

  it('refuses introspection and "Did you mean" to an anonymous socket', async () => {
    const client = liveClient({ url: socketUrl(gateway.url) });
    const introspection = await once(client, INTROSPECTION);
    expect(introspection.result?.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Introspection is open to authenticated callers only/),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(introspection.result?.data).toBeUndefined();
    const misspelt = await once(client, MISSPELT);
    expect(misspelt.errors?.[0]).toEqual({
      message: 'Cannot query field "eventI" on type "OrganizationChangedEvent".',
      locations: expect.any(Array),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    await client.dispose();
  });

  it('allows both to a socket with an API key, as over HTTP', async () => {
    const client = liveClient({ url: socketUrl(gateway.url), connectionParams: adminHeaders() });
    const introspection = await once(client, INTROSPECTION);
    expect(introspection.result).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const misspelt = await once(client, MISSPELT);
    expect(misspelt.errors?.[0]?.message).toBe('Cannot query field "eventI" on type "OrganizationChangedEvent". Did you mean "eventId"?');
    await client.dispose();
  });

  it('holds at most MAX_SUBSCRIPTIONS_PER_SOCKET subscriptions open on one socket: the next is TOO_MANY_SUBSCRIPTIONS until one completes', async () => {
    // the counts below are the gateway's: wait until the sockets of earlier tests have closed their subscriptions
    for (const deadline = Date.now() + 15_000; (await openSubscriptions('organizationChanged', gateway.url)) > 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await openSubscriptions('organizationChanged', gateway.url)).toBe(0);
    const client = liveClient({ url: socketUrl(gateway.url) });
    const query = 'subscription { organizationChanged(filter: { city: "Capton" }) { eventId } }';
    const open = [new Subscription(client, query), new Subscription(client, query)];
    await subscribersReady('organizationChanged', 2, gateway.url, 15_000, open);
    const third = await once(client, { query });
    expect(third.errors?.[0]).toMatchObject({
      message: 'This socket already holds 2 subscriptions, the most it may (MAX_SUBSCRIPTIONS_PER_SOCKET = 2); complete one first.',
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'subscriptionsPerSocket', max: 2 },
    });
    const query2 = await once(client, { query: '{ __typename }' });
    expect(query2.result).toEqual({ data: { __typename: 'Query' } });

    const another = liveClient({ url: socketUrl(gateway.url) });
    const elsewhere = new Subscription(another, query);
    await subscribersReady('organizationChanged', 3, gateway.url, 15_000, [elsewhere]);

    open[1]!.stop();
    const deadline = Date.now() + 15_000;
    while ((await openSubscriptions('organizationChanged', gateway.url)) > 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const replacement = new Subscription(client, query);
    await subscribersReady('organizationChanged', 3, gateway.url, 15_000, [replacement]);
    for (const subscription of [open[0]!, replacement, elsewhere]) subscription.stop();
    await Promise.all([client.dispose(), another.dispose()]);
  });
});

describe('trusted documents over graphql-ws (TRUSTED_DOCUMENTS=all)', () => {
  let gateway: ChildService;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, TRUSTED_DOCUMENTS: 'all' });
  });
  afterAll(() => gateway?.stop());

  it('refuses an unregistered subscription with PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const client = liveClient({ url: socketUrl(gateway.url) });
    const query = 'subscription Unregistered { organizationChanged { eventId } }';
    const answer = await once(client, { query });
    expect(answer.errors?.[0]).toEqual({
      message: `This hub runs registered operations only, and operation Unregistered (sha256 ${createHash('sha256').update(query).digest('hex')}) is not in the trusted documents manifest; register it with \`npm run trusted-documents\`.`,
      extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
    });
    await client.dispose();
  });

  it('runs registered operations: a query as its exact text, a subscription by hash alone, with its events resolved', async () => {
    const client = liveClient({ url: socketUrl(gateway.url) });
    const incubators = await once(client, { query: registered('Incubators').body });
    expect(incubators.result?.errors).toBeUndefined();
    expect(incubators.result?.data).toEqual({ organizations: expect.objectContaining({ totalCount: expect.any(Number) }) });

    const city = `Trustedville ${Date.now()}`;
    const activity = registered('SectorDashboardActivity');
    const events: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
    const refused: unknown[] = [];
    const dispose = client.subscribe(
      { query: '', variables: { filter: { city } }, extensions: { persistedQuery: { version: 1, sha256Hash: activity.id } } },
      { next: (result) => void events.push(result), error: (error) => void refused.push(error), complete: () => undefined },
    );
    const deadline = Date.now() + 5000;
    while ((await openSubscriptions('sectorActivity', gateway.url)) === 0 && refused.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refused).toEqual([]);
    await createOrganization('Trusted Newcomer', city);
    while (events.length === 0 && Date.now() < deadline + 5000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events[0]).toEqual({
      data: {
        sectorActivity: expect.objectContaining({ kind: 'ORGANIZATION_CHANGED', organization: expect.objectContaining({ name: 'Trusted Newcomer', city }) }),
      },
      // how many events are queued behind this one for the subscriber (live updates' catch-up hint)
      extensions: { backlog: expect.any(Number) },
    });
    dispose();
    await client.dispose();
  });
});
