import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/orm';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

/** A database of the test's own with the tables of `entities` in `schema`, as the kit's tests of a mechanism need them (close the ORM and drop the database after). */
export async function entitySchema(
  databaseName: string,
  schema: string,
  entities: Parameters<typeof ormOptions>[0]['entities'],
): Promise<{ orm: MikroORM; database: TestDatabase }> {
  const database = await createTestDatabase(databaseName);
  const orm = await MikroORM.init(ormOptions({ schema, clientUrl: database.url, entities, migrationsPath: __dirname, migrationsPathTs: __dirname }));
  await orm.em.getConnection().execute(`create schema ${schema}`);
  await orm.schema.createSchema();
  return { orm, database };
}
