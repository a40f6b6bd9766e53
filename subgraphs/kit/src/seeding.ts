import type { EntityManager, EntityName, RequiredEntityData } from '@mikro-orm/postgresql';

/**
 * Inserts seed rows that are not there yet (matched by primary key) and leaves existing rows as
 * they are, so loading the seed twice changes nothing. Returns how many rows were inserted.
 * Rows are plain column data (scalars, embeddables, foreign keys), not entities with collections.
 */
export async function insertMissing<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  // columns Postgres computes (generated always … stored) refuse any value, even NULL
  const generated = em.getMetadata().find(entity as EntityName<object>)?.props.filter((prop) => prop.generated).map((prop) => prop.name) ?? [];
  const data = generated.length
    ? rows.map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const name of generated) delete copy[name];
        return copy;
      })
    : rows;
  const result = await em.createQueryBuilder(entity).insert(data as never).onConflict().ignore().execute('run');
  return result.affectedRows;
}
