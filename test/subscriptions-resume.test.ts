import { ensureEventLog } from '@ngo-hub/gateway/dist/subscriptions/event-log';
import type { ChildService } from '@ngo-hub/kit/processes';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';
import type { Client } from 'graphql-ws';
import { Pool } from 'pg';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayCounter, liveClient, socketUrl, Subscription } from './setup/live';

type Changed = { organizationChanged: { eventId: string; organization: { name: string } } };
const CHANGED = `subscription($since: ID) { organizationChanged(filter: { city: "Resumeburg" }, since: $since) { eventId organization { name } } }`;

async function organization(name: string): Promise<void> {
  const { errors } = await gql(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, kind: 'NGO', city: 'Resumeburg' } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
}

/** What a gateway holds for its subscribers: stream listeners and open subscriptions. */
async function attached(url: string): Promise<{ listeners: number; active: number }> {
  return { listeners: await gatewayCounter('ngohub_event_stream_listeners', url), active: await gatewayCounter('ngohub_subscriptions_active', url) };
}

/** Waits (up to 5 s: closing is asynchronous) until the gateway holds `expected`; returns what it holds. */
async function settled(url: string, expected: { listeners: number; active: number }): Promise<{ listeners: number; active: number }> {
  const deadline = Date.now() + 5000;
  let now = await attached(url);
  while ((now.listeners !== expected.listeners || now.active !== expected.active) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = await attached(url);
  }
  return now;
}

describe('resume ids over graphql-ws', () => {
  // a gateway of its own, so that its metrics count only this file's subscriptions
  let gateway: ChildService;
  let clients: Client[] = [];
  const client = (connectionParams?: Record<string, unknown>) => {
    const c = liveClient({ url: socketUrl(gateway.url), connectionParams });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, EVENT_POLL_MS: '200' });
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    clients = [];
  });
  afterAll(() => gateway.stop());

  it('refuses a malformed resume id, in `since` or in connectionParams, with BAD_USER_INPUT', async () => {
    for (const since of ['abc', '', '-3', '01', '1.5', '99999999999999999999']) {
      const error = await new Subscription(client(), CHANGED, { since }).firstError();
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(error.message).toContain('is not an event id');
    }
    for (const lastEventId of ['abc', '', '-3', -3, 1.5, { id: 1 }, true]) {
      const error = await new Subscription(client({ lastEventId }), CHANGED).firstError();
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'connectionParams.lastEventId' } });
    }
  });

  it('refuses an id newer than the newest event with BAD_USER_INPUT, and resumes from the newest', async () => {
    const live = new Subscription<Changed>(client(), CHANGED);
    await live.ready('organizationChanged', 1, gateway.url);
    await organization('Resumeburg Newest');
    const [seen] = await live.take(1);
    const newest = BigInt(seen!.data!.organizationChanged.eventId);
    const ahead = await new Subscription(client(), CHANGED, { since: String(newest + 1000n) }).firstError();
    expect(ahead).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(ahead.message).toMatch(/does not exist yet/);
    const fromLast = new Subscription<Changed>(client({ lastEventId: String(newest - 1n) }), CHANGED);
    const [replayed] = await fromLast.take(1);
    expect(replayed!.data!.organizationChanged).toEqual(seen!.data!.organizationChanged);
  });

  it('leaves nothing attached after 1,000 failing subscribes and closed sockets', async () => {
    // earlier tests' sockets are closed: nothing of theirs is left either
    const before = await settled(gateway.url, { listeners: 0, active: 0 });
    expect(before).toEqual({ listeners: 0, active: 0 });
    const bad: (() => Subscription)[] = [
      () => new Subscription(client({ lastEventId: 'abc' }), CHANGED),
      () => new Subscription(client({ lastEventId: '' }), CHANGED),
      () => new Subscription(client(), CHANGED, { since: '-3' }),
      () => new Subscription(client(), CHANGED, { since: '9223372036854775807' }),
    ];
    let failed = 0;
    for (let round = 0; round < 25; round += 1) {
      const subscriptions = Array.from({ length: 40 }, (_, i) => bad[i % bad.length]!());
      const errors = await Promise.all(subscriptions.map((s) => s.firstError(10_000)));
      failed += errors.filter((e) => ['BAD_USER_INPUT'].includes(String(e.extensions?.code))).length;
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
    }
    expect(failed).toBe(1000);
    // and subscriptions that were live when their socket went away
    const open = Array.from({ length: 20 }, () => new Subscription(client(), CHANGED));
    await open[0]!.ready('organizationChanged', before.active + 20, gateway.url);
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    expect(await settled(gateway.url, before)).toEqual(before);
  }, 120_000);
});

describe('a resume id older than the log keeps', () => {
  let database: TestDatabase;
  let gateway: ChildService;
  let kept: string[];

  beforeAll(async () => {
    // a log of its own: three events past retention, two within it
    database = await createTestDatabase('ngohub_expiry');
    const pool = new Pool({ connectionString: database.url });
    await ensureEventLog(pool);
    const { rows } = await pool.query<{ id: string }>(
      `insert into gateway.event (source, source_id, topic, payload, occurred_at)
       select 'organizations', n, 'ORGANIZATION_CHANGED', '{"summary":"old","refs":{},"fields":{"change":"UPDATED"}}', now() - (case when n <= 3 then interval '2 hours' else interval '0' end)
         from generate_series(1, 5) n order by n returning id::text`,
    );
    kept = rows.slice(3).map((r) => r.id);
    await pool.end();
    gateway = await startGatewayProcess({ DATABASE_URL: database.url, EVENT_RETENTION_HOURS: '1', EVENT_POLL_MS: '200' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.drop();
  });

  it('is refused with EVENTS_EXPIRED carrying the oldest event kept and where to resume', async () => {
    const c = liveClient({ url: socketUrl(gateway.url) });
    const query = `subscription($since: ID) { organizationChanged(since: $since) { eventId change } }`;
    let error: { message: string; extensions?: Record<string, unknown> } | undefined;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      // the relay prunes on its first round after starting
      error = await new Subscription(c, query, { since: '1' }).firstError().catch(() => undefined);
      if (error?.extensions?.code === 'EVENTS_EXPIRED') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(error).toMatchObject({ extensions: { code: 'EVENTS_EXPIRED', oldestEventId: kept[0], resumeAfter: String(BigInt(kept[0]!) - 1n) } });
    const resumed = new Subscription<{ organizationChanged: { eventId: string } }>(c, query, { since: String(error!.extensions!.resumeAfter) });
    expect((await resumed.take(2)).map((r) => r.data!.organizationChanged.eventId)).toEqual(kept);
    await c.dispose();
  });
});
