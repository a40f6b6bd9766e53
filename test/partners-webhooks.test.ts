import type { ChildService } from '@ngo-hub/kit/processes';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { gql, must } from './setup/hub';
import { adminHeaders, apiKeyHeaders, userHeaders } from './setup/identities';
import { startGatewayProcess } from './setup/gateway-process';
import { eventually } from './setup/eventually';

/** What a receiver got: one POST. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

interface Body {
  type: string;
  timestamp: string;
  data: { eventId: string; kind: string; organization: { id: string; name: string } | null; enrollment: { id: string; course: { id: string } } | null };
}

/**
 * A partner's endpoint on this machine: every POST to /<path> is recorded and answered with what
 * `answer` says for it (204 unless told otherwise).
 */
class Receiver {
  readonly received = new Map<string, Received[]>();
  private readonly answers = new Map<string, (count: number) => number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const list = this.received.get(path) ?? [];
        const status = this.answers.get(path)?.(list.length + 1) ?? 204;
        list.push({ headers: req.headers, body, status });
        this.received.set(path, list);
        res.writeHead(status).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://localhost:${(this.server.address() as AddressInfo).port}`;
  }

  /** A fresh path on this receiver, answering the n-th request (from 1) with `answer(n)`. */
  endpoint(answer?: (n: number) => number): { path: string; url: string } {
    const path = `/hooks/${randomUUID()}`;
    if (answer) this.answers.set(path, answer);
    return { path, url: `${this.url}${path}` };
  }

  all(path: string): Received[] {
    return this.received.get(path) ?? [];
  }

  /** The accepted requests' bodies, the first of each webhook-id, in arrival order. */
  accepted(path: string): Body[] {
    const seen = new Set<string>();
    const bodies: Body[] = [];
    for (const r of this.all(path)) {
      const id = String(r.headers['webhook-id']);
      if (r.status >= 300 || seen.has(id)) continue;
      seen.add(id);
      bodies.push(JSON.parse(r.body) as Body);
    }
    return bodies;
  }

  async waitFor(path: string, done: (requests: Received[]) => boolean, timeoutMs = 20_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.all(path))) {
      if (Date.now() > deadline)
        throw new Error(
          `the receiver at ${path} got ${this.all(path).length} requests: ${JSON.stringify(this.all(path).map((r) => [r.status, r.body.slice(0, 120)]))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.all(path);
  }

  async waitForAccepted(path: string, count: number, timeoutMs?: number): Promise<Body[]> {
    await this.waitFor(path, () => this.accepted(path).length >= count, timeoutMs);
    return this.accepted(path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url topics status enabled filter { city } } } }`;
const DELIVERIES = `query($id: ID!) { webhook(id: $id) { status statusReason lastEventId deliveries(first: 20) { totalCount nodes { id eventId status attempts lastStatusCode lastError redelivery nextAttemptAt deliveredAt } } } }`;

type Delivery = { id: string; eventId: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; redelivery: boolean };
type WebhookState = {
  webhook: { status: string; statusReason: string | null; lastEventId: string | null; deliveries: { totalCount: number; nodes: Delivery[] } };
};

async function createOrganization(name: string, city: string): Promise<string> {
  const data = await must<{ createOrganization: { organization: { id: string } } }>(CREATE_ORGANIZATION, { input: { name, kind: 'NGO', city } });
  return data.createOrganization.organization.id;
}

async function apiKey(organizationId: string, role: 'ADMIN' | 'EDITOR'): Promise<Record<string, string>> {
  const data = await must<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
    input: { organizationId, name: `webhooks ${role}`, role },
  });
  return apiKeyHeaders(data.createApiKey.key);
}

/** A partner organization with an admin's and an editor's API key. */
async function partner(name: string): Promise<{ id: string; admin: Record<string, string>; editor: Record<string, string> }> {
  const id = await createOrganization(name, 'Chengdu');
  return { id, admin: await apiKey(id, 'ADMIN'), editor: await apiKey(id, 'EDITOR') };
}

async function createWebhook(headers: Record<string, string>, input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const data = await must<{ createWebhook: { secret: string; webhook: { id: string } } }>(CREATE_WEBHOOK, { input }, headers);
  return { id: data.createWebhook.webhook.id, secret: data.createWebhook.secret };
}

/**
 * The webhook's state once `done` holds: the deliverer records an attempt after the endpoint's
 * answer is in, so what the receiver saw is not yet in the database at that moment.
 */
const stateWhen = (id: string, headers: Record<string, string>, done: (state: WebhookState) => boolean): Promise<WebhookState> =>
  eventually(async () => {
    const state = await must<WebhookState>(DELIVERIES, { id }, headers);
    return done(state) ? state : undefined;
  }, 10_000);

const city = (label: string) => `Hook${label}${randomUUID().slice(0, 8)}`;
const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

