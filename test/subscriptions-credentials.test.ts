import type { ChildService } from '@ngo-hub/kit/processes';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { startGatewayProcess } from './setup/gateway-process';
import { must } from './setup/hub';
import { userJwt } from './setup/identities';
import { liveClient, socketUrl, Subscription } from './setup/live';

/** This gateway reuses a resolved key or membership list for 1 s: what a socket may do follows within it. */
const IDENTITY_CACHE_MS = 1000;
const settle = () => new Promise((resolve) => setTimeout(resolve, IDENTITY_CACHE_MS + 300));

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; closed?: number };

/** Sends one query or mutation over the socket: its result, its errors, or the close code that ended it. */
function run(client: Client, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  return new Promise((resolve) => {
    let result: Answer = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => void (result = value as Answer),
        error: (error) => resolve(Array.isArray(error) ? { errors: error } : { closed: (error as { code?: number }).code }),
        complete: () => resolve(result),
      },
    );
  });
}

/** A socket that records how it was closed. */
function socket(gateway: ChildService, connectionParams: Record<string, unknown>): { client: Client; closes: { code: number; reason: string; at: number }[] } {
  const closes: { code: number; reason: string; at: number }[] = [];
  const client = liveClient({
    url: socketUrl(gateway.url),
    connectionParams,
    on: { closed: (event) => void closes.push({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason, at: Date.now() }) },
  });
  return { client, closes };
}

