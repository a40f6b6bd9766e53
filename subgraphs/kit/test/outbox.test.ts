import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { OutboxEvent } from '../src/events/outbox-event';
import { ORGANIZATION_CHANGED } from '../src/events/hub-topics';
import { publishEvent } from '../src/events/publish';
import { OUTBOX_CHANNEL } from '../src/events/topics';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'outbox_test';

describe('the outbox: events exist exactly when their transaction commits', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let listener: Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_outbox', SCHEMA, [OutboxEvent]));
    const connection = orm.em.getConnection();
    // the trigger the subgraphs' outbox migrations create (each subgraph's schema-drift test checks theirs notifies)
    await connection.execute(
      `create function ${SCHEMA}.outbox_notify() returns trigger language plpgsql as $$ begin perform pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA); return null; end $$`,
    );
    await connection.execute(
      `create trigger outbox_notify after insert on ${SCHEMA}.outbox_event for each statement execute function ${SCHEMA}.outbox_notify()`,
    );
    listener = new Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => void notifications.push(`${message.channel}:${message.payload}`));
    await listener.query(`listen ${OUTBOX_CHANNEL}`);
  });

  afterAll(async () => {
    await listener.end();
    await orm.close();
    await database.drop();
  });

  const rows = async () =>
    (await orm.em.getConnection().execute(`select topic, payload, txid::text as txid from ${SCHEMA}.outbox_event order by id`)) as {
      topic: string;
      payload: { summary: string };
      txid: string;
    }[];
  const match = { city: null, kind: 'NGO', cause: [], organization: 'a' };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

  it('writes the event with the change and notifies at commit', async () => {
    await orm.em.fork().transactional(async (em: EntityManager) => {
      publishEvent(em, ORGANIZATION_CHANGED, { summary: 'committed', refs: { organization: { id: 'a' } }, fields: { change: 'CREATED' }, match });
      await em.flush();
      await settle();
      expect(notifications).toEqual([]); // nothing before the commit
    });
    await settle();
    expect(notifications).toEqual([`${OUTBOX_CHANNEL}:${SCHEMA}`]);
    const [row] = await rows();
    expect(row).toMatchObject({ topic: 'ORGANIZATION_CHANGED', payload: { summary: 'committed' } });
    expect(BigInt(row!.txid)).toBeGreaterThan(0n);
  });

  it('leaves no event and no notification when the transaction rolls back after the event was written', async () => {
    notifications.length = 0;
    await expect(
      orm.em.fork().transactional(async (em: EntityManager) => {
        publishEvent(em, ORGANIZATION_CHANGED, { summary: 'rolled back', refs: { organization: { id: 'a' } }, fields: { change: 'UPDATED' }, match });
        await em.flush(); // the row is in the table, inside the transaction
        throw new Error('the change failed after the event was written');
      }),
    ).rejects.toThrow(/failed after/);
    await settle();
    expect(notifications).toEqual([]);
    expect((await rows()).map((r) => r.payload.summary)).toEqual(['committed']);
  });
});
