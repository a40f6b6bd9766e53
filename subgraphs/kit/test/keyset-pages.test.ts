import { Entity, Index, PrimaryKey, Property, type QBFilterQuery } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { newId } from '../src/ids';
import { afterCondition, paginate, paginateByParent, type PageOrder } from '../src/pagination';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'keyset_pages_test';

@Entity({ tableName: 'keyset_item' })
@Index({ properties: ['name', 'id'] })
class KeysetItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  parentId!: string;

  @Property({ columnType: 'text' })
  name!: string;

  /** Nullable, with ties: the hard case for a keyset. */
  @Property({ type: 'integer', nullable: true })
  rank?: number | null;

  @Property({ type: 'date', nullable: true })
  day?: string | null;
}

const PARENTS = [newId(), newId(), newId()];

describe('keyset pages as row comparisons: every row once, in order, for every sort column and direction', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_keyset_pages', SCHEMA, [KeysetItem]));
    const em = orm.em.fork();
    // 90 rows: names with duplicates, a third of the ranks NULL, ranks and days repeating
    for (let i = 0; i < 90; i++) {
      em.persist(
        Object.assign(new KeysetItem(), {
          parentId: PARENTS[i % 3],
          name: `name-${String(i % 40).padStart(2, '0')}`,
          rank: i % 3 === 0 ? null : i % 7,
          day: i % 4 === 0 ? null : `2026-0${1 + (i % 5)}-1${i % 9}`,
        }),
      );
    }
    await em.flush();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** What PostgreSQL orders the whole table (or a parent's rows) as: the answer every walk must give. */
  async function expected(order: PageOrder<KeysetItem>, parentId?: string): Promise<string[]> {
    const direction = order.direction ?? 'asc';
    const column = order.by === 'name' ? 'name' : order.by;
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from ${SCHEMA}.keyset_item ${parentId ? 'where parent_id = ?' : ''} order by ${column} ${direction}, id ${direction}`,
        parentId ? [parentId] : [],
      );
    return rows.map((row) => row.id);
  }

  const orders: PageOrder<KeysetItem>[] = [
    { by: 'name', direction: 'asc' },
    { by: 'name', direction: 'desc' },
    { by: 'rank', direction: 'asc' },
    { by: 'rank', direction: 'desc' },
    { by: 'day', direction: 'asc' },
    { by: 'day', direction: 'desc' },
  ];

  it.each(orders)('walks a top-level list by $by $direction in pages of 7', async (order) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 30; pages++) {
      const page = await paginate(orm.em.fork(), KeysetItem, {}, { first: 7, after }, order);
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(await expected(order));
  });

  it.each(orders)("walks each parent's list by $by $direction in pages of 4, all parents at once", async (order) => {
    const seen = new Map<string, string[]>(PARENTS.map((parent) => [parent, []]));
    const cursors = new Map<string, string | undefined>(PARENTS.map((parent) => [parent, undefined]));
    for (let round = 0; round < 20 && cursors.size; round++) {
      // parents at the same cursor share a batch, as a DataLoader groups them
      for (const [parent, after] of [...cursors]) {
        const [page] = await paginateByParent(orm.em.fork(), KeysetItem, 'parentId', [parent], {}, { first: 4, after }, order);
        seen.get(parent)!.push(...page.nodes.map((node) => node.id));
        if (page.pageInfo.hasNextPage) cursors.set(parent, page.pageInfo.endCursor!);
        else cursors.delete(parent);
      }
    }
    for (const parent of PARENTS) expect(seen.get(parent)).toEqual(await expected(order, parent));
  });

  it('asks PostgreSQL for a range that starts at the cursor on a (by, id) index', async () => {
    const em = orm.em.fork();
    const [first] = await em.find(KeysetItem, {}, { orderBy: [{ name: 'asc' }, { id: 'asc' }], offset: 40, limit: 1 });
    const query = em
      .createQueryBuilder(KeysetItem, 'e')
      .where(afterCondition(em, KeysetItem, { by: 'name' }, { value: first.name, id: first.id }) as QBFilterQuery<KeysetItem>)
      .orderBy([{ name: 'asc' }, { id: 'asc' }])
      .limit(5)
      .getFormattedQuery();
    const plan = await em.getConnection().transactional(async (tx) => {
      await em.getConnection().execute('set local enable_seqscan = off', [], 'run', tx);
      return em.getConnection().execute<{ 'QUERY PLAN': string }[]>(`explain ${query}`, [], 'all', tx);
    });
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Cond: \(ROW\(name, id\) > ROW\(/);
    expect(text).not.toMatch(/Sort/);
  });
});
