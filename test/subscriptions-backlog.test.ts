import type { ChildService } from '@ngo-hub/kit/processes';
import type { Client } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayCounter, liveClient, socketUrl, Subscription } from './setup/live';

type Changed = { organizationChanged: { eventId: string } };
type Activity = { sectorActivity: { eventId: string; summary: string } };

/**
 * Commits `count` ORGANIZATION_CHANGED events in one transaction of `db`, written as the kit's
 * publishEvent writes them (as bench/subscriptions does: thousands of changes through the API
 * would measure the API). They refer to no entity, so what is measured is the delivery alone.
 */
async function commitEvents(db: PgClient, city: string, count: number, summary = 'backlog'): Promise<void> {
  await db.query(
    `insert into organizations.outbox_event (topic, payload)
     select 'ORGANIZATION_CHANGED', jsonb_build_object('summary', $2::text || ' ' || n, 'city', $1::text, 'causes', '[]'::jsonb, 'refs', '{}'::jsonb,
                                                      'fields', jsonb_build_object('change', 'UPDATED'), 'match', jsonb_build_object('city', $1::text))
       from generate_series(1, $3::int) n order by n`,
    [city, summary, count],
  );
}

describe('a backlog of events', () => {
  let gateway: ChildService;
  let db: PgClient;
  let staller: PgClient;
  const clients: Client[] = [];

  beforeAll(async () => {
    // a small in-memory buffer, so that the burst goes the way of any backlog larger than it: through the log
    gateway = await startGatewayProcess({
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      SUBSCRIBER_BUFFER: '100',
      SUBSCRIBER_STALL_MS: '2000',
      EVENT_POLL_MS: '200',
    });
    db = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });
    staller = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });
    await Promise.all([db.connect(), staller.connect()]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await staller.query('rollback').catch(() => undefined);
    await Promise.all([db.end(), staller.end()]);
    await gateway.stop();
  });

  it('reaches every prompt subscriber after a stall: all 5,000 events, once, in order, none cut off', async () => {
    const city = 'Backlogton';
    const query = `subscription { organizationChanged(filter: { city: "${city}" }) { eventId change } }`;
    const subscribers = Array.from({ length: 4 }, () => {
      const client = liveClient({ url: socketUrl(gateway.url) });
      clients.push(client);
      return new Subscription<Changed>(client, query);
    });
    await subscribers[0]!.ready('organizationChanged', 4, gateway.url);
    const cutOffBefore = await gatewayCounter('ngohub_subscribers_overflowed_total', gateway.url);
    const spillsBefore = await gatewayCounter('ngohub_subscriber_spills_total', gateway.url);

    // the stall: the relay cannot append to the hub's event log (a session holds it in SHARE
    // mode, as a backup or an operator might), so what the subgraphs commit meanwhile piles up
    await staller.query('begin');
    await staller.query('lock table gateway.event in share mode');
    await commitEvents(db, city, 1, 'first');
    for (let i = 0; i < 10; i += 1) await commitEvents(db, city, 500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(subscribers.every((s) => s.results.length === 0)).toBe(true);
    await staller.query('commit');

    for (const subscriber of subscribers) {
      const results = await subscriber.take(5001, 120_000);
      expect(results.filter((r) => r.errors)).toEqual([]);
      const ids = results.map((r) => BigInt(r.data!.organizationChanged.eventId));
      for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
    }
    await subscribers[0]!.quietFor(500, 5001);
    expect(subscribers.map((s) => s.results.length)).toEqual([5001, 5001, 5001, 5001]);
    expect(await gatewayCounter('ngohub_subscribers_overflowed_total', gateway.url)).toBe(cutOffBefore);
    expect(await gatewayCounter('ngohub_subscriber_spills_total', gateway.url)).toBeGreaterThan(spillsBefore);
    for (const s of subscribers) s.stop();
  }, 180_000);

  it('ends the subscription of a client that takes nothing of what is sent, says where to resume, and no other', async () => {
    const city = 'Stallburg';
    const query = `subscription { sectorActivity(filter: { city: "${city}" }) { eventId summary } }`;
    const prompt = new Subscription<Activity>(liveClient({ url: socketUrl(gateway.url) }), query);
    // a client that stops reading its socket after the first message
    const socket = new WebSocket(socketUrl(gateway.url), 'graphql-transport-ws');
    const received: { type: string; payload?: { data?: Activity; errors?: { extensions?: Record<string, unknown> }[] } }[] = [];
    socket.on('message', (data) => {
      received.push(JSON.parse(String(data)));
      if (received.length === 2) socket.pause(); // the ack, then the first event
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    await prompt.ready('sectorActivity', 2, gateway.url);
    const cutOffBefore = await gatewayCounter('ngohub_subscribers_overflowed_total', gateway.url);

    // large events (64 KiB each: 19 MiB in all), more than the network's buffers hold for a client that does not read
    const big = 'x'.repeat(65_536);
    for (let i = 0; i < 6; i += 1) await commitEvents(db, city, 50, big);
    const all = await prompt.take(300, 60_000);
    expect(all.filter((r) => r.errors)).toEqual([]);
    for (const deadline = Date.now() + 15_000; (await gatewayCounter('ngohub_subscribers_overflowed_total', gateway.url)) === cutOffBefore;) {
      if (Date.now() > deadline) throw new Error('the stalled client was not ended');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await gatewayCounter('ngohub_subscribers_overflowed_total', gateway.url)).toBe(cutOffBefore + 1);
    expect(await gatewayCounter('ngohub_subscriptions_active', gateway.url)).toBe(1); // the prompt one
    expect(await gatewayCounter('ngohub_event_stream_listeners', gateway.url)).toBe(1);

    // once it reads again, it finds the reason and where to resume
    socket.resume();
    for (const deadline = Date.now() + 30_000; !received.some((m) => m.payload?.errors);) {
      if (Date.now() > deadline) throw new Error(`no error after resuming: ${received.length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const error = received.find((m) => m.payload?.errors)!.payload!.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW', lastEventId: expect.stringMatching(/^\d+$/) });
    const delivered = received.filter((m) => m.payload?.data).map((m) => BigInt(m.payload!.data!.sectorActivity.eventId));
    expect(BigInt(String(error.extensions!.lastEventId))).toBe(delivered[delivered.length - 1]);
    socket.close();
    prompt.stop();
  }, 120_000);
});
