import type { EntityManager, EntityName, RequiredEntityData } from '@mikro-orm/postgresql';

/**
 * Inserts seed rows that are not there yet (matched by primary key) and leaves existing rows as
 * they are, so loading the seed twice changes nothing. Returns how many rows were inserted.
 * Rows are plain column data (scalars, embeddables, foreign keys), not entities with collections.
 */
export async function insertMissing<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await em.createQueryBuilder(entity).insert(rows as never).onConflict().ignore().execute('run');
  return result.affectedRows;
}
