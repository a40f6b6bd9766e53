import type { EntityManager, EntityName, Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';

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

/** How many statement texts a connection pool prepares at most: the statements of compiled read paths number in the dozens. */
const MAX_PREPARED = 256;

/** Per connection pool (knex client), each prepared text's name; null for a text whose plan went stale, which runs unnamed from then on. */
const preparedNamesByPool = new WeakMap<object, Map<string, string | null>>();

/**
 * Pools (knex clients) whose statements all run unnamed: set so (DATABASE_PREPARED_STATEMENTS=off),
 * or found between the hub and PostgreSQL a pooler that hands each transaction to whichever server
 * connection is free (PgBouncer before 1.21 in transaction mode, or without
 * `max_prepared_statements`): a statement prepared on one server connection is missing on the next.
 */
const unnamedPools = new WeakSet<object>();

/** Every statement of this EntityManager's pool runs unnamed, `prepare` or not. */
export function runUnprepared(em: EntityManager): void {
  unnamedPools.add(em.getKnex().client as object);
}

/**
 * The name under which a statement is prepared on each connection that runs it, or undefined
 * once the pool has named `MAX_PREPARED` texts (then it runs unnamed, as any other): the
 * driver keeps a connection's prepared statements as long as the connection lives, so the
 * texts prepared must be few. The name is a digest of the text: one text, one name.
 */
function preparedName(knex: Knex, sql: string): string | undefined {
  if (unnamedPools.has(knex.client as object)) return undefined;
  let preparedNames = preparedNamesByPool.get(knex.client as object);
  if (!preparedNames) preparedNamesByPool.set(knex.client as object, (preparedNames = new Map()));
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `ngohub_${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
    preparedNames.set(sql, name);
  }
  return name ?? undefined;
}

/**
 * PostgreSQL plans a prepared statement again after a migration, but refuses to run it once its
 * columns changed type ("cached plan must not change result type"), on every connection that
 * prepared it. A process that outlives such a migration runs that text unnamed from then on.
 */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));
}

/**
 * A prepared statement the server connection does not have ("does not exist", 26000), or one of
 * the same name it already has ("already exists", 42P05): the driver's record of what each
 * connection prepared is wrong, as it is behind a pooler that moves transactions between server
 * connections.
 */
function isLostStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '26000' || code === '42P05';
}

/**
 * Runs SQL with bound parameters (`?` → `$n`) in the EntityManager's transaction, if any.
 * `em.execute` inlines parameters into the SQL text, escaping them in JS: for a batch of
 * thousands of rows sent as one JSON parameter that costs more than the insert itself.
 *
 * `prepare`: for a statement whose text is built once and run again and again (the compiled read
 * paths, the audit trail's insert). PostgreSQL parses it once per connection and keeps its plan
 * instead of parsing and planning it for every run: a third of its CPU for a page of enrollments
 * by course (bench/README.md). A migration that changes a table makes PostgreSQL plan it again.
 * Behind a pooler that loses them, the pool stops naming statements at the first sign of it.
 */
export async function query<T>(
  em: EntityManager,
  sql: string,
  bindings: readonly (string | number | boolean | null)[] = [],
  { prepare = false }: { prepare?: boolean } = {},
): Promise<T[]> {
  const knex = em.getKnex();
  const name = prepare ? preparedName(knex, sql) : undefined;
  const transaction = em.getTransactionContext();
  const run = async (prepared: string | undefined) => {
    const statement = knex.raw(sql, bindings as (string | number | boolean | null)[]);
    if (prepared) statement.options({ name: prepared });
    if (transaction) statement.transacting(transaction);
    return ((await statement) as { rows: T[] }).rows;
  };
  try {
    return await run(name);
  } catch (error) {
    if (!name) throw error;
    if (isLostStatement(error)) unnamedPools.add(knex.client as object);
    else if (isStalePlan(error)) preparedNamesByPool.get(knex.client as object)?.set(sql, null);
    else throw error;
    // a failed statement ends its transaction: only a statement outside one can be run again
    if (transaction) throw error;
    return run(undefined);
  }
}
