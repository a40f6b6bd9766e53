import type { ChildService } from '@ngo-hub/kit/processes';
import type { Client } from 'graphql-ws';
import { once } from 'node:events';
import { Client as PgClient } from 'pg';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { startGatewayProcess } from './setup/gateway-process';
import { liveClient, socketUrl, Subscription } from './setup/live';

const CITY = 'Multiville';
const SUBSCRIPTION = `subscription { organizationChanged(filter: { city: "${CITY}" }) { eventId organization { name } } }`;
type Changed = { organizationChanged: { eventId: string; organization: { name: string } } };

async function organization(name: string): Promise<void> {
  const { errors } = await gql(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, kind: 'NGO', city: CITY } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
}

const names = (results: { data?: Changed | null }[]) => results.map((r) => r.data!.organizationChanged.organization.name);
const ids = (results: { data?: Changed | null }[]) => results.map((r) => Number(r.data!.organizationChanged.eventId));

describe('several gateway instances on one hub', () => {
  let a: ChildService;
  let b: ChildService;
  const clients: Client[] = [];
  const client = (url: string, options: Parameters<typeof liveClient>[0] = {}) => {
    const c = liveClient({ url: socketUrl(url), ...options });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, EVENT_POLL_MS: '200' };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a, b].map((g) => g?.stop()));
  });

  it('delivers each event once to every subscriber, whichever instance it is on', async () => {
    const onA = [new Subscription<Changed>(client(a.url), SUBSCRIPTION), new Subscription<Changed>(client(a.url), SUBSCRIPTION)];
    const onB = [new Subscription<Changed>(client(b.url), SUBSCRIPTION)];
    await onA[0]!.ready('organizationChanged', 2, a.url);
    await onB[0]!.ready('organizationChanged', 1, b.url);
    const created = ['Multi 1', 'Multi 2', 'Multi 3', 'Multi 4', 'Multi 5'];
    await Promise.all(created.map(organization));
    for (const subscription of [...onA, ...onB]) {
      const results = await subscription.take(5);
      expect([...names(results)].sort()).toEqual(created);
      expect(new Set(ids(results)).size).toBe(5);
      expect([...ids(results)].sort((x, y) => x - y)).toEqual(ids(results)); // in event-id order
      await subscription.quietFor(300, 5);
    }
    // every instance saw the same events under the same ids
    expect(ids(onA[0]!.results)).toEqual(ids(onB[0]!.results));
    for (const s of [...onA, ...onB]) s.stop();
  });

  it('a client of a stopping instance gets a going-away close, resumes on another with its last event id: no gap, nothing twice', async () => {
    const closes: number[] = [];
    const onA = new Subscription<Changed>(client(a.url, { on: { closed: (event) => void closes.push((event as { code: number }).code) } }), SUBSCRIPTION);
    await onA.ready('organizationChanged', 1, a.url);
    await organization('Stream 1');
    await organization('Stream 2');
    const before = await onA.take(2);
    const lastEventId = before[1]!.data!.organizationChanged.eventId;

    const exited = once(a.child, 'exit');
    a.child.kill('SIGTERM');
    await exited;
    expect(closes).toContain(1001);
    await organization('Stream 3'); // committed while the client has no socket
    await organization('Stream 4');

    const resumed = new Subscription<Changed>(client(b.url, { connectionParams: { lastEventId } }), SUBSCRIPTION);
    const after = await resumed.take(2);
    expect(names(after)).toEqual(['Stream 3', 'Stream 4']);
    await organization('Stream 5');
    expect(names(await resumed.take(3))).toEqual(['Stream 3', 'Stream 4', 'Stream 5']);
    expect(Math.min(...ids(resumed.results))).toBeGreaterThan(Number(lastEventId));
    await resumed.quietFor(500, 3);
    resumed.stop();
  });

  it('keeps relaying when the relaying instance loses its database session or dies (another takes over)', async () => {
    const db = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    const leaderSession = async (): Promise<number | undefined> => {
      const { rows } = await db.query<{ pid: number }>(
        `select l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.granted and a.application_name = 'ngo-hub-gateway-events'`,
      );
      return rows[0]?.pid;
    };
    try {
      const onB = new Subscription<Changed>(client(b.url), SUBSCRIPTION);
      await onB.ready('organizationChanged', 1, b.url);
      const first = await leaderSession();
      expect(first).toBeDefined();
      await db.query('select pg_terminate_backend($1)', [first]);
      await organization('After the leader fell');
      expect(names(await onB.take(1, 10_000))).toEqual(['After the leader fell']);
      const second = await leaderSession();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);

      // an instance killed outright: the others go on
      const c = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, EVENT_POLL_MS: '200' });
      const exited = once(c.child, 'exit');
      c.child.kill('SIGKILL');
      await exited;
      await organization('After the crash');
      expect(names(await onB.take(2, 10_000))).toEqual(['After the leader fell', 'After the crash']);
      onB.stop();
    } finally {
      await db.end();
    }
  });
});
