import { Entity, MikroORM, PrimaryKey, Property, type EntityManager, type QBFilterQuery } from '@mikro-orm/postgresql';
import { ormOptions } from '../src/orm';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';
import { Bigrams, textMatch } from '../src/text-search';

const SCHEMA = 'search_test';

@Entity({ tableName: 'item' })
class Item {
  @PrimaryKey()
  id!: number;

  @Property({ columnType: 'text' })
  name!: string;

  @Property({ columnType: 'text', nullable: true })
  nameZh?: string | null;

  @Bigrams(SCHEMA, 'name')
  nameBigrams?: string[];

  @Bigrams(SCHEMA, 'name_zh')
  nameZhBigrams?: string[];
}

const COLUMNS = [
  { property: 'name', column: 'name' },
  { property: 'nameZh', column: 'name_zh' },
];
const TABLE = `"${SCHEMA}"."item"`;

describe('text search: two characters through the bigram index, longer text with ILIKE', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const names: [string, string | null][] = [
    ['Wang Fang', '王芳'],
    ['Wang Fangfang', '王芳芳'],
    ['Li Wang', '李王'],
    ['Sunshine Social Work Center', '阳光社工服务中心'],
    ['Zhou Min', null],
    ['100% Care', '百分百关爱'],
  ];

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_text_search');
    orm = await MikroORM.init(
      ormOptions({ schema: SCHEMA, clientUrl: database.url, entities: [Item], migrationsPath: __dirname, migrationsPathTs: __dirname }),
    );
    const connection = orm.em.getConnection();
    await connection.execute(`create schema ${SCHEMA}`);
    // the function the bigram columns are computed with, as the subgraphs' bigram migrations create it
    await connection.execute(
      `create function "${SCHEMA}".bigrams(text) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(distinct substr($1, i, 2)), '{}') from generate_series(1, char_length($1) - 1) as i $$`,
    );
    await orm.schema.createSchema(); // the table with its bigram columns and GIN indexes, as @Bigrams maps them
    for (const [name, nameZh] of names) await connection.execute(`insert into ${SCHEMA}.item (name, name_zh) values (?, ?)`, [name, nameZh]);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const found = async (text: string) => (await orm.em.fork().find(Item, textMatch<Item>(COLUMNS, text, TABLE), { orderBy: { id: 'asc' } })).map((i) => i.name);
  const ilike = async (text: string) =>
    (
      (await orm.em
        .getConnection()
        .execute(`select name from ${SCHEMA}.item where name ilike ? or name_zh ilike ? order by id`, [`%${text}%`, `%${text}%`])) as { name: string }[]
    ).map((r) => r.name);

  it('finds what ILIKE finds, for two characters of Chinese or of Latin text in any case', async () => {
    for (const text of ['王芳', '社工', '芳芳', 'ng', 'NG', 'wa', '关爱', 'zz']) expect(await found(text)).toEqual(await ilike(text));
    expect(await found('王芳')).toEqual(['Wang Fang', 'Wang Fangfang']);
    expect(await found('zz')).toEqual([]);
  });

  it('can be used for a page and its count (one condition object, two queries), and new rows are searchable at once', async () => {
    const em = orm.em.fork();
    const where = textMatch<Item>(COLUMNS, '芳芳', TABLE);
    expect((await em.find(Item, where)).map((i) => i.name)).toEqual(['Wang Fangfang']);
    expect(await em.count(Item, where)).toBe(1);
    em.create(Item, { name: 'Fang Fangfang', nameZh: '芳芳' } as Item);
    await em.flush();
    expect(await em.count(Item, where)).toBe(2);
    await em.nativeDelete(Item, { name: 'Fang Fangfang' });
  });

  it('keeps ILIKE for one character and for longer text, wildcards taken literally', async () => {
    expect(await found('王')).toEqual(['Wang Fang', 'Wang Fangfang', 'Li Wang']);
    expect(await found('阳光社工')).toEqual(['Sunshine Social Work Center']);
    expect(await found('0%')).toEqual(['100% Care']);
  });

  it('is answered from the bigram indexes (the planner may not fall back to reading the table)', async () => {
    const em = orm.em.fork() as EntityManager;
    const sql = em
      .createQueryBuilder(Item, 'i')
      .where(textMatch<Item>(COLUMNS, '王芳', TABLE) as QBFilterQuery<Item>)
      .getFormattedQuery();
    await em.getConnection().execute('begin');
    try {
      await em.getConnection().execute('set local enable_seqscan = off');
      const plan = ((await em.getConnection().execute(`explain ${sql}`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('item_name_zh_bigrams_index');
      expect(plan).toContain('item_name_bigrams_index');
      const latin = em
        .createQueryBuilder(Item, 'i')
        .where(textMatch<Item>(COLUMNS, 'ng', TABLE) as QBFilterQuery<Item>)
        .getFormattedQuery();
      const latinPlan = ((await em.getConnection().execute(`explain ${latin}`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      expect(latinPlan).toContain('item_name_bigrams_index');
    } finally {
      await em.getConnection().execute('rollback');
    }
  });
});
