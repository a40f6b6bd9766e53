import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { MikroORM, type FilterQuery } from '@mikro-orm/postgresql';
import type { HubContext } from '../src/context';
import { newId } from '../src/ids';
import { countByParent, paginate, paginateByParent, type Page, type PageOrder } from '../src/pagination';
import { defineRowsById, findRows } from '../src/read-rows';
import { useCompiledStatements } from '../src/statements';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'compiled_statements_test';

@Entity({ tableName: 'shelf' })
class Shelf {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();
}

@Entity({ tableName: 'book' })
@Index({ properties: ['shelf', 'title', 'id'] })
class Book {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Shelf, { ref: true })
  shelf!: Ref<Shelf>;

  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;

  @Property({ columnType: 'text' })
  title!: string;

  /** Nullable, with ties: the hard case for a keyset. */
  @Property({ type: 'integer', nullable: true })
  rank?: number | null;

  @Property({ type: 'date', nullable: true })
  returnedOn?: string | null;

  @Property({ columnType: 'text' })
  status!: string;

  @Property({ type: 'boolean' })
  lent: boolean = false;

  @Property({ type: 'datetime' })
  addedAt: Date = new Date();
}

const SHELVES = Array.from({ length: 4 }, () => newId());
const OWNERS = [newId(), newId()];
const STATUSES = ['NEW', 'READ', 'LOST'];

/** Filters of every kind the compiler takes, and some it leaves to the QueryBuilder. */
const FILTERS: [string, FilterQuery<Book>][] = [
  ['nothing', {}],
  ['equality', { status: 'READ' }],
  ['a boolean', { lent: true }],
  ['null', { rank: null }],
  ['not null', { rank: { $ne: null } }],
  ['comparisons on a nullable column', { rank: { $gte: 2, $lt: 5 } }],
  ['not equal (NULLs excluded, as in SQL)', { rank: { $ne: 3 } }],
  ['a date', { returnedOn: { $gt: '2026-03-01' } }],
  ['$in and $nin', { status: { $in: ['NEW', 'LOST'] }, rank: { $nin: [1, 2] } }],
  ['an array as $in', { status: ['READ'] }],
  ['$in on a uuid column and a many-to-one', { ownerId: { $in: OWNERS }, shelf: { $in: [SHELVES[0], SHELVES[3]] } }],
  ['$nin on a boolean and a date', { lent: { $nin: [false] }, returnedOn: { $nin: ['2026-01-10', '2026-02-11'] } }],
  ['$in with quotes, commas, braces and backslashes', { status: { $in: ['READ', 'a"b,c', '{x}', 'back\\slash', 'NEW'] } }],
  ['a many-to-one', { shelf: SHELVES[1] }],
  ['a uuid column', { ownerId: OWNERS[0] }],
  ['$and with empty members', { $and: [{}, { status: 'NEW' }, {}] }],
  ['$or of NULLs', { $or: [{ rank: null }, { returnedOn: null }] }],
  ['nested $and / $or', { $and: [{ $or: [{ rank: { $gt: 4 } }, { rank: null }] }, { $or: [{ lent: false }, { status: 'LOST' }] }] }],
  ['left to the QueryBuilder: $like', { title: { $like: 'book-1%' } }],
  ['left to the QueryBuilder: a relation by object', { shelf: { id: SHELVES[2] } }],
];

const ORDERS: PageOrder<Book>[] = [
  { by: 'title', direction: 'asc' },
  { by: 'title', direction: 'desc' },
  { by: 'rank', direction: 'asc' },
  { by: 'rank', direction: 'desc' },
  { by: 'returnedOn', direction: 'asc' },
  { by: 'returnedOn', direction: 'desc' },
  { by: 'addedAt', direction: 'desc' },
];

/** What a test compares: the rows' fields, and every cursor and flag of a page. */
function pageView(page: Page<Book>) {
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { ...edge.node, shelf: edge.node.shelf.id } })),
    pageInfo: page.pageInfo,
  };
}

