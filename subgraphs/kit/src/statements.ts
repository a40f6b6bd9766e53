import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, query } from './sql';

/**
 * Read statements whose text depends only on entity metadata and the shape of the request,
 * built once and run with bind parameters. The read paths (rows by ids, pages and totals by
 * parent, top-level pages) used to build each statement through MikroORM's QueryBuilder and
 * knex on every loader batch and every page: criteria processing and knex compilation were the
 * largest single cost of every subgraph on the sector dashboard (bench/README.md, issue 20).
 *
 * `whereSql` compiles the plain part of MikroORM's filter language (equality, comparisons,
 * `$in`/`$nin`, `null`, `$and`/`$or` over scalar and many-to-one columns) to the SQL the
 * QueryBuilder would run; anything else (raw fragments, JSON, embeddables, array operators,
 * objects as values) is not compiled, and the caller falls back to the QueryBuilder. Lists of
 * ids go as one array parameter (`= any(?::uuid[])`), so a statement's text does not depend
 * on how many ids a batch holds.
 */

export type Binding = string | number | boolean | null;

/** A piece of SQL and its bind parameters (`?`). */
export interface Fragment {
  sql: string;
  bindings: Binding[];
}

let enabled = true;

/** Turns the compiled statements off (every read through the QueryBuilder): for tests that compare both. */
export function useCompiledStatements(on: boolean): void {
  enabled = on;
}

/** Whether `entity` can be read by compiled statements: a plain table, no inheritance, no virtual entity. */
export function compiles(meta: EntityMetadata): boolean {
  return enabled && !meta.discriminatorColumn && !meta.expression && !meta.virtual && meta.primaryKeys.length === 1;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The column of a property a condition or an order can name: a scalar or a many-to-one held by one column. */
export function plainColumn(meta: EntityMetadata, name: string): string | undefined {
  const prop: EntityProperty | undefined = meta.properties[name];
  if (!prop || prop.persist === false || prop.formula || prop.embedded || prop.fieldNames?.length !== 1) return undefined;
  if (prop.kind === ReferenceKind.SCALAR) return prop.object || prop.array ? undefined : prop.fieldNames[0];
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) return prop.fieldNames[0];
  return undefined;
}

const COMPARISONS: Record<string, string> = { $eq: '=', $ne: '!=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isBinding(value: unknown): value is Binding {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isList(operator: string): boolean {
  return operator === '$in' || operator === '$nin';
}

/**
 * Column types a list is bound as one array parameter of (`= any(?::uuid[])`); a list on any other
 * column (a native enum, a custom type) goes as one parameter per member.
 */
const ARRAY_CASTS =
  /^(uuid|text|(varchar|character varying|char|character)(\(\d+\))?|smallint|int|int2|int4|integer|bigint|int8|boolean|bool|date|timestamptz(\(\d\))?|numeric(\(\d+(, ?\d+)?\))?)$/;

/** The array type to bind a list on this column as (`uuid[]`), when it has one of `ARRAY_CASTS`. */
export function arrayCast(meta: EntityMetadata, name: string): string | undefined {
  const type = meta.properties[name]?.columnTypes?.[0]?.toLowerCase();
  return type && ARRAY_CASTS.test(type) ? `${type}[]` : undefined;
}

/**
 * One condition on a column, as the QueryBuilder writes it (custom types are not converted there
 * either). `$in`/`$nin` lists go as one array parameter when `cast` names its type, so the text
 * is the same for any number of members: a prepared statement per filter shape, not per length.
 */
function conditionOn(column: string, operator: string, value: unknown, out: Fragment, cast?: string): boolean {
  if (isList(operator) && Array.isArray(value)) {
    if (value.length === 0 || !value.every((v) => isBinding(v) && v !== null)) return false;
    if (cast) {
      out.sql = `${column} ${operator === '$in' ? '= any' : '<> all'}(?::${cast})`;
      out.bindings.push(pgArray(value.map(String)));
      return true;
    }
    out.sql = `${column} ${operator === '$in' ? 'in' : 'not in'} (${value.map(() => '?').join(', ')})`;
    out.bindings.push(...(value as Binding[]));
    return true;
  }
  const comparison = COMPARISONS[operator];
  if (!comparison || !isBinding(value)) return false;
  if (value === null) {
    if (operator !== '$eq' && operator !== '$ne') return false;
    out.sql = `${column} is ${operator === '$ne' ? 'not ' : ''}null`;
    return true;
  }
  out.sql = `${column} ${comparison} ?`;
  out.bindings.push(value);
  return true;
}

/**
 * The SQL of a MikroORM filter on `alias`, or undefined when the filter uses anything but the
 * plain part of the language (the caller then builds it with the QueryBuilder). An empty filter
 * gives an empty fragment.
 */
export function whereSql(meta: EntityMetadata, where: unknown, alias: string): Fragment | undefined {
  if (!isPlainObject(where)) return undefined;
  const parts: string[] = [];
  const bindings: Binding[] = [];
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const members: string[] = [];
      for (const member of value) {
        const fragment = whereSql(meta, member, alias);
        if (!fragment) return undefined;
        if (!fragment.sql) {
          // an empty member of `$or` matches everything: left to the QueryBuilder
          if (key === '$or') return undefined;
          continue;
        }
        members.push(fragment.sql);
        bindings.push(...fragment.bindings);
      }
      if (members.length) parts.push(members.length === 1 ? members[0] : `(${members.join(key === '$and' ? ' and ' : ' or ')})`);
      continue;
    }
    const name = plainColumn(meta, key);
    if (!name) return undefined;
    const column = `${alias}.${quoteIdentifier(name)}`;
    const conditions: [string, unknown][] = isPlainObject(value) ? Object.entries(value) : [[Array.isArray(value) ? '$in' : '$eq', value]];
    if (conditions.length === 0) return undefined;
    for (const [operator, operand] of conditions) {
      const fragment: Fragment = { sql: '', bindings: [] };
      if (!conditionOn(column, operator, operand, fragment, isList(operator) ? arrayCast(meta, key) : undefined)) return undefined;
      parts.push(fragment.sql);
      bindings.push(...fragment.bindings);
    }
  }
  return { sql: parts.length > 1 ? `(${parts.join(' and ')})` : (parts[0] ?? ''), bindings };
}

/** `where a and b`, without the empty ones. */
export function whereClause(...fragments: Fragment[]): Fragment {
  const present = fragments.filter((f) => f.sql);
  return { sql: present.length ? ` where ${present.map((f) => f.sql).join(' and ')}` : '', bindings: present.flatMap((f) => f.bindings) };
}

/** Runs a compiled statement, prepared (its text depends only on the request's shape), in the EntityManager's transaction, if any. */
export function run<T>(em: EntityManager, statement: Fragment): Promise<T[]> {
  return query<T>(em, statement.sql, statement.bindings, { prepare: true });
}
