import { ArrayType, Reference, ReferenceKind, type EntityMetadata, type EntityProperty, type Platform, type Type } from '@mikro-orm/core';
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { isUuid } from './ids';
import { defineLoader, type LoaderDefinition } from './loaders';
import { pgArray, tableOf } from './sql';
import { compiles, plainColumn, quoteIdentifier, run, whereClause, whereSql, type Fragment } from './statements';

/**
 * Read paths without managed entities. A GraphQL answer only reads its rows: building MikroORM
 * entities for them (identity map, change-tracking snapshot, relation propagation) was most of a
 * subgraph's CPU on the sector dashboard, with the garbage it leaves. `readRows` turns rows as
 * PostgreSQL returns them into instances of the entity class (so getters and methods still work)
 * that the unit of work never sees: never persist, flush or populate them; write paths load their
 * entities through the EntityManager as before.
 */

type Convert = (value: unknown) => unknown;

interface Column {
  name: string;
  column: string;
  /** undefined where the driver's value already is the property's (text, numbers, uuids: most columns) */
  convert: Convert | undefined;
}

interface Embedding {
  name: string;
  nullable: boolean;
  prototype: object;
  columns: Column[];
}

interface Plan {
  columns: Column[];
  embeddings: Embedding[];
  /** Reads one row: compiled for the entity (`compileReader`). */
  read: (row: Record<string, unknown>) => object;
}

const plans = new WeakMap<EntityMetadata, Plan>();

/**
 * The entity's prototype under a layer of plain writable properties of the given names: MikroORM
 * defines accessors for them on the entity prototype (change tracking, propagation), which an
 * assignment would call; behind this layer an assignment just creates the instance's own property.
 */
function shadow(prototype: object, names: readonly string[]): object {
  return Object.create(prototype, Object.fromEntries(names.map((name) => [name, { value: undefined, writable: true, enumerable: false, configurable: true }])));
}

/** How an `ArrayType` converts each element (a private field of MikroORM's class). */
const elementConversion = (type: ArrayType): string => String((type as unknown as { toJsValue: unknown }).toJsValue);

/** The source of MikroORM's default element conversion of an `ArrayType` (none: each element as the driver gave it). */
const AS_GIVEN = elementConversion(new ArrayType());

/** An array type whose elements need no conversion (`text[]`, `uuid[]`, string enums): the driver's array is the property's. */
function plainArray(custom: Type<unknown> | undefined): custom is ArrayType {
  return custom instanceof ArrayType && elementConversion(custom) === AS_GIVEN;
}

/**
 * How MikroORM's hydrator turns a column's value into the property's (custom types, dates,
 * booleans), or undefined where the value needs nothing: most columns of a row, whose conversion
 * was a tenth of a subgraph's CPU on the sector dashboard.
 */
function converter(prop: EntityProperty, platform: Platform): Convert | undefined {
  const custom = prop.customType;
  // the driver parses text[] and uuid[] into arrays; an array of an enum type of its own comes as text
  if (plainArray(custom)) return (value) => (value == null || Array.isArray(value) ? value : custom.convertToJSValue(value as string, platform));
  const date = prop.runtimeType === 'Date';
  const boolean = prop.runtimeType === 'boolean';
  if (!custom && !date && !boolean) return undefined;
  return (value) => {
    if (value == null) return value;
    const converted = custom ? custom.convertToJSValue(value, platform) : value;
    if (!date || typeof converted !== 'string') return boolean ? Boolean(converted) : converted;
    // as MikroORM's hydrator: a timestamp without an offset is UTC (forceUtcTimezone)
    return converted.includes('+') || converted.lastIndexOf('-') > 10 || converted.endsWith('Z') ? new Date(converted) : new Date(`${converted}Z`);
  };
}

/** A relation held by its key: an instance of the target class with only its primary key. */
function reference(prop: EntityProperty): Convert {
  const target = prop.targetMeta!;
  const key = target.primaryKeys[0];
  const prototype = shadow(target.prototype, [key]);
  return (value) => {
    if (value == null) return null;
    const ref = Object.create(prototype) as Record<string, unknown>;
    ref[key] = value;
    return prop.ref ? Reference.create(ref) : ref;
  };
}

/** An embeddable kept as JSON (one object or an array of them): its keys are the column names of its properties. */
function jsonEmbedded(prop: EntityProperty, platform: Platform): Convert {
  const prototype = (prop.embeddable as { prototype: object }).prototype;
  const children = Object.values(prop.embeddedProps ?? {}).map((child) => ({
    name: child.embedded![1],
    key: child.fieldNames[0],
    convert: converter(child, platform) ?? ((value: unknown) => value),
  }));
  const one = (value: unknown) => {
    if (value == null || typeof value !== 'object') return value;
    const embedded = Object.create(prototype) as Record<string, unknown>;
    for (const child of children) embedded[child.name] = child.convert((value as Record<string, unknown>)[child.key]);
    return embedded;
  };
  return (value) => {
    const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    return Array.isArray(parsed) ? parsed.map(one) : one(parsed);
  };
}