describe('compiled read statements give the rows the QueryBuilder gives', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const statements: string[] = [];

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_compiled_statements', SCHEMA, [Shelf, Book]));
    const em = orm.em.fork();
    for (const id of SHELVES) em.persist(Object.assign(new Shelf(), { id }));
    // 120 books: titles with duplicates, a third of the ranks and a quarter of the dates NULL, timestamps with ties
    for (let i = 0; i < 120; i++) {
      em.persist(
        Object.assign(new Book(), {
          shelf: em.getReference(Shelf, SHELVES[i % 4]),
          ownerId: i % 5 === 0 ? null : OWNERS[i % 2],
          title: `book-${String(i % 30).padStart(2, '0')}`,
          rank: i % 3 === 0 ? null : i % 7,
          returnedOn: i % 4 === 0 ? null : `2026-0${1 + (i % 6)}-1${i % 9}`,
          status: STATUSES[i % 3],
          lent: i % 2 === 0,
          addedAt: new Date(Date.UTC(2026, 0, 1 + (i % 10))),
        }),
      );
    }
    await em.flush();
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
  });

  afterEach(() => useCompiledStatements(true));

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** Runs `read` with the compiled statements and through the QueryBuilder, and returns both answers and the statements of each. */
  async function both<R>(read: () => Promise<R>): Promise<{ compiled: R; built: R; compiledSql: string[]; builtSql: string[] }> {
    let from = statements.length;
    const compiled = await read();
    const compiledSql = statements.slice(from);
    useCompiledStatements(false);
    from = statements.length;
    const built = await read();
    const builtSql = statements.slice(from);
    useCompiledStatements(true);
    return { compiled, built, compiledSql, builtSql };
  }

  it.each(FILTERS)('findRows: the same rows for %s', async (name, where) => {
    const { compiled, built, compiledSql, builtSql } = await both(async () =>
      (await findRows(orm.em.fork(), Book, where, { orderBy: [{ rank: 'desc' }, { id: 'asc' }], limit: 90 })).map((row) => ({ ...row, shelf: row.shelf.id })),
    );
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled).toEqual(built);
    expect(compiledSql).toHaveLength(1);
    expect(builtSql).toHaveLength(1);
    // the compiled statement is not the QueryBuilder's, except for the filters it leaves to it
    if (name.startsWith('left to the QueryBuilder')) expect(compiledSql).toEqual(builtSql);
    else expect(compiledSql).not.toEqual(builtSql);
  });

  it.each(ORDERS)('paginateByParent: the same pages, cursors and totals, walking by $by $direction with each filter', async (order) => {
    for (const [, where] of FILTERS) {
      const { compiled, built } = await both(async () => {
        const pages: unknown[] = [];
        const cursors = new Map<string, string | undefined>(SHELVES.map((shelf) => [shelf, undefined]));
        // an id that is not a uuid and one with no rows: empty pages, as before
        const extra = ['not-a-uuid', newId()];
        for (let round = 0; round < 40 && cursors.size; round++) {
          for (const [shelf, after] of [...cursors]) {
            const batch = await paginateByParent(orm.em.fork(), Book, 'shelf', [shelf, ...extra], where, { first: 3, after }, order);
            pages.push(...batch.map(pageView), await Promise.all(batch.map((page) => page.totalCount)));
            if (batch[0].pageInfo.hasNextPage) cursors.set(shelf, batch[0].pageInfo.endCursor!);
            else cursors.delete(shelf);
          }
        }
        return pages;
      });
      expect(compiled).toEqual(built);
    }
  });

  it.each(ORDERS)('paginate: the same pages and cursors, walking by $by $direction with each filter', async (order) => {
    for (const [, where] of FILTERS) {
      const { compiled, built } = await both(async () => {
        const pages: unknown[] = [];
        let after: string | undefined;
        for (let i = 0; i < 30; i++) {
          const page = await paginate(orm.em.fork(), Book, where, { first: 7, after }, order);
          pages.push(pageView(page));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor!;
        }
        return pages;
      });
      expect(compiled).toEqual(built);
    }
  });

  it('pages of many parents by a uuid column, not a relation, in one statement whose text does not depend on their number', async () => {
    const { compiled, built, compiledSql } = await both(async () =>
      (await paginateByParent(orm.em.fork(), Book, 'ownerId', [...OWNERS, OWNERS[0]], { lent: true }, { first: 5 }, { by: 'rank' })).map(pageView),
    );
    expect(compiled).toEqual(built);
    expect(compiled[0].edges).toHaveLength(5);
    const [one] = (await both(() => paginateByParent(orm.em.fork(), Book, 'ownerId', [OWNERS[1]], { lent: true }, { first: 5 }, { by: 'rank' }))).compiledSql;
    expect(compiledSql).toEqual([one]);
  });

  it.each(FILTERS)('countByParent: the same counts for %s, nothing for ids that cannot exist', async (_name, where) => {
    const { compiled, built } = await both(async () =>
      [...(await countByParent(orm.em.fork(), Book, 'shelf', [...SHELVES, 'not-a-uuid', newId()], where))].sort(),
    );
    expect(compiled).toEqual(built);
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled.length).toBeLessThanOrEqual(SHELVES.length);
  });

  it('binds a $in or $nin list as one parameter: one statement text for any number of members', async () => {
    const texts = new Set<string>();
    for (const n of [1, 2, 3, 4]) {
      const where: FilterQuery<Book> = {
        shelf: { $in: SHELVES.slice(0, n) },
        rank: { $nin: [1, 2, 3, 4].slice(0, n) },
        status: { $in: STATUSES.slice(-Math.min(n, 3)) },
      };
      const { compiled, built, compiledSql } = await both(async () =>
        (await findRows(orm.em.fork(), Book, where, { orderBy: [{ title: 'asc' }, { id: 'asc' }] })).map((row) => ({ ...row, shelf: row.shelf.id })),
      );
      expect(compiled).toEqual(built);
      expect(compiled.length).toBeGreaterThan(0);
      expect(compiledSql).toHaveLength(1);
      texts.add(compiledSql[0]);
    }
    expect([...texts]).toHaveLength(1);
    expect([...texts][0]).toMatch(/"shelf_id" = any\(\$\d::uuid\[\]\).*"rank" <> all\(\$\d::int\[\]\).*"status" = any\(\$\d::text\[\]\)/);
  });

  it('reads rows by id with one statement of one text for any number of ids: unknown and invalid ids are null', async () => {
    const ids = (await orm.em.fork().find(Book, {}, { orderBy: { id: 'asc' }, limit: 50 })).map((book) => book.id);
    const byId = defineRowsById('bookById', Book);
    const ctx = () => ({ em: orm.em.fork() }) as unknown as HubContext;
    const asked = [...ids, newId(), 'not-a-uuid', ids[0]];
    const { compiled, built, compiledSql } = await both(async () =>
      (await byId.batch(asked, ctx())).map((row) => row && { ...row, shelf: (row as unknown as Book).shelf.id }),
    );
    expect(compiled).toEqual(built);
    expect(compiled.slice(0, 50).map((row) => row && (row as { id: string }).id)).toEqual(ids);
    expect(compiled.slice(50, 52)).toEqual([null, null]);
    expect(compiledSql).toHaveLength(1);
    const single = (await both(() => byId.batch([ids[7]], ctx()))).compiledSql;
    expect(single).toEqual(compiledSql);
    expect(compiledSql[0]).toMatch(/= any\(\$1::uuid\[\]\)$/);
  });
});
