import type { ChildService } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { startGatewayProcess } from './setup/gateway-process';
import { gql } from './setup/hub';
import { liveClient, socketUrl, Subscription } from './setup/live';

const INTROSPECTION = `{ __schema { queryType { name } } }`;
const TYPE = `{ __type(name: "Organization") { name } }`;
const TYPO = `{ organizations { totalCont } }`;

/** The file's production gateway (no rate limit; one subscription a socket; a hub admin key), for both describes. */
let production: ChildService;
const ADMIN_KEY = 'production-mode-admin-key-0123456789';
beforeAll(async () => {
  production = await startGatewayProcess({
    HUB_MODE: 'production',
    RATE_LIMIT_PER_SECOND: '0',
    MAX_SUBSCRIPTIONS_PER_SOCKET: '1',
    DATABASE_URL: process.env.TEST_DATABASE_URL!,
    HUB_ADMIN_API_KEY: ADMIN_KEY,
  });
});
afterAll(() => production?.stop());

describe('introspection and field suggestions: on in development, off for anonymous callers in production', () => {
  it('development: anyone may introspect and gets "did you mean" hints', async () => {
    expect((await gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await gql(TYPO);
    expect(typo.errors?.[0].message).toMatch(/Cannot query field "totalCont" on type "OrganizationConnection"\. Did you mean "totalCount"\?/);
  });

  it('production: an anonymous caller is refused __schema and __type with FORBIDDEN, and gets no hints', async () => {
    for (const query of [INTROSPECTION, TYPE, `query { organizations { totalCount } ...on Query { __schema { types { name } } } }`]) {
      const answer = await graphqlRequest(production.url, query);
      expect(answer.status).toBe(403);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: expect.stringMatching(/^Introspection is open to authenticated callers only/),
      });
    }
    const typo = await graphqlRequest(production.url, TYPO);
    expect(typo.errors?.[0]).toMatchObject({
      message: 'Cannot query field "totalCont" on type "OrganizationConnection".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('production: __typename and ordinary queries still work for anonymous callers', async () => {
    const answer = await graphqlRequest(production.url, `{ __typename organizations { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __typename: 'Query', organizations: { totalCount: expect.any(Number) } });
  });

  it('production: an authenticated caller (the hub admin key) may introspect and gets hints', async () => {
    const headers = { 'x-api-key': ADMIN_KEY };
    expect((await graphqlRequest(production.url, INTROSPECTION, undefined, headers)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await graphqlRequest(production.url, TYPO, undefined, headers)).errors?.[0].message).toMatch(/Did you mean "totalCount"\?/);
  });
});

describe('production errors name the rule broken, not the configured numbers, and hide subgraph names from anonymous callers', () => {
  let limited: ChildService;
  beforeAll(async () => {
    limited = await startGatewayProcess({ HUB_MODE: 'production', RATE_LIMIT_PER_SECOND: '0.1', RATE_LIMIT_BURST: '1' });
  });
  afterAll(() => limited?.stop());

  /** organizations → people → organization → people → …: a valid query `hops` cycles deep. */
  const nested = (hops: number) => {
    let inner = 'name';
    for (let i = 0; i < hops; i++) inner = `organization { name people(first: 1) { nodes { ${inner} } } }`;
    return `{ organizations(first: 1) { nodes { people(first: 1) { nodes { ${inner} } } } } }`;
  };

  it.each([
    ['too deep', nested(6), 'query too deep', 'depth'],
    ['too many aliases', `{ ${Array.from({ length: 60 }, (_, i) => `t${i}: __typename`).join(' ')} }`, 'too many aliases', 'aliases'],
    ['too complex', `{ ${Array(40).fill('organizations(first: 1) { totalCount }').join(' ')} }`, 'query too complex', 'fieldPairs'],
    ['too long', `{ ${Array(5100).fill('__typename').join(' ')} }`, 'query too long', 'tokens'],
  ])('a query %s is told the rule only', async (_case, query, message, limit) => {
    const answer = await graphqlRequest(production.url, query);
    expect(answer.errors?.[0]).toMatchObject({ message, extensions: { limit } });
    const { message: said, extensions } = answer.errors![0]!;
    expect(JSON.stringify({ said, extensions })).not.toMatch(/\d|MAX_|found|exceeded/);
  });

  it('a caller out of rate-limit tokens is told "rate limited" and when to retry, not the rate', async () => {
    await graphqlRequest(limited.url, '{ __typename }');
    const answer = await graphqlRequest(limited.url, '{ __typename }');
    expect(answer.status).toBe(429);
    expect(answer.errors?.[0]).toEqual({ message: 'rate limited', extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } });
  });

  it('a socket over its subscriptions is told "too many subscriptions", not the number', async () => {
    const client = liveClient({ url: socketUrl(production.url) });
    const first = new Subscription(client, 'subscription { organizationChanged(filter: { city: "Nowhere" }) { eventId } }');
    await first.ready('organizationChanged', 1, production.url);
    const second = new Subscription(client, 'subscription { organizationChanged(filter: { city: "Nowhere" }) { eventId } }');
    const refusal = await second.firstError();
    expect(refusal).toEqual({ message: 'too many subscriptions', extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'subscriptionsPerSocket' } });
    first.stop();
    await client.dispose();
  });

  it('anonymous callers do not learn subgraph names; authenticated ones do', async () => {
    const write = `mutation { updateOrganization(id: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", input: { website: "https://x.example.org/" }) { organization { id } } }`;
    const anonymous = await graphqlRequest(production.url, write);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous.errors)).not.toMatch(/serviceName|organizations subgraph|service "/);
    const admin = await graphqlRequest(production.url, write, undefined, { 'x-api-key': ADMIN_KEY });
    expect(admin.errors?.[0]?.extensions?.serviceName).toBe('organizations');
  });

  it('development keeps the detailed messages', async () => {
    const answer = await gql(nested(6));
    expect(answer.errors?.[0]?.message).toMatch(/^Query depth limit of 16 exceeded, found \d+\.$/);
    const anonymous = await gql(
      `mutation { updateOrganization(id: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", input: { website: "https://x.example.org/" }) { organization { id } } }`,
    );
    expect(anonymous.errors?.[0]?.extensions?.serviceName).toBe('organizations');
  });
});