function planOf(meta: EntityMetadata, platform: Platform): Plan {
  let plan = plans.get(meta);
  if (plan) return plan;
  const columns: Column[] = [];
  const embeddings: Embedding[] = [];
  for (const prop of meta.props) {
    // lazy columns (search bigrams and the like) are not read, as `em.find` does not read them
    if (prop.persist === false || prop.formula || prop.lazy) continue;
    if (prop.kind === ReferenceKind.SCALAR && !prop.embedded && prop.fieldNames?.length === 1) {
      columns.push({ name: prop.name, column: prop.fieldNames[0], convert: converter(prop, platform) });
    } else if ((prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) && prop.fieldNames?.length === 1) {
      columns.push({ name: prop.name, column: prop.fieldNames[0], convert: reference(prop) });
    } else if (prop.kind === ReferenceKind.EMBEDDED && !prop.object && prop.embeddable) {
      const children = Object.values(prop.embeddedProps ?? {}).filter((child) => child.fieldNames?.length === 1 && child.kind === ReferenceKind.SCALAR);
      embeddings.push({
        name: prop.name,
        nullable: Boolean(prop.nullable),
        prototype: (prop.embeddable as { prototype: object }).prototype,
        columns: children.map((child) => ({ name: child.embedded![1], column: child.fieldNames[0], convert: converter(child, platform) })),
      });
    } else if (prop.kind === ReferenceKind.EMBEDDED && prop.object && prop.fieldNames?.length === 1 && prop.embeddable) {
      columns.push({ name: prop.name, column: prop.fieldNames[0], convert: jsonEmbedded(prop, platform) });
    } else if (
      prop.kind !== ReferenceKind.ONE_TO_MANY &&
      prop.kind !== ReferenceKind.MANY_TO_MANY &&
      prop.kind !== ReferenceKind.ONE_TO_ONE &&
      !prop.embedded
    ) {
      throw new Error(
        `readRows: ${meta.className}.${prop.name} (${prop.kind}${prop.ref ? ', ref' : ''}) cannot be read without the ORM; load it through the EntityManager`,
      );
    }
  }
  const prototype = shadow(
    meta.prototype,
    [...columns, ...embeddings].map((c) => c.name),
  );
  plan = { columns, embeddings, read: compileReader(prototype, columns, embeddings) };
  plans.set(meta, plan);
  return plan;
}

/**
 * The function that reads one row into an instance of the entity, written out for its columns:
 * `o["title"] = row["title"]` for each, as MikroORM compiles its hydrators. A loop over the column
 * list assigned through computed names, which V8 cannot specialise (read-rows 6% of funding's
 * busy time on the sector dashboard, its own loop half of that). Names come from entity metadata
 * and are quoted as JSON strings; converters are passed in, not written out.
 */
function compileReader(prototype: object, columns: readonly Column[], embeddings: readonly Embedding[]): (row: Record<string, unknown>) => object {
  const converters: Convert[] = [];
  const value = (c: Column) =>
    c.convert === undefined ? `row[${JSON.stringify(c.column)}]` : `convert[${converters.push(c.convert) - 1}](row[${JSON.stringify(c.column)}])`;
  const lines = columns.map((c) => `o[${JSON.stringify(c.name)}] = ${value(c)};`);
  embeddings.forEach((e, i) => {
    lines.push(`e = Object.create(embedded[${i}]); any = false;`);
    for (const c of e.columns) lines.push(`v = ${value(c)}; if (v != null) any = true; e[${JSON.stringify(c.name)}] = v;`);
    lines.push(`o[${JSON.stringify(e.name)}] = ${e.nullable ? '!any ? null : e' : 'e'};`);
  });
  const body = `return function read(row) { const o = Object.create(prototype); let e, any, v;\n${lines.join('\n')}\nreturn o; };`;
  // generated from entity metadata only (see above), never from a request
  return new Function('prototype', 'convert', 'embedded', body)(
    prototype,
    converters,
    embeddings.map((e) => e.prototype),
  ) as (row: Record<string, unknown>) => object;
}

/** Instances of `entity` from rows keyed by column name (as the driver returns them), outside the unit of work. */
export function readRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: readonly Record<string, unknown>[]): T[] {
  const { read } = planOf(metaOf(em, entity as EntityName<unknown>), em.getPlatform());
  return rows.map(read) as T[];
}

function metaOf(em: EntityManager, entity: EntityName<unknown>): EntityMetadata {
  const meta = em.getMetadata().find(entity as never) as EntityMetadata | undefined;
  if (!meta) throw new Error(`readRows: ${String(entity)} is not an entity`);
  return meta;
}

/** The columns `readRows` reads, qualified by `alias`: select these rather than `*` (lazy columns are left out). */
export function readColumns(em: EntityManager, entity: EntityName<unknown>, alias: string): string[] {
  const { columns, embeddings } = planOf(metaOf(em, entity), em.getPlatform());
  return [...columns, ...embeddings.flatMap((e) => e.columns)].map((c) => `${alias}.${c.column}`);
}

