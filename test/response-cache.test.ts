import type { ChildService } from '@ngo-hub/kit/processes';
import { asAdmin, graphqlRequestAs } from '@ngo-hub/kit/testing/client';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayProcess } from './setup/gateway-process';
import { countSql, gatewayUrl, must, subgraphUrl } from './setup/hub';
import { adminHeaders, apiKeyHeaders } from './setup/identities';

/**
 * The gateway's response cache for public data: anonymous and API-key reads of public fields are
 * answered from it, a change is visible at once (a mutation through the gateway, or an event of
 * the hub's log for a change made elsewhere), and an answer that depends on its caller is never
 * kept, so no caller gets another's private data.
 */
interface Answer<T> {
  cache: string | null;
  /** How long the gateway keeps the answer (seconds): the least max-age of the subgraphs' hints on what it selected. */
  maxAge?: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function ask<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, url = gatewayUrl()): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<Answer<T>, 'cache'>;
  const maxAge = response.headers.get('x-response-cache-max-age');
  return { cache: response.headers.get('x-response-cache'), ...(maxAge === null ? {} : { maxAge: Number(maxAge) }), ...body };
}

/**
 * Asks until the answer comes from the cache: events of the changes just made (by this file's
 * fixtures or earlier tests) reach the gateway a little after their mutations, and each one makes
 * the next read miss. The hit; fails the test when none comes within 5 s.
 */
async function untilCached<T>(query: string, variables: Record<string, unknown>, url = gatewayUrl()): Promise<Answer<T>> {
  for (const started = Date.now(); Date.now() - started < 5_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const answer = await ask<T>(query, variables, {}, url);
    if (answer.cache === 'HIT') return answer;
  }
  throw new Error(`no cache hit for ${query.slice(0, 40)} within 5 s`);
}

const ORGANIZATION = 'query CachedOrganization($id: ID!) { organization(id: $id) { id name city } }';
const PROFILE = 'query CachedProfile($id: ID!) { person(id: $id) { id name bio } }';

describe('response cache for public data', () => {
  const tag = Math.random().toString(36).slice(2, 8);
  let organization: string;
  let partnerKey: Record<string, string>;
  let otherPartnerKey: Record<string, string>;
  let person: string;

  beforeAll(async () => {
    const create = (name: string) =>
      must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
        { input: { name, kind: 'NGO', city: 'Chengdu' } },
      );
    organization = (await create(`Cache Org ${tag}`)).createOrganization.organization.id;
    const partner = (await create(`Cache Partner ${tag}`)).createOrganization.organization.id;
    const other = (await create(`Cache Other Partner ${tag}`)).createOrganization.organization.id;
    const key = async (organizationId: string) =>
      apiKeyHeaders(
        (
          await must<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
            input: { organizationId, name: `cache ${tag}` },
          })
        ).createApiKey.key,
      );
    partnerKey = await key(partner);
    otherPartnerKey = await key(other);
    // a profile for partners only: its bio is for organization members (API keys), not for anonymous callers
    person = (
      await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: { name: `Cache Person ${tag}`, bio: `Bio ${tag}`, visibility: 'PARTNERS' },
      })
    ).createPerson.person.id;
  });

  it('answers a repeated anonymous or API-key read of public fields from the cache, without asking the subgraphs', async () => {
    // the fixtures' events in first (another query): each would make the next read miss
    await untilCached('query SettleFixtures { organizations(first: 1) { totalCount } }', {});
    const first = await ask<{ organization: { name: string } }>(ORGANIZATION, { id: organization });
    expect(first).toMatchObject({ cache: 'MISS', data: { organization: { id: organization, name: `Cache Org ${tag}`, city: 'Chengdu' } } });
    let second: Answer<unknown> | undefined;
    const sql = await countSql(async () => (second = await ask(ORGANIZATION, { id: organization })));
    expect(second).toEqual({ ...first, cache: 'HIT' });
    expect(sql).toEqual({ organizations: 0, people: 0, funding: 0, training: 0 });
    // a partner's API key reads the same public answer
    expect(await ask(ORGANIZATION, { id: organization }, partnerKey)).toEqual({ ...first, cache: 'HIT' });
    // hub admins and signed-in people are not cached
    expect((await ask(ORGANIZATION, { id: organization }, adminHeaders())).cache).toBeNull();
  });

  it('shows a change made through the gateway at once', async () => {
    await ask(ORGANIZATION, { id: organization });
    await must(`mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }`, {
      id: organization,
      input: { name: `Cache Org ${tag} renamed` },
    });
    expect(await ask(ORGANIZATION, { id: organization })).toMatchObject({ cache: 'MISS', data: { organization: { name: `Cache Org ${tag} renamed` } } });
  });

  it("drops what it cached on an event of the hub's log, for a change that did not pass through this gateway", async () => {
    const name = `Cache Org ${tag} changed elsewhere`;
    expect((await ask(ORGANIZATION, { id: organization })).data).toBeDefined();
    await untilCached(ORGANIZATION, { id: organization });
    // straight to the organizations subgraph, signed as the hub's own service: the gateway only hears of it by the event
    const { errors } = await graphqlRequestAs(
      asAdmin(),
      subgraphUrl('organizations'),
      `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }`,
      {
        id: organization,
        input: { name },
      },
    );
    expect(errors).toBeUndefined();
    let seen: Answer<{ organization: { name: string } }> | undefined;
    for (const started = Date.now(); Date.now() - started < 5000; await new Promise((resolve) => setTimeout(resolve, 50))) {
      seen = await ask<{ organization: { name: string } }>(ORGANIZATION, { id: organization });
      if (seen.data?.organization.name === name) break;
    }
    expect(seen).toMatchObject({ cache: 'MISS', data: { organization: { name } } });
  });

  it("never keeps an answer that depends on its caller: a partner's view of a profile is not served to anonymous callers or to another partner", async () => {
    const partner = await ask<{ person: { bio: string | null } }>(PROFILE, { id: person }, partnerKey);
    expect(partner).toMatchObject({ cache: 'MISS', data: { person: { id: person, bio: `Bio ${tag}` } } });
    expect(partner.errors).toBeUndefined();
    expect(partner.maxAge).toBeUndefined(); // not kept
    // asked again: computed again, never stored
    expect(await ask(PROFILE, { id: person }, partnerKey)).toMatchObject({ cache: 'MISS', data: { person: { bio: `Bio ${tag}` } } });
    const anonymous = await ask<{ person: { bio: string | null } | null }>(PROFILE, { id: person });
    expect(anonymous.cache).toBe('MISS');
    expect(anonymous.data?.person?.bio ?? null).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain(`Bio ${tag}`);
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    // another partner may read partners' profiles too, from its own computation
    expect(await ask(PROFILE, { id: person }, otherPartnerKey)).toMatchObject({ cache: 'MISS', data: { person: { bio: `Bio ${tag}` } } });
  });
});

