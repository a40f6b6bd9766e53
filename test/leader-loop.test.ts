import { LeaderLoop } from '@ngo-hub/gateway/dist/shared-state/leader-loop';
import { createLogger } from '@ngo-hub/kit/common';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';
import { Pool, type PoolClient } from 'pg';
import { Gauge, Registry } from 'prom-client';

// The mechanism the event relay and the webhook deliverer share: one instance at a time does the
// work, on a session advisory lock, woken by its channel. Two loops here stand for two gateways.

const CHANNEL = 'leader_loop_test';
let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('ngohub_leader_loop');
  pool = new Pool({ connectionString: database.url, max: 6 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

/** A loop whose passes are counted, and which fails its next pass when told to. */
function instance(name: string) {
  const gauge = new Gauge({ name: `leader_${name}`, help: 'leads', registers: [new Registry()] });
  const state = { passes: 0, failNext: false };
  const loop = new LeaderLoop(pool, createLogger('leader-loop-test', 'silent'), {
    name: `test loop ${name}`,
    leading: `${name} leads`,
    lock: `hashtext('ngo-hub:leader-loop-test')`,
    channels: [CHANNEL],
    // no poll during a test: a pass runs on start, on a notification or on wake()
    pollMs: 3_600_000,
    gauge,
    work: async (client: PoolClient) => {
      await client.query('select 1');
      state.passes += 1;
      if (state.failNext) {
        state.failNext = false;
        throw new Error('this pass fails');
      }
    },
  });
  const leads = async () => (await gauge.get()).values[0]?.value;
  return { loop, state, leads };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5_000) throw new Error(`waited 5 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('lets one instance lead and work, wakes it on its channel, hands over when it stops, and gives up the lead when a pass fails', async () => {
  const a = instance('a');
  const b = instance('b');
  try {
    await a.loop.start();
    await b.loop.start();
    expect([a.loop.isLeader, b.loop.isLeader]).toEqual([true, false]);
    expect([await a.leads(), await b.leads()]).toEqual([1, 0]);
    expect([a.state.passes, b.state.passes]).toEqual([1, 0]);

    // a notification on the channel wakes the leader only
    await pool.query(`select pg_notify('${CHANNEL}', 'x')`);
    await until(() => a.state.passes === 2, 'the notified pass');
    b.loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b.state.passes).toBe(0);

    // a failed pass gives up the lead (and the lock), and the next pass takes it again
    a.state.failNext = true;
    a.loop.wake();
    await until(() => a.state.passes === 3 && !a.loop.isLeader, 'the failed pass');
    expect(await a.leads()).toBe(0);
    a.loop.wake();
    await until(() => a.loop.isLeader, 'the lead taken again');
    expect(a.state.passes).toBe(4);

    // the leader stops: the lock is free, and the other instance leads on its next pass
    await a.loop.stop();
    expect(a.loop.isLeader).toBe(false);
    expect(await a.leads()).toBe(0);
    b.loop.wake();
    await until(() => b.loop.isLeader, 'the other instance leading');
    expect(b.state.passes).toBe(1);
    // a stopped loop runs no more passes
    a.loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.state.passes).toBe(4);
  } finally {
    await a.loop.stop();
    await b.loop.stop();
  }
});