/** What every compiled read of an entity starts with (statements.ts), built once per entity. */
export interface EntityTable {
  meta: EntityMetadata;
  /** the columns `readRows` reads, on alias `e` */
  columns: string;
  /** `select <columns> from <table> e` */
  select: string;
  /** `<table> e` */
  from: string;
  /** `e."id"` and its SQL type */
  id: { column: string; type: string };
}

const tables = new WeakMap<EntityMetadata, EntityTable>();

/** The entity's compiled-statement table, or undefined when its reads go through the QueryBuilder. */
export function entityTable(em: EntityManager, entity: EntityName<unknown>): EntityTable | undefined {
  const meta = metaOf(em, entity);
  if (!compiles(meta)) return undefined;
  let table = tables.get(meta);
  if (!table) {
    const { columns, embeddings } = planOf(meta, em.getPlatform());
    const from = `${tableOf(em, entity as EntityName<object>)} e`;
    const id = meta.properties[meta.primaryKeys[0]];
    const read = [...columns, ...embeddings.flatMap((e) => e.columns)].map((c) => `e.${quoteIdentifier(c.column)}`).join(', ');
    table = {
      meta,
      columns: read,
      select: `select ${read} from ${from}`,
      from,
      id: { column: `e.${quoteIdentifier(id.fieldNames[0])}`, type: (id.columnTypes?.[0] ?? 'text').toLowerCase() },
    };
    tables.set(meta, table);
  }
  return table;
}

const DIRECTIONS: Record<string, 'asc' | 'desc'> = { asc: 'asc', ASC: 'asc', desc: 'desc', DESC: 'desc', '1': 'asc', '-1': 'desc' };

/** ` order by ...` of a QueryBuilder order over plain columns, '' for none, undefined for anything else. */
function orderSql(meta: EntityMetadata, orderBy: unknown): string | undefined {
  if (orderBy === undefined) return '';
  const parts: string[] = [];
  for (const item of Array.isArray(orderBy) ? orderBy : [orderBy]) {
    if (typeof item !== 'object' || item === null) return undefined;
    for (const [name, direction] of Object.entries(item as Record<string, unknown>)) {
      const column = plainColumn(meta, name);
      const dir = DIRECTIONS[String(direction)];
      if (!column || !dir || meta.properties[name].customOrder) return undefined;
      parts.push(`e.${quoteIdentifier(column)} ${dir}`);
    }
  }
  return parts.length ? ` order by ${parts.join(', ')}` : '';
}

/** The statement `findRows` runs, compiled, or undefined when only the QueryBuilder can write it. */
function findStatement(em: EntityManager, entity: EntityName<unknown>, where: unknown, options: { orderBy?: unknown; limit?: number }): Fragment | undefined {
  const table = entityTable(em, entity);
  const condition = table && whereSql(table.meta, where, 'e');
  const order = condition && orderSql(table.meta, options.orderBy);
  if (order === undefined) return undefined;
  const clause = whereClause(condition!);
  const limit = options.limit === undefined ? '' : ' limit ?';
  return {
    sql: `${table!.select}${clause.sql}${order}${limit}`,
    bindings: options.limit === undefined ? clause.bindings : [...clause.bindings, options.limit],
  };
}

/** `em.find` for read paths: the same rows, as `readRows` instances (one statement, no identity map). */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: { orderBy?: QueryOrderMap<T> | QueryOrderMap<T>[]; limit?: number } = {},
): Promise<T[]> {
  const compiled = findStatement(em, entity as EntityName<unknown>, where, options);
  if (compiled) return readRows(em, entity, await run<Record<string, unknown>>(em, compiled));
  const qb = em.createQueryBuilder(entity, 'e').select('*').where(where);
  if (options.orderBy) qb.orderBy(options.orderBy as never);
  if (options.limit !== undefined) qb.limit(options.limit);
  const query = qb
    .getKnexQuery()
    .clearSelect()
    .select(readColumns(em, entity as EntityName<unknown>, 'e'));
  return readRows(em, entity, (await query) as Record<string, unknown>[]);
}

const byIdStatements = new WeakMap<EntityTable, string>();

/** A loader of rows by UUID, many per query, as `readRows` instances: for `Type(id)` queries, `_entities` and fields that point at a row; null for an id with no row. */
export function defineRowsById<T extends { id: string }>(name: string, entity: EntityName<T>): LoaderDefinition<string, T | null> {
  return defineLoader<string, T | null>(name, async (ids, ctx) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await rowsByIds(ctx.em, entity, valid) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Rows of these ids in one statement whose text is the same for any number of ids: `e.id = any(?::uuid[])`. */
function rowsByIds<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, ids: string[]): Promise<T[]> {
  const table = entityTable(em, entity as EntityName<unknown>);
  if (!table) return findRows(em, entity, { id: { $in: ids } } as unknown as FilterQuery<T>);
  let sql = byIdStatements.get(table);
  if (!sql) {
    sql = `${table.select} where ${table.id.column} = any(?::${table.id.type}[])`;
    byIdStatements.set(table, sql);
  }
  return run<Record<string, unknown>>(em, { sql, bindings: [pgArray(ids)] }).then((rows) => readRows(em, entity, rows));
}