describe("webhooks: partners receive the hub's events as signed POSTs", () => {
  const receiver = new Receiver();
  let gateway: ChildService;
  let standby: ChildService | undefined;
  const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, EVENT_POLL_MS: '100', WEBHOOK_RETRY_SCHEDULE: '300,300,300', WEBHOOK_DELIVERY: 'on' };

  beforeAll(async () => {
    await receiver.start();
    gateway = await startGatewayProcess(env);
  });

  afterAll(async () => {
    if (standby && standby.child.exitCode === null && standby.child.signalCode === null) await standby.stop();
    await gateway?.stop();
    await receiver.stop();
  });

  it("lets only the organization's admins register a webhook and read its deliveries; bad input gets a code", async () => {
    const owner = await partner('Webhook Owner Society');
    const other = await partner('Webhook Bystander Society');
    const { url } = receiver.endpoint();
    const input = { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'] };

    expect(codes((await gql(CREATE_WEBHOOK, { input })).errors)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await gql(CREATE_WEBHOOK, { input }, owner.editor)).errors)).toEqual(['FORBIDDEN']);
    expect(codes((await gql(CREATE_WEBHOOK, { input }, other.admin)).errors)).toEqual(['FORBIDDEN']);

    const created = await must<{ createWebhook: { secret: string; webhook: { id: string; url: string; topics: string[]; status: string; enabled: boolean } } }>(
      CREATE_WEBHOOK,
      { input },
      owner.admin,
    );
    expect(created.createWebhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.createWebhook.webhook).toMatchObject({ url, topics: ['ORGANIZATION_CHANGED'], status: 'ACTIVE', enabled: true });
    const id = created.createWebhook.webhook.id;

    const list = `query($id: ID!) { organization(id: $id) { webhooks { id deliveries { totalCount } } } }`;
    const asAdmin = await gql<{ organization: { webhooks: { id: string }[] } }>(list, { id: owner.id }, owner.admin);
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.organization.webhooks.map((w) => w.id)).toEqual([id]);
    for (const headers of [owner.editor, other.admin]) {
      const refused = await gql<{ organization: { webhooks: unknown } }>(list, { id: owner.id }, headers);
      expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
      expect(refused.data!.organization.webhooks).toBeNull();
      expect(codes((await gql(DELIVERIES, { id }, headers)).errors)).toEqual(['FORBIDDEN']);
      expect(codes((await gql(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id }, headers)).errors)).toEqual(['FORBIDDEN']);
      expect(codes((await gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id }, headers)).errors)).toEqual(['FORBIDDEN']);
    }

    const bad = async (change: Record<string, unknown>) => {
      const { errors } = await gql(CREATE_WEBHOOK, { input: { ...input, ...change } }, owner.admin);
      return errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    };
    expect(await bad({ url: 'ftp://example.org/hook' })).toEqual([['BAD_USER_INPUT', 'url']]);
    expect(await bad({ url: 'http://example.org/hook' })).toEqual([['BAD_USER_INPUT', 'url']]); // http only for localhost
    expect(await bad({ url: 'https://user:pass@example.org/hook' })).toEqual([['BAD_USER_INPUT', 'url']]);
    expect(await bad({ topics: [] })).toEqual([['BAD_USER_INPUT', 'topics']]);
    expect(await bad({ filter: { funder: owner.id } })).toEqual([['BAD_USER_INPUT', 'filter.funder']]);
    expect(await bad({ topics: ['GRANT_AWARDED'], filter: { minAmount: { amount: 'lots', currency: 'CNY' } } })).toEqual([
      ['BAD_USER_INPUT', 'filter.minAmount.amount'],
    ]);
    expect(await bad({ organizationId: randomUUID() })).toEqual([['FORBIDDEN', undefined]]); // not its organization: existence is not revealed
    const missing = await gql(CREATE_WEBHOOK, { input: { ...input, organizationId: randomUUID() } }, adminHeaders());
    expect(missing.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'organizationId']]);
    expect(codes((await gql(DELIVERIES, { id: randomUUID() }, owner.admin)).errors)).toEqual(['NOT_FOUND']);
    expect(codes((await gql(`mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { delivery { id } } }`, { id: 'nope' }, owner.admin)).errors)).toEqual(
      ['NOT_FOUND'],
    );

    const deleted = await must<{ deleteWebhook: { id: string } }>(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id }, owner.admin);
    expect(deleted.deleteWebhook.id).toBe(id);
    expect(codes((await gql(DELIVERIES, { id }, owner.admin)).errors)).toEqual(['NOT_FOUND']);
  });

  it("signs each delivery so standardwebhooks' Webhook.verify accepts it, with both secrets after a rotation; the webhook-id is the event id", async () => {
    const owner = await partner('Signed Deliveries Society');
    const town = city('Signed');
    const { path, url } = receiver.endpoint();
    const { id, secret } = await createWebhook(owner.admin, { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'], filter: { city: town } });
    await createOrganization('Signed Event Club', town);
    await createOrganization('Unrelated Club', city('Elsewhere'));

    const [request] = await receiver.waitFor(path, (r) => r.length >= 1);
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request!.headers[name])]));
    expect(request!.headers['content-type']).toBe('application/json');
    const verified = new Webhook(secret).verify(request!.body, headers) as Body;
    expect(verified).toMatchObject({ type: 'ORGANIZATION_CHANGED', data: { kind: 'ORGANIZATION_CHANGED', organization: { name: 'Signed Event Club' } } });
    expect(headers['webhook-id']).toBe(verified.data.eventId);
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    // a changed body, or another secret, does not verify
    expect(() => new Webhook(secret).verify(request!.body.replace('Signed Event Club', 'Forged Club'), headers)).toThrow();
    expect(() => new Webhook('whsec_' + Buffer.from('another secret of 24 b!!').toString('base64')).verify(request!.body, headers)).toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.all(path)).toHaveLength(1); // the other city's event is not sent

    // after a rotation, deliveries carry a signature with each secret for a while: the receiver switches without a gap
    const rotated = await must<{ rotateWebhookSecret: { secret: string } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id },
      owner.admin,
    );
    const fresh = rotated.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(secret);
    await createOrganization('Rotated Event Club', town);
    const [, next] = await receiver.waitFor(path, (r) => r.length >= 2);
    expect(String(next!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const key of [fresh, secret])
      expect(new Webhook(key).verify(next!.body, next!.headers as Record<string, string>)).toMatchObject({
        data: { organization: { name: 'Rotated Event Club' } },
      });
  });

  it('retries after 500s with the same webhook-id and body, then delivers; the admin sees the attempts and can redeliver', async () => {
    const owner = await partner('Flaky Endpoint Society');
    const town = city('Flaky');
    const { path, url } = receiver.endpoint((n) => (n <= 2 ? 500 : 200));
    const { id, secret } = await createWebhook(owner.admin, { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'], filter: { city: town } });
    await createOrganization('Flaky Event Club', town);

    const requests = await receiver.waitFor(path, (r) => r.some((x) => x.status === 200));
    expect(requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const r of requests) expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();

    let state = await stateWhen(id, owner.admin, (s) => s.webhook.deliveries.nodes[0]?.status === 'SUCCEEDED');
    expect(state.webhook.deliveries.nodes).toEqual([
      expect.objectContaining({
        eventId: requests[0]!.headers['webhook-id'],
        status: 'SUCCEEDED',
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
        redelivery: false,
      }),
    ]);
    expect(state.webhook.lastEventId).toBe(requests[0]!.headers['webhook-id']);

    const again = await must<{ redeliverWebhookEvent: { delivery: { id: string; redelivery: boolean; status: string } } }>(
      `mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { delivery { id redelivery status } } }`,
      { id: state.webhook.deliveries.nodes[0]!.id },
      owner.admin,
    );
    expect(again.redeliverWebhookEvent.delivery).toMatchObject({ redelivery: true, status: 'PENDING' });
    const all = await receiver.waitFor(path, (r) => r.length >= 4);
    expect(all[3]!.headers['webhook-id']).toBe(requests[0]!.headers['webhook-id']);
    expect(all[3]!.body).toBe(requests[0]!.body);
    await receiver.waitFor(path, () => true);
    state = await must<WebhookState>(DELIVERIES, { id }, owner.admin);
    expect(state.webhook.deliveries.totalCount).toBe(2);
  });

  it('stops an endpoint that fails through the whole schedule (FAILING), holds later events, and resumes when enabled again', async () => {
    const owner = await partner('Broken Endpoint Society');
    const town = city('Broken');
    let healthy = false;
    const { path, url } = receiver.endpoint(() => (healthy ? 204 : 500));
    const { id } = await createWebhook(owner.admin, { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'], filter: { city: town } });
    await createOrganization('Broken 1', town);
    await receiver.waitFor(path, (r) => r.length >= 4); // the first attempt and three retries
    const state = await stateWhen(id, owner.admin, (s) => s.webhook.status === 'FAILING');
    expect(state.webhook.status).toBe('FAILING');
    expect(state.webhook.statusReason).toMatch(/failed 4 attempts.*500/);
    expect(state.webhook.deliveries.nodes).toEqual([
      expect.objectContaining({ status: 'FAILED', attempts: 4, lastStatusCode: 500, lastError: 'the endpoint answered 500' }),
    ]);

    await createOrganization('Broken 2', town); // held while FAILING
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.all(path)).toHaveLength(4);

    healthy = true;
    await must(`mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { webhook { status } } }`, { id }, owner.admin);
    const bodies = await receiver.waitForAccepted(path, 1);
    expect(bodies.map((b) => b.data.organization!.name)).toEqual(['Broken 2']);
    const failed = state.webhook.deliveries.nodes[0]!;
    await must(`mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { delivery { id } } }`, { id: failed.id }, owner.admin);
    expect((await receiver.waitForAccepted(path, 2)).map((b) => b.data.organization!.name)).toEqual(['Broken 2', 'Broken 1']);
  });

  it('pauses an endpoint at once when it answers 410 Gone', async () => {
    const owner = await partner('Gone Endpoint Society');
    const town = city('Gone');
    const { path, url } = receiver.endpoint(() => 410);
    const { id } = await createWebhook(owner.admin, { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'], filter: { city: town } });
    await createOrganization('Gone 1', town);
    await receiver.waitFor(path, (r) => r.length >= 1);
    const state = await stateWhen(id, owner.admin, (s) => s.webhook.status === 'FAILING');
    expect(state.webhook).toMatchObject({ status: 'FAILING', statusReason: expect.stringMatching(/410 Gone/) });
    expect(state.webhook.deliveries.nodes).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 1, lastStatusCode: 410 })]);
    await new Promise((resolve) => setTimeout(resolve, 800)); // longer than the whole test schedule: no retry
    expect(receiver.all(path)).toHaveLength(1);
  });

  it("sends an organization only the events it may read: enrollments in its own courses, not another organization's", async () => {
    const school = await partner('Webhook Training School');
    const rival = await partner('Rival Training School');
    const course = async (offeredBy: string) =>
      (
        await must<{ createCourse: { course: { id: string } } }>(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`, {
          input: { title: 'Webhook workshop', kind: 'WORKSHOP', offeredByIds: [offeredBy], startsOn: '2030-03-01', endsOn: '2030-03-02', capacity: 5 },
        })
      ).createCourse.course.id;
    const own = await course(school.id);
    const theirs = await course(rival.id);
    const person = await must<{ createPerson: { person: { id: string } } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      { input: { name: 'Webhook Student' } },
    );
    const personId = person.createPerson.person.id;
    const { path, url } = receiver.endpoint();
    await createWebhook(school.admin, { organizationId: school.id, url, topics: ['ENROLLMENT_CHANGED'] });

    const enroll = async (courseId: string) =>
      must(
        `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
        { input: { courseId, personId } },
        await userHeaders(personId),
      );
    await enroll(theirs);
    await enroll(own);
    const [body] = await receiver.waitForAccepted(path, 1);
    expect(body).toMatchObject({ type: 'ENROLLMENT_CHANGED', data: { enrollment: { course: { id: own } } } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.all(path)).toHaveLength(1);
    expect(JSON.stringify(receiver.all(path))).not.toContain(theirs);
  });

  it('delivers every event once, in order, with a standby instance, across a crash and a restart', async () => {
    const owner = await partner('Restart Proof Society');
    const town = city('Restart');
    const { path, url } = receiver.endpoint();
    await createWebhook(owner.admin, { organizationId: owner.id, url, topics: ['ORGANIZATION_CHANGED'], filter: { city: town } });
    const names = Array.from({ length: 18 }, (_, i) => `Restart ${String(i + 1).padStart(2, '0')}`);
    const create = async (from: number, to: number) => {
      for (const name of names.slice(from, to)) await createOrganization(name, town);
    };
    // a second instance waits for the deliverer's lock while the first delivers
    standby = await startGatewayProcess(env);
    await create(0, 5);
    await receiver.waitForAccepted(path, 2);
    const killed = once(gateway.child, 'exit');
    gateway.child.kill('SIGKILL'); // no goodbye: an attempt may be in flight; the standby takes over
    await killed;
    await create(5, 10);
    await receiver.waitForAccepted(path, 7);
    const stopped = once(standby.child, 'exit');
    standby.child.kill('SIGTERM'); // a clean stop, with events still to send
    await stopped;
    await create(10, 14); // committed while no deliverer runs
    gateway = await startGatewayProcess(env);
    await create(14, 18);

    const bodies = await receiver.waitForAccepted(path, names.length, 30_000);
    expect(bodies.map((b) => b.data.organization!.name)).toEqual(names);
    const ids = bodies.map((b) => Number(b.data.eventId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // a repeat (an attempt in flight at the kill) carries the same id and the same bytes: receivers deduplicate by webhook-id
    const byId = new Map<string, string>();
    for (const r of receiver.all(path)) {
      const id = String(r.headers['webhook-id']);
      expect(byId.get(id) ?? r.body).toBe(r.body);
      byId.set(id, r.body);
    }
    expect(byId.size).toBe(names.length);
  });
});
