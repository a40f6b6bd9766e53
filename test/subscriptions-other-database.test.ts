import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';
import { Client as PgClient } from 'pg';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient, Subscription } from './setup/live';

const CITY = 'Otherdbville';
type Changed = { organizationChanged: { eventId: string; organization: { name: string } } };

async function organization(name: string): Promise<void> {
  const { errors } = await gql(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, kind: 'NGO', city: CITY } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
}

/** Milliseconds from a change's commit (its mutation answered) to its event reaching the subscriber. */
async function latency(subscription: Subscription<Changed>, name: string): Promise<number> {
  const before = subscription.results.length;
  await organization(name);
  const committed = Date.now();
  const results = await subscription.take(before + 1, 10_000);
  expect(results[before]!.data!.organizationChanged.organization.name).toBe(name);
  return Date.now() - committed;
}

describe("live updates and long transactions elsewhere: in other databases on the same server, and in the hub's own", () => {
  const client = liveClient();
  let other: TestDatabase;
  let session: PgClient;

  beforeAll(async () => {
    other = await createTestDatabase('ngohub_unrelated');
    session = new PgClient({ connectionString: other.url });
    await session.connect();
  });
  afterAll(async () => {
    await session.query('rollback').catch(() => undefined);
    await session.end();
    await other.drop();
    await client.dispose();
  });

  it('delivers events within the usual latency, in order and once, while another database holds a long write transaction', async () => {
    const subscription = new Subscription<Changed>(
      client,
      `subscription { organizationChanged(filter: { city: "${CITY}" }) { eventId organization { name } } }`,
    );
    await subscription.ready('organizationChanged');
    await latency(subscription, 'Otherdb Warm-up');
    const usual = Math.max(...[await latency(subscription, 'Otherdb Usual 1'), await latency(subscription, 'Otherdb Usual 2')]);

    // a write transaction left open in another database: it has a transaction id, older than any to come
    await session.query('begin');
    await session.query('create table unrelated_work (n int)');
    await session.query('insert into unrelated_work values (1)');
    const { rows } = await session.query<{ txid: string }>('select pg_current_xact_id()::text as txid');
    expect(Number(rows[0]!.txid)).toBeGreaterThan(0);

    const during = [await latency(subscription, 'Otherdb During 1'), await latency(subscription, 'Otherdb During 2')];
    // and a burst of concurrent changes: all of them, in commit order, once
    await Promise.all(['Otherdb Burst A', 'Otherdb Burst B', 'Otherdb Burst C'].map(organization));
    const all = await subscription.take(8, 10_000);
    const ids = all.map((r) => BigInt(r.data!.organizationChanged.eventId));
    expect(new Set(ids).size).toBe(8);
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(
      all
        .slice(5)
        .map((r) => r.data!.organizationChanged.organization.name)
        .sort(),
    ).toEqual(['Otherdb Burst A', 'Otherdb Burst B', 'Otherdb Burst C']);
    await subscription.quietFor(500, 8);
    // still open: the events did not wait for it
    const { rows: open } = await session.query<{ open: boolean }>(`select pg_current_xact_id_if_assigned() is not null as open`);
    expect(open[0]!.open).toBe(true);
    for (const ms of during) expect(ms).toBeLessThan(Math.max(500, usual * 3));
    await session.query('commit');
    subscription.stop();
  });

  it("delivers events within the usual latency while an unrelated write transaction stays open in the hub's own database", async () => {
    const subscription = new Subscription<Changed>(
      client,
      `subscription { organizationChanged(filter: { city: "${CITY}" }) { eventId organization { name } } }`,
    );
    await subscription.ready('organizationChanged');
    await latency(subscription, 'Samedb Warm-up');
    const usual = Math.max(...[await latency(subscription, 'Samedb Usual 1'), await latency(subscription, 'Samedb Usual 2')]);

    // a migration or batch job of its own in the hub's database, left open: it has a transaction id older than any to come
    const own = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });
    await own.connect();
    try {
      await own.query('begin');
      await own.query('create temporary table long_job (n int)');
      await own.query('insert into long_job values (1)');
      const during = [await latency(subscription, 'Samedb During 1'), await latency(subscription, 'Samedb During 2')];
      await Promise.all(['Samedb Burst A', 'Samedb Burst B'].map(organization));
      const all = await subscription.take(7, 10_000);
      const ids = all.map((r) => BigInt(r.data!.organizationChanged.eventId));
      expect(new Set(ids).size).toBe(7);
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
      await subscription.quietFor(500, 7);
      const { rows: open } = await own.query<{ open: boolean }>(`select pg_current_xact_id_if_assigned() is not null as open`);
      expect(open[0]!.open).toBe(true);
      for (const ms of during) expect(ms).toBeLessThan(Math.max(500, usual * 3));
    } finally {
      await own.query('rollback').catch(() => undefined);
      await own.end();
      subscription.stop();
    }
  });
});
