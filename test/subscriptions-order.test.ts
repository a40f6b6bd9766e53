import { Client as PgClient } from 'pg';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient, Subscription } from './setup/live';

/**
 * Event ids are bigints: a subscriber gets events in id order with no gap and no repeat even when
 * the ids cross a power of ten (a text comparison would put "100000" before "99996" and lose
 * events). The log's sequence is moved just below the next power of ten, then ten changes are
 * committed over HTTP: their ids straddle it.
 */
describe('live updates: event order across a power of ten', () => {
  const client = liveClient();
  const db = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });

  beforeAll(() => db.connect());
  afterAll(async () => {
    await client.dispose();
    await db.end();
  });

  it('delivers every event once, in id order, when the ids go from 5 to 6 digits', async () => {
    // the next ids: 99,996 onwards (the run's other tests write far fewer events than that)
    const { rows } = await db.query<{ start: string }>(
      `select setval('gateway.event_id_seq', greatest(99995, (select last_value from gateway.event_id_seq)))::text as start`,
    );
    const start = rows[0]!.start;
    const subscription = new Subscription<{ organizationChanged: { eventId: string; organization: { name: string } } }>(
      client,
      `subscription { organizationChanged(filter: { city: "Orderville" }) { eventId organization { name } } }`,
    );
    await subscription.ready('organizationChanged');
    const names = Array.from({ length: 10 }, (_, n) => `Order ${n}`);
    for (const name of names) {
      const created = await gql(
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Orderville" }) { organization { id } } }`,
        { name },
        adminHeaders(),
      );
      expect(created.errors).toBeUndefined();
    }
    const results = await subscription.take(10, 15_000);
    await subscription.quietFor(500, 10);
    const ids = results.map((r) => BigInt(r.data!.organizationChanged.eventId));
    expect(results.map((r) => r.data!.organizationChanged.organization.name)).toEqual(names);
    expect(ids.every((id, n) => n === 0 || id > ids[n - 1]!)).toBe(true);
    expect(ids[0]! < 100_000n && ids[9]! >= 100_000n).toBe(true);
    subscription.stop();

    // resumed from before the first: the missed events are read back from the log in pages
    const resumed = new Subscription<{ organizationChanged: { eventId: string; organization: { name: string } } }>(
      client,
      `subscription($since: ID!) { organizationChanged(filter: { city: "Orderville" }, since: $since) { eventId organization { name } } }`,
      { since: start },
    );
    const replayed = await resumed.take(10, 15_000);
    await resumed.quietFor(500, 10);
    expect(replayed.map((r) => r.data!.organizationChanged.eventId)).toEqual(results.map((r) => r.data!.organizationChanged.eventId));
    resumed.stop();
  });
});