async function closedWith(closes: { code: number }[], code: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!closes.some((close) => close.code === code)) {
    if (Date.now() > deadline) throw new Error(`socket not closed with ${code} within ${timeoutMs} ms: ${JSON.stringify(closes)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Changed = { organizationChanged: { organization: { id: string; website: string | null; apiKeys: { id: string }[] | null } } };

/** Waits for the event that carries `website` (other changes to the organization may come between). */
async function eventWith(subscription: Subscription<Changed>, website: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = subscription.results.find((r) => r.data?.organizationChanged.organization.website === website);
    if (found) return found;
    if (subscription.completed || Date.now() > deadline)
      throw new Error(`no event with ${website}: ${JSON.stringify(subscription.results)} ${JSON.stringify(subscription.error ?? null)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
const UPDATE = `mutation($id: ID!, $website: String) { updateOrganization(id: $id, input: { website: $website }) { organization { website } } }`;
const CREATE_KEY = `mutation($id: ID!) { createApiKey(input: { organizationId: $id, name: "made over a socket" }) { key } }`;
const WATCH = `subscription($city: String!) { organizationChanged(filter: { city: $city }) { organization { id website apiKeys { id } } } }`;
const KEYS = `query($id: ID!) { organization(id: $id) { apiKeys { id } } }`;

async function organizationIn(city: string): Promise<string> {
  const created = await must<{ createOrganization: { organization: { id: string } } }>(CREATE_ORGANIZATION, {
    input: { name: `Credentials ${city}`, kind: 'NGO', city },
  });
  return created.createOrganization.organization.id;
}

describe("an open socket follows its caller's current rights, not those it connected with", () => {
  let gateway: ChildService;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, IDENTITY_CACHE_MS: String(IDENTITY_CACHE_MS), EVENT_POLL_MS: '200' });
  });
  afterAll(() => gateway?.stop());

  it('a revoked API key: operations on the open socket are refused as UNAUTHENTICATED, the socket is closed with 4403, and nothing was written', async () => {
    const city = `Revokeville ${randomUUID().slice(0, 8)}`;
    const organizationId = await organizationIn(city);
    const made = await must<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation($id: ID!) { createApiKey(input: { organizationId: $id, name: "socket key", role: ADMIN }) { key apiKey { id } } }`,
      { id: organizationId },
    );
    const { client, closes } = socket(gateway, { 'x-api-key': made.createApiKey.key });
    const before = await run(client, UPDATE, { id: organizationId, website: 'https://before-revocation.example.org/' });
    expect(before.errors).toBeUndefined();
    const events = new Subscription<Changed>(client, WATCH, { city });
    await events.ready('organizationChanged', 1, gateway.url);

    await must(`mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } } }`, { id: made.createApiKey.apiKey.id });
    await settle();
    const keysBefore = (await must<{ organization: { apiKeys: unknown[] } }>(KEYS, { id: organizationId })).organization.apiKeys.length;

    const after = await run(client, CREATE_KEY, { id: organizationId });
    expect(after.data ?? null).toBeNull();
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/revoked/) });
    await closedWith(closes, 4403);
    expect(closes.find((close) => close.code === 4403)!.reason).toMatch(/revoked/);
    expect(events.completed).toBe(true);
    expect((await must<{ organization: { apiKeys: unknown[] } }>(KEYS, { id: organizationId })).organization.apiKeys).toHaveLength(keysBefore);
    await client.dispose();
  });

  it("a removed membership: events stop carrying the organization's admin-only fields, and its mutations are FORBIDDEN on the open socket", async () => {
    const city = `Leaveville ${randomUUID().slice(0, 8)}`;
    const organizationId = await organizationIn(city);
    const person = await must<{ createPerson: { person: { id: string } } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      {
        input: { name: 'Departing Admin' },
      },
    );
    const personId = person.createPerson.person.id;
    const membership = { organizationId, personId };
    await must(`mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { __typename } }`, {
      input: { ...membership, role: 'ADMIN' },
    });
    await must(`mutation($id: ID!) { createApiKey(input: { organizationId: $id, name: "visible to admins" }) { key } }`, { id: organizationId });

    const { client, closes } = socket(gateway, { authorization: `Bearer ${await userJwt(personId)}` });
    const events = new Subscription<Changed>(client, WATCH, { city });
    await events.ready('organizationChanged', 1, gateway.url);
    const asMember = await run(client, UPDATE, { id: organizationId, website: 'https://while-a-member.example.org/' });
    expect(asMember.errors).toBeUndefined();
    const visible = await eventWith(events, 'https://while-a-member.example.org/');
    expect(visible.errors).toBeUndefined();
    expect(visible.data!.organizationChanged.organization.apiKeys).toHaveLength(1);

    await must(`mutation($input: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $input) { __typename } }`, { input: membership });
    await settle();

    const refused = await run(client, UPDATE, { id: organizationId, website: 'https://after-removal.example.org/' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await must(UPDATE, { id: organizationId, website: 'https://changed-by-the-hub.example.org/' });
    const hidden = await eventWith(events, 'https://changed-by-the-hub.example.org/');
    expect(hidden.data!.organizationChanged.organization.apiKeys).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // still a valid user: the socket stays open
    expect(closes).toEqual([]);
    expect(
      (await must<{ organization: { website: string } }>(`query($id: ID!) { organization(id: $id) { website } }`, { id: organizationId })).organization.website,
    ).toBe('https://changed-by-the-hub.example.org/');
    await client.dispose();
  });

  it("an expired JWT: the socket is closed with 4403 at the token's exp, not before", async () => {
    const city = `Expireville ${randomUUID().slice(0, 8)}`;
    const organizationId = await organizationIn(city);
    const person = await must<{ createPerson: { person: { id: string } } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      {
        input: { name: 'Short Session' },
      },
    );
    await must(`mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { __typename } }`, {
      input: { organizationId, personId: person.createPerson.person.id, role: 'ADMIN' },
    });
    const token = await userJwt(person.createPerson.person.id, { expiresIn: '3s' });
    const expiresAt = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp * 1000;
    const { client, closes } = socket(gateway, { authorization: `Bearer ${token}` });
    const events = new Subscription<Changed>(client, WATCH, { city });
    await events.ready('organizationChanged', 1, gateway.url);
    expect((await run(client, UPDATE, { id: organizationId, website: 'https://before-expiry.example.org/' })).errors).toBeUndefined();

    await closedWith(closes, 4403, 6000);
    const close = closes.find((c) => c.code === 4403)!;
    expect(close.reason).toMatch(/expired/);
    expect(close.at).toBeGreaterThanOrEqual(expiresAt);
    expect(close.at).toBeLessThan(expiresAt + 1500);
    expect(events.completed).toBe(true);
    // reconnecting with the same token is refused
    const again = socket(gateway, { authorization: `Bearer ${token}` });
    expect((await run(again.client, UPDATE, { id: organizationId, website: 'https://after-expiry.example.org/' })).closed).toBe(4403);
    expect(
      (await must<{ organization: { website: string } }>(`query($id: ID!) { organization(id: $id) { website } }`, { id: organizationId })).organization.website,
    ).toBe('https://before-expiry.example.org/');
    await Promise.all([client.dispose(), again.client.dispose()]);
  });
});

describe("a caller's own write on an open socket (the shared hub's gateway, IDENTITY_CACHE_MS at its default of 5 s)", () => {
  it('lets a person who created an organization over the socket create its API key with the next operation, and no one else', async () => {
    const person = async (name: string) =>
      (
        await must<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
          input: { name },
        })
      ).createPerson.person.id;
    const [creator, stranger] = await Promise.all([person('Socket Founder'), person('Socket Stranger')]);
    const founder = liveClient({ connectionParams: { authorization: `Bearer ${await userJwt(creator)}` } });
    const other = liveClient({ connectionParams: { authorization: `Bearer ${await userJwt(stranger)}` } });
    try {
      // the stranger's rights are resolved (and cached) first, so their own write below is what would refresh them
      expect((await run(other, KEYS, { id: randomUUID() })).errors).toBeUndefined();
      const created = await run(founder, CREATE_ORGANIZATION, { input: { name: `Socket Founded ${randomUUID().slice(0, 8)}`, kind: 'NGO', city: 'Chengdu' } });
      expect(created.errors).toBeUndefined();
      const organizationId = (created.data as { createOrganization: { organization: { id: string } } }).createOrganization.organization.id;

      const key = await run(founder, CREATE_KEY, { id: organizationId });
      expect(key.errors).toBeUndefined();
      expect(key.data).toEqual({ createApiKey: { key: expect.stringMatching(/^ngo_/) } });
      // a write of the stranger's own refreshes only their rights, which hold nothing for this organization
      expect(
        (await run(other, CREATE_ORGANIZATION, { input: { name: `Stranger Org ${randomUUID().slice(0, 8)}`, kind: 'NGO', city: 'Chengdu' } })).errors,
      ).toBeUndefined();
      expect((await run(other, CREATE_KEY, { id: organizationId })).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      await Promise.all([founder.dispose(), other.dispose()]);
    }
  });
});
