import { Entity, PrimaryKey } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../src/ids';
import { ConfigError, preparedStatementsOf } from '../src/config';
import { openOrm } from '../src/orm';
import { query } from '../src/sql';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

const SCHEMA = 'prepared_statements_test';

@Entity({ tableName: 'placeholder' })
class Placeholder {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();
}

/**
 * An ORM with a pool of its own of one connection, so that what it prepared is what
 * `pg_prepared_statements` shows; close it after.
 */
async function onePool(url: string, schema: string, settings: { preparedStatements?: boolean } = {}): Promise<MikroORM> {
  return openOrm({ schema, clientUrl: url, entities: [Placeholder], poolMax: 1, migrationsPath: __dirname, migrationsPathTs: __dirname, ...settings });
}

describe('statements run prepared', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_prepared');
    orm = await onePool(database.url, SCHEMA);
    em = orm.em.fork() as EntityManager;
    await query(em, `create schema ${SCHEMA}`);
    await query(em, `create table ${SCHEMA}.note (id int primary key, body text not null)`);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** How many statements the connection holds prepared with exactly this text (as PostgreSQL shows it, `$n` for `?`). */
  async function preparedWith(text: string): Promise<number> {
    const [row] = await query<{ n: number }>(em, 'select count(*)::int as n from pg_prepared_statements where statement = ?', [text]);
    return row.n;
  }

  it('prepares a text once per connection and runs it again with other values', async () => {
    const sql = `select ?::int + 1 as next -- once`;
    expect(await query(em, sql, [1], { prepare: true })).toEqual([{ next: 2 }]);
    expect(await query(em, sql, [41], { prepare: true })).toEqual([{ next: 42 }]);
    expect(await preparedWith('select $1::int + 1 as next -- once')).toBe(1);
  });

  it('leaves a statement not asked to be prepared unnamed', async () => {
    expect(await query(em, `select ?::int * 2 as twice -- unnamed`, [21])).toEqual([{ twice: 42 }]);
    expect(await preparedWith('select $1::int * 2 as twice -- unnamed')).toBe(0);
  });

  it('answers from the table as it is after a migration changed it', async () => {
    const sql = `select n.id, n.body from ${SCHEMA}.note n where n.id = any(?::int[]) order by n.id`;
    await query(em, `insert into ${SCHEMA}.note (id, body) values (1, 'one'), (2, 'two')`);
    expect(await query(em, sql, ['{1,2}'], { prepare: true })).toEqual([
      { id: 1, body: 'one' },
      { id: 2, body: 'two' },
    ]);
    await query(em, `alter table ${SCHEMA}.note add column stars int not null default 0, alter column body type varchar(100)`);
    await query(em, `create index note_body_index on ${SCHEMA}.note (body)`);
    await query(em, `insert into ${SCHEMA}.note (id, body, stars) values (3, 'three', 5)`);
    expect(await query(em, sql, ['{2,3}'], { prepare: true })).toEqual([
      { id: 2, body: 'two' },
      { id: 3, body: 'three' },
    ]);
  });

  it("runs in the EntityManager's transaction", async () => {
    const sql = `select count(*)::int as notes from ${SCHEMA}.note n where n.id >= ?`;
    await expect(
      em.transactional(async (inner) => {
        await query(inner, `insert into ${SCHEMA}.note (id, body) values (10, 'ten')`);
        expect(await query(inner, sql, [10], { prepare: true })).toEqual([{ notes: 1 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await query(em, sql, [10], { prepare: true })).toEqual([{ notes: 0 }]);
  });

  it('prepares at most 256 texts per connection pool, and runs the others unnamed', async () => {
    // a pool of its own: what it prepared is this test's alone
    const own = await onePool(database.url, SCHEMA);
    try {
      const ownEm = own.em.fork() as EntityManager;
      for (let i = 0; i < 300; i++) expect(await query(ownEm, `select ?::int as n -- text ${i}`, [i], { prepare: true })).toEqual([{ n: i }]);
      const [{ n }] = await query<{ n: number }>(ownEm, `select count(*)::int as n from pg_prepared_statements`);
      expect(n).toBe(256);
    } finally {
      await own.close();
    }
  });
});

/**
 * A pooler between the hub and PostgreSQL that hands each transaction to whichever server
 * connection is free (PgBouncer 1.18, Debian 12's, in transaction mode) makes the driver's record
 * of what a connection prepared wrong both ways. Checked against that PgBouncer with the dashboard
 * load (5 December 2026): "prepared statement … already exists" and "does not exist" on every
 * subgraph before, none after. Here the server forgets (DEALLOCATE) or already holds (PREPARE) a
 * name the driver does not know of, on one connection, as it does behind such a pooler.
 */
describe('statements prepared behind a pooler that loses them', () => {
  let database: TestDatabase;
  const opened: MikroORM[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_pooler');
  });

  afterAll(async () => {
    for (const orm of opened) await orm.close();
    await database.drop();
  });

  /** An EntityManager of a one-connection pool of its own (`onePool`), closed after the file. */
  async function ownPool(settings: { preparedStatements?: boolean } = {}): Promise<EntityManager> {
    const orm = await onePool(database.url, 'public', settings);
    opened.push(orm);
    return orm.em.fork() as EntityManager;
  }

  async function prepared(em: EntityManager): Promise<{ name: string; statement: string }[]> {
    return query(em, 'select name, statement from pg_prepared_statements order by statement');
  }

  it('answers when the connection no longer has a statement ("does not exist"), and the pool prepares nothing more', async () => {
    const em = await ownPool();
    const sql = 'select ?::int + 1 as next -- forgotten';
    expect(await query(em, sql, [1], { prepare: true })).toEqual([{ next: 2 }]);
    expect(await prepared(em)).toHaveLength(1);
    await query(em, 'deallocate all');
    expect(await query(em, sql, [2], { prepare: true })).toEqual([{ next: 3 }]);
    expect(await query(em, 'select ?::int * 2 as twice -- after', [21], { prepare: true })).toEqual([{ twice: 42 }]);
    expect(await prepared(em)).toEqual([]);
  });

  it('answers when the connection already has a statement of that name ("already exists")', async () => {
    const sql = 'select ?::text as word -- held';
    const first = await ownPool();
    expect(await query(first, sql, ['one'], { prepare: true })).toEqual([{ word: 'one' }]);
    const [{ name }] = await prepared(first);
    const second = await ownPool();
    await query(second, `prepare "${name}" as select 'not the text' as word`);
    expect(await query(second, sql, ['two'], { prepare: true })).toEqual([{ word: 'two' }]);
    expect(await query(second, sql, ['three'], { prepare: true })).toEqual([{ word: 'three' }]);
  });

  it('fails only the transaction in which the statement was lost (it cannot be run again in it), and the next runs unnamed', async () => {
    const em = await ownPool();
    const sql = 'select ?::int - 1 as previous -- in a transaction';
    expect(await query(em, sql, [1], { prepare: true })).toEqual([{ previous: 0 }]);
    await query(em, 'deallocate all');
    await expect(em.transactional((inner) => query(inner, sql, [2], { prepare: true }))).rejects.toMatchObject({ code: '26000' });
    expect(await em.transactional((inner) => query(inner, sql, [3], { prepare: true }))).toEqual([{ previous: 2 }]);
    expect(await prepared(em)).toEqual([]);
  });

  it('prepares nothing when told not to (DATABASE_PREPARED_STATEMENTS=off)', async () => {
    expect(preparedStatementsOf({})).toBe(true);
    expect(preparedStatementsOf({ DATABASE_PREPARED_STATEMENTS: 'on' })).toBe(true);
    expect(preparedStatementsOf({ DATABASE_PREPARED_STATEMENTS: 'off' })).toBe(false);
    expect(() => preparedStatementsOf({ DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(ConfigError);
    const em = await ownPool({ preparedStatements: preparedStatementsOf({ DATABASE_PREPARED_STATEMENTS: 'off' }) });
    expect(await query(em, 'select ?::int + 1 as next -- never named', [1], { prepare: true })).toEqual([{ next: 2 }]);
    expect(await prepared(em)).toEqual([]);
  });
});
