import { ReferenceKind, type EntityManager, type EntityMetadata, type EntityName, type RequiredEntityData } from '@mikro-orm/postgresql';

/**
 * Inserts seed rows that are not there yet (matched by primary key) and leaves existing rows as
 * they are, so loading the seed twice changes nothing. Returns how many rows were inserted.
 * Rows are plain column data (scalars, embeddables, foreign keys), not entities with collections.
 */
export async function insertMissing<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  // columns Postgres computes (generated always … stored) refuse any value, even NULL
  const generated =
    em
      .getMetadata()
      .find(entity as EntityName<object>)
      ?.props.filter((prop) => prop.generated)
      .map((prop) => prop.name) ?? [];
  const data = generated.length
    ? rows.map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const name of generated) delete copy[name];
        return copy;
      })
    : rows;
  const result = await em
    .createQueryBuilder(entity)
    .insert(data as never)
    .onConflict()
    .ignore()
    .execute('run');
  return result.affectedRows;
}

function withoutGenerated(generated: string[], row: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row };
  for (const name of generated) delete copy[name];
  return copy;
}

/**
 * Gives every nullable column the row leaves out an explicit null (and every array column []),
 * inside embeddables too: a seed row states the whole record, so a value an earlier seed wrote and
 * this one dropped is cleared, not kept.
 */
function completeRow(meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
  const complete: Record<string, unknown> = { ...row };
  for (const prop of meta.props) {
    if (prop.primary || prop.generated || prop.persist === false || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY)
      continue;
    if (prop.embedded) continue; // an embeddable's own columns, reached through the embedded property below
    if (prop.kind === ReferenceKind.EMBEDDED && prop.array) {
      complete[prop.name] ??= [];
      continue;
    }
    if (prop.kind === ReferenceKind.EMBEDDED && prop.embeddedProps) {
      const value = (complete[prop.name] ?? {}) as Record<string, unknown>;
      const filled: Record<string, unknown> = { ...value };
      for (const child of Object.values(prop.embeddedProps)) {
        if (filled[child.embedded![1]] !== undefined) continue;
        if (child.nullable) filled[child.embedded![1]] = null;
      }
      complete[prop.name] = Object.assign(Object.create(Object.getPrototypeOf(value)), filled);
      continue;
    }
    if (complete[prop.name] !== undefined) continue;
    if (prop.array && !prop.nullable) complete[prop.name] = [];
    else if (prop.nullable && prop.default === undefined && prop.defaultRaw === undefined) complete[prop.name] = null;
  }
  return complete;
}

/**
 * Writes the seed's rows as the seed states them: inserts the missing ones (matched by primary
 * key) and brings the ones it wrote before up to date, so a corrected seed corrects an existing hub.
 * Rows already as stated are not touched, so loading the same seed twice writes nothing. Returns
 * rows inserted or changed. Creation and update timestamps are set on insert only, and so are the
 * columns `keep` names (state the API moves on). Rows are plain column data (scalars, embeddables, foreign keys).
 */
export async function upsertSeed<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: RequiredEntityData<T>[],
  options: { keep?: string[] } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const meta = em.getMetadata().find(entity as EntityName<object>)!;
  const generated = meta.props.filter((prop) => prop.generated).map((prop) => prop.name);
  const data = rows.map((row) => completeRow(meta, withoutGenerated(generated, row as Record<string, unknown>)));
  const fieldNames = (name: string) => meta.props.find((prop) => prop.name === name)?.fieldNames ?? [name];
  // timestamps the database or the ORM keeps (created, updated) are the row's own history, not seed facts
  const stamps = meta.props.filter((prop) => prop.onUpdate || prop.defaultRaw === 'now()').map((prop) => prop.name);
  const keep = new Set([...stamps, ...(options.keep ?? [])].flatMap(fieldNames));
  const primary = meta.primaryKeys.flatMap((name) => fieldNames(String(name)));
  const insert = em
    .createQueryBuilder(entity)
    .insert(data as never)
    .getFormattedQuery()
    .replace(/ returning .*$/s, '');
  const columns = [...insert.slice(insert.indexOf('(') + 1, insert.indexOf(')')).matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const merged = columns.filter((column) => !primary.includes(column) && !keep.has(column));
  const table = `"${meta.tableName}"`;
  const conflict = `(${primary.map((c) => `"${c}"`).join(', ')})`;
  const sql = merged.length
    ? `${insert} on conflict ${conflict} do update set ${merged.map((c) => `"${c}" = excluded."${c}"`).join(', ')} ` +
      `where (${merged.map((c) => `${table}."${c}"`).join(', ')}) is distinct from (${merged.map((c) => `excluded."${c}"`).join(', ')})`
    : `${insert} on conflict ${conflict} do nothing`;
  const result = await em.getConnection().execute(sql, [], 'run', em.getTransactionContext());
  return (result as unknown as { affectedRows: number }).affectedRows;
}

/**
 * Deletes rows an earlier seed wrote that state what the sources do not (by primary key): the
 * corrected seed takes its wrong statements back. Returns rows deleted.
 */
export async function retractSeed<T extends object>(em: EntityManager, entity: EntityName<T>, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return em.nativeDelete(entity, { id: { $in: ids } } as never);
}
