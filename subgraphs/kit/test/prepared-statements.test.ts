import { Entity, PrimaryKey } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../src/ids';
import { ormOptions } from '../src/orm';
import { query } from '../src/sql';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

const SCHEMA = 'prepared_statements_test';

@Entity({ tableName: 'placeholder' })
class Placeholder {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();
}

describe('statements run prepared', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_prepared');
    // one connection, so that what it has prepared is what `pg_prepared_statements` shows
    orm = await MikroORM.init(
      ormOptions({ schema: SCHEMA, clientUrl: database.url, entities: [Placeholder], poolMax: 1, migrationsPath: __dirname, migrationsPathTs: __dirname }),
    );
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
    for (let i = 0; i < 300; i++) expect(await query(em, `select ?::int as n -- text ${i}`, [i], { prepare: true })).toEqual([{ n: i }]);
    const [{ n }] = await query<{ n: number }>(
      em,
      `select count(*)::int as n from pg_prepared_statements where statement like 'select $1::int as n -- text %'`,
    );
    // this file prepared three texts before this test
    expect(n).toBe(256 - 3);
  });
});
