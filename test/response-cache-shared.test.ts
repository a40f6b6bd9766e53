import { asAdmin, graphqlRequestAs, readCounter } from '@ngo-hub/kit/testing/client';
import type { ChildService } from '@ngo-hub/kit/processes';
import { createClient } from '@redis/client';
import { randomBytes } from 'node:crypto';
import { startGatewayProcess } from './setup/gateway-process';
import { must, subgraphUrl } from './setup/hub';
import { apiKeyHeaders, userHeaders } from './setup/identities';
import { eventually } from './setup/eventually';

/** The machine's Redis (CI starts it); TEST_REDIS_URL names another. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This run's keys, apart from every other run's on the machine's Redis. */
const prefix = `ngohub-test-${randomBytes(4).toString('hex')}:`;

/**
 * The response cache shared through Redis (REDIS_URL): two gateway instances on one Redis read
 * each other's answers, a change through either instance or anywhere else (an event) is seen at
 * once by both, and no caller ever gets another's private data from it.
 */
interface Answer<T> {
  cache: string | null;
  maxAge?: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function ask<T>(gateway: ChildService, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<Answer<T>, 'cache'>;
  const maxAge = response.headers.get('x-response-cache-max-age');
  return { cache: response.headers.get('x-response-cache'), ...(maxAge === null ? {} : { maxAge: Number(maxAge) }), ...body };
}

/**
 * Fetches `gateway` has sent to any subgraph so far, from its own /metrics: unlike the subgraphs'
 * statement counts, nothing else on the shared hub (another file's late audit write, a webhook
 * retry) moves it.
 */
const subgraphFetches = (gateway: ChildService) => readCounter(gateway.url.replace(/\/graphql$/, '/metrics'), 'ngohub_subgraph_fetch_duration_seconds_count');

const ORGANIZATION = 'query SharedOrganization($id: ID!) { organization(id: $id) { id name city } }';
const RENAME = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }`;

describe('response cache shared by gateway instances through Redis', () => {
  const tag = randomBytes(3).toString('hex');
  let a: ChildService;
  let b: ChildService;
  let organization: string;

  beforeAll(async () => {
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, REDIS_URL, REDIS_KEY_PREFIX: prefix, EVENT_POLL_MS: '200' };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    organization = (
      await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
        { input: { name: `Shared Cache Org ${tag}`, kind: 'NGO', city: 'Chengdu' } },
      )
    ).createOrganization.organization.id;
  });

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((gateway) => gateway.stop()));
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(keys);
    await redis.close();
  });

  /**
   * Once both instances have read the event log to its end, an answer stored by `from` is a hit on
   * `to`; `fetchedByHit`: what `to` asked the subgraphs for that hit. (Any event of the shared hub,
   * another file's late write included, moves every key: a second ask could miss.)
   */
  const sharedAnswer = (from: ChildService, to: ChildService, query: string, variables: Record<string, unknown>) =>
    eventually(async () => {
      const first = await ask(from, query, variables);
      const fetchesBefore = await subgraphFetches(to);
      const second = await ask(to, query, variables);
      return second.cache === 'HIT' ? { first, second, fetchedByHit: (await subgraphFetches(to)) - fetchesBefore } : undefined;
    });

  it('serves an answer one instance computed as a hit on the other, without asking the subgraphs, kept in Redis for its max-age', async () => {
    const { first, second, fetchedByHit } = await sharedAnswer(a, b, ORGANIZATION, { id: organization });
    expect(first.data).toEqual({ organization: { id: organization, name: `Shared Cache Org ${tag}`, city: 'Chengdu' } });
    expect(await subgraphFetches(a)).toBeGreaterThan(0); // the instance that computed it asked the subgraphs
    expect(second).toEqual({ ...first, cache: 'HIT', maxAge: 300 });
    expect(fetchedByHit).toBe(0);
    // in Redis, for the answer's max-age (300 s for an organization)
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const ttls = await Promise.all((await redis.keys(`${prefix}answer:*`)).map((key) => redis.pTTL(key)));
      expect(ttls.some((ttl) => ttl > 290_000 && ttl <= 300_000)).toBe(true);
    } finally {
      await redis.close();
    }
  });

  it('shows a mutation through either instance on both at once, before its event arrives', async () => {
    for (const [through, other, name] of [
      [b, a, `Shared Cache Org ${tag} renamed on b`],
      [a, b, `Shared Cache Org ${tag} renamed on a`],
    ] as const) {
      await sharedAnswer(a, b, ORGANIZATION, { id: organization });
      const { errors } = await ask(through, RENAME, { id: organization, input: { name } }, { 'x-api-key': process.env.HUB_ADMIN_API_KEY! });
      expect(errors).toBeUndefined();
      // at once, with no wait for the event: the epoch in Redis moved
      expect(await ask(other, ORGANIZATION, { id: organization })).toMatchObject({ cache: 'MISS', data: { organization: { name } } });
      expect(await ask(through, ORGANIZATION, { id: organization })).toMatchObject({ data: { organization: { name } } });
    }
  });

  it("drops both instances' answers on an event of the hub's log, for a change that passed through neither", async () => {
    await sharedAnswer(b, a, ORGANIZATION, { id: organization });
    const name = `Shared Cache Org ${tag} changed elsewhere`;
    const { errors } = await graphqlRequestAs(asAdmin(), subgraphUrl('organizations'), RENAME, { id: organization, input: { name } });
    expect(errors).toBeUndefined();
    for (const gateway of [a, b]) {
      const seen = await eventually(async () => {
        const answer = await ask<{ organization: { name: string } }>(gateway, ORGANIZATION, { id: organization });
        return answer.data?.organization.name === name ? answer : undefined;
      });
      expect(seen.errors).toBeUndefined();
    }
  });

  describe("never serves one caller's private data to another", () => {
    const email = `shared-${tag}@example.org`;
    let person: string;
    let relatedKey: Record<string, string>;
    let otherKey: Record<string, string>;
    let self: Record<string, string>;
    const FIELDS = { email, phone: '+86 28 3333 4444', bio: `Shared bio ${tag}`, bioZh: `共享简介 ${tag}` };

    beforeAll(async () => {
      const createOrganization = async (name: string) =>
        (
          await must<{ createOrganization: { organization: { id: string } } }>(
            `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
            { input: { name, kind: 'NGO', city: 'Chengdu' } },
          )
        ).createOrganization.organization.id;
      const key = async (organizationId: string) =>
        apiKeyHeaders(
          (
            await must<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
              input: { organizationId, name: `shared cache ${tag}` },
            })
          ).createApiKey.key,
        );
      const related = await createOrganization(`Shared Related ${tag}`);
      const other = await createOrganization(`Shared Other ${tag}`);
      person = (
        await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
          input: { name: `Shared Subject ${tag}`, visibility: 'PARTNERS', ...FIELDS },
        })
      ).createPerson.person.id;
      relatedKey = await key(related);
      otherKey = await key(other);
      self = await userHeaders(person);
      // the person applied to the related organization's posting: its key (an editor) may read their contact details
      const posting = (
        await must<{ postJob: { jobPosting: { id: string } } }>(`mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id } } }`, {
          input: { organizationId: related, title: `Shared posting ${tag}`, kind: 'FULL_TIME', city: 'Chengdu' },
        })
      ).postJob.jobPosting.id;
      await must(
        `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id } } }`,
        { input: { postingId: posting, personId: person } },
        self,
      );
    });

    /** A person's public name beside one of the private fields the privacy matrix probes. */
    const query = (field: keyof typeof FIELDS) => `query SharedPrivate_${field}($id: ID!) { person(id: $id) { id name ${field} } }`;

    it.each(Object.keys(FIELDS) as (keyof typeof FIELDS)[])(
      'Person.%s: read by whom may see it on one instance, never served from the cache to anonymous callers or another partner on either',
      async (field) => {
        const secret = FIELDS[field];
        // contact details: the person and editors of organizations they applied to; bio: any partner (visibility PARTNERS)
        const contact = field === 'email' || field === 'phone';
        const mayRead: [string, Record<string, string>][] = [
          ['the person themself', self],
          ['a partner the person relates to', relatedKey],
          ...(contact ? [] : ([['another partner', otherKey]] as [string, Record<string, string>][])),
        ];
        const mayNot: [string, Record<string, string>][] = [
          ['anonymous', {}],
          ...(contact ? ([['another partner', otherKey]] as [string, Record<string, string>][]) : []),
        ];
        // twice over, in both orders and on both instances
        for (const [first, second] of [
          [a, b],
          [b, a],
          [a, a],
        ]) {
          for (const [who, headers] of mayRead) {
            const seen = await ask<{ person: Record<string, string | null> }>(first, query(field), { id: person }, headers);
            // API keys are cacheable callers: the answer holds data only they may see, so it is not kept
            expect({ who, cache: seen.cache, maxAge: seen.maxAge, value: seen.data?.person[field] }).toEqual({
              who,
              cache: headers === self ? null : 'MISS',
              maxAge: undefined,
              value: secret,
            });
          }
          for (const [who, headers] of mayNot) {
            const refused = await ask<{ person: Record<string, string | null> | null }>(second, query(field), { id: person }, headers);
            expect({ who, cache: refused.cache, leaked: JSON.stringify(refused).includes(secret) }).toEqual({ who, cache: 'MISS', leaked: false });
            expect(refused.errors?.length).toBeGreaterThan(0);
          }
        }
      },
    );

    it("keeps the public part of a profile for everyone, and a signed-in person's own reads out of it", async () => {
      const PUBLIC = 'query SharedPublic($id: ID!) { person(id: $id) { id name } }';
      const { first } = await sharedAnswer(a, b, PUBLIC, { id: person });
      expect(first).toMatchObject({ maxAge: 60, data: { person: { id: person, name: `Shared Subject ${tag}` } } });
      // the person's own read is neither answered from the cache nor stored in it
      const own = await ask(a, `query SharedOwn($id: ID!) { person(id: $id) { id name email } }`, { id: person }, self);
      expect(own).toMatchObject({ cache: null, data: { person: { email } } });
      const anonymous = await ask(b, `query SharedOwn($id: ID!) { person(id: $id) { id name email } }`, { id: person });
      expect(anonymous.cache).toBe('MISS');
      expect(JSON.stringify(anonymous)).not.toContain(email);
    });
  });
});
