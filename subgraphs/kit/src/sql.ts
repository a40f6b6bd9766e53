import type { EntityManager, EntityName } from '@mikro-orm/postgresql';

/**
 * Raw SQL, where the ORM's query builder does not reach (set-returning joins, bulk inserts from
 * JSON, aggregates over many parents): the one way every subgraph writes it. Tables are named
 * from entity metadata (`tableOf`), values are bound parameters (`?`), lists go as one array
 * parameter (`pgArray`), and the statement runs in the EntityManager's transaction, if any.
 */

/**
 * A Postgres array literal for one `?::text[]` / `?::uuid[]` parameter: knex would spread a JS
 * array into a list of parameters.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** The schema-qualified, quoted table of an entity, for raw SQL. */
export function tableOf(em: EntityManager, entity: EntityName<object>): string {
  const meta = em.getMetadata().find(entity as never)!;
  const schema = meta.schema ?? em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

/**
 * Runs SQL with bound parameters (`?` → `$n`) in the EntityManager's transaction, if any.
 * `em.execute` inlines parameters into the SQL text, escaping them in JS: for a batch of
 * thousands of rows sent as one JSON parameter that costs more than the insert itself.
 */
export async function query<T>(em: EntityManager, sql: string, bindings: readonly (string | number | boolean | null)[] = []): Promise<T[]> {
  const statement = em.getKnex().raw(sql, bindings as (string | number | boolean | null)[]);
  const transaction = em.getTransactionContext();
  if (transaction) statement.transacting(transaction);
  const result = (await statement) as { rows: T[] };
  return result.rows;
}