describe("response cache: the subgraphs' @cacheControl hints", () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const city = `Hinted City ${tag}`;
  let organization: string;
  let person: string;

  beforeAll(async () => {
    const create = async (name: string) =>
      (
        await must<{ createOrganization: { organization: { id: string } } }>(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
          { input: { name, kind: 'NGO', city } },
        )
      ).createOrganization.organization.id;
    organization = await create(`Hinted Org ${tag}`);
    const funder = await create(`Hinted Funder ${tag}`);
    await must(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
      input: {
        title: `Hinted grant ${tag}`,
        amountAwarded: { amount: '1000.00', currency: 'CNY' },
        recipientOrganizationId: organization,
        fundingOrganizationId: funder,
        awardDate: '2024-03-01',
      },
    });
    await must(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`, {
      input: { title: `Hinted course ${tag}`, kind: 'WORKSHOP', offeredByIds: [organization], startsOn: '2030-01-01', endsOn: '2030-01-02', capacity: 10 },
    });
    await must(`mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id } } }`, {
      input: { organizationId: organization, title: `Hinted posting ${tag}`, kind: 'FULL_TIME', city },
    });
    person = (
      await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: { name: `Hinted Person ${tag}`, city, visibility: 'PUBLIC' },
      })
    ).createPerson.person.id;
    // the fixtures' events reach the gateway a moment after their mutations: wait until a second passes without one
    const probe = ['query Settled($id: ID!) { organization(id: $id) { id } }', { id: organization }] as const;
    for (const started = Date.now(); Date.now() - started < 15_000;) {
      await ask(...probe);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      if ((await ask(...probe)).cache === 'HIT') break;
    }
  }, 30_000);

  it('keeps an answer for the least max-age of what it selected: directory 300 s, people 60 s, job postings 30 s, counts and the sector map 10 s', async () => {
    const cases: [string, Record<string, unknown>, number][] = [
      // organizations, with value types (registration, provenance) that inherit its max-age
      ['query H1($id: ID!) { organization(id: $id) { id name registration { status } provenance { kind } } }', { id: organization }, 300],
      ['query H2($city: String!) { organizations(filter: { city: $city }) { nodes { id name } pageInfo { hasNextPage } } }', { city }, 300],
      // grants and courses from two other subgraphs, through the organization
      ['query H3($id: ID!) { organization(id: $id) { id grantsReceived { nodes { title amountAwarded { amount } } } } }', { id: organization }, 300],
      ['query H4($id: ID!) { organization(id: $id) { id coursesOffered { nodes { title } } } }', { id: organization }, 300],
      ['query H5($id: ID!) { organization(id: $id) { id name openPositions { nodes { title } } } }', { id: organization }, 30],
      ['query H6($id: ID!) { person(id: $id) { id name } }', { id: person }, 60],
      // one count makes the whole answer as short-lived as the count
      ['query H7($id: ID!) { organization(id: $id) { id grantsReceived { totalCount nodes { title } } } }', { id: organization }, 10],
      ['query H8($id: ID!) { organization(id: $id) { id coursesOffered { nodes { title enrolledCount } } } }', { id: organization }, 10],
      ['query H9($city: String!) { sectorMap(filter: { city: $city }) { organizationCount } }', { city }, 10],
    ];
    for (const [query, variables, maxAge] of cases) {
      const answer = await ask(query, variables);
      expect(answer.errors).toBeUndefined();
      expect({ query, cache: answer.cache, maxAge: answer.maxAge }).toEqual({ query, cache: 'MISS', maxAge });
      expect({ query, ...(await ask(query, variables)) }).toEqual({ query, ...answer, cache: 'HIT' });
    }
  });

  it('serves an answer from the cache until its max-age has passed, and not after', async () => {
    const SHORT = 'query Short($city: String!) { sectorMap(filter: { city: $city }) { organizationCount byKind { key count } } }';
    const LONG = 'query Long($city: String!) { organizations(filter: { city: $city }) { nodes { id name } } }';
    // the earlier tests' events in first, so that none lands in the measured 10 s
    await untilCached('query Settle($city: String!) { organizations(filter: { city: $city }) { totalCount } }', { city });
    const short = await ask(SHORT, { city });
    const long = await ask(LONG, { city });
    expect([short.cache, short.maxAge, long.cache, long.maxAge]).toEqual(['MISS', 10, 'MISS', 300]);
    const stored = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await ask(SHORT, { city })).cache).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, stored + 10_500 - Date.now()));
    expect(await ask(SHORT, { city })).toEqual({ ...short, cache: 'MISS' });
    // no change came between: the longer-lived answer is still served
    expect(await ask(LONG, { city })).toEqual({ ...long, cache: 'HIT' });
  }, 30_000);
});

describe('response cache across supergraphs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ngohub-cache-supergraph-'));
  const path = join(dir, 'supergraph.graphql');
  const SUPERGRAPH = join(__dirname, '..', 'schema', 'supergraph.graphql');
  let gateway: ChildService;
  let organization: string;

  beforeAll(async () => {
    copyFileSync(SUPERGRAPH, path);
    gateway = await startGatewayProcess({ SUPERGRAPH_PATH: path, SUPERGRAPH_POLL_MS: '100', DATABASE_URL: process.env.TEST_DATABASE_URL! });
    organization = (
      await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
        { input: { name: `Supergraph Cache Org ${Math.random().toString(36).slice(2, 8)}`, kind: 'NGO' } },
      )
    ).createOrganization.organization.id;
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not serve an answer computed under the supergraph it replaced', async () => {
    const query = 'query AcrossSupergraphs($id: ID!) { organization(id: $id) { id name } }';
    const description = async () =>
      (await ask<{ __type: { description: string } }>('{ __type(name: "Organization") { description } }', {}, {}, gateway.url)).data?.__type.description ?? '';
    const before = await description();
    // cached under the supergraph it was computed with (once the fixture's event is in)
    const first = await untilCached(query, { id: organization }, gateway.url);
    // a new composition: the same graph with Organization described otherwise, published as a deployment does
    const sdl = readFileSync(SUPERGRAPH, 'utf8');
    expect(sdl).toContain(before);
    writeFileSync(`${path}.next`, sdl.replace(before, `${before} (republished)`));
    renameSync(`${path}.next`, path);
    for (const started = Date.now(); Date.now() - started < 10_000 && (await description()) === before;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await description()).toBe(`${before} (republished)`);
    expect(await ask(query, { id: organization }, {}, gateway.url)).toEqual({ ...first, cache: 'MISS' });
    expect(await ask(query, { id: organization }, {}, gateway.url)).toEqual({ ...first, cache: 'HIT' });
  }, 30_000);
});
