import type { EntityMetadata, MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '../events/topics';
import { migrate } from '../orm';
import { STAMPED_ENTITIES } from '../sync/timestamps';
import { openSubgraphOrm, type SubgraphDefinition } from '../subgraph';
import { createTestDatabase } from './database';

/**
 * Where a database migrated from empty with a subgraph's migrations differs from what its
 * entities map; empty when they agree. Checked on a database of its own, dropped after:
 *
 * - MikroORM's schema diff against the entities' metadata (`getUpdateSchemaSQL`): tables,
 *   columns (type, nullability, default, generation expression), plain indexes, unique and
 *   foreign keys, checks, and tables the entities no longer map;
 * - what that diff compares by name only: an expression index (trigram indexes) must be defined
 *   as the entity's `@Index({ expression })` defines it, and a generated column (city_key, the
 *   bigram columns) must have the entity's column type;
 * - what no entity describes: the outbox's trigger must NOTIFY the gateway's relay, and the table
 *   of an entity with `@UpdatedAt()` must have the touch_row trigger, naming its generated columns.
 *
 * Not seen: the body of SQL functions (e.g. `bigrams(text)`: the search tests cover it) and
 * extensions (pg_trgm), other than through the indexes that need them.
 */
export async function schemaDrift(definition: SubgraphDefinition): Promise<string[]> {
  const database = await createTestDatabase(`ngohub_schema_${definition.name}`);
  const orm = await openSubgraphOrm(definition, database.url);
  const client = new Client({ connectionString: database.url });
  try {
    await migrate(orm);
    await client.connect();
    const update = (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
    return [
      ...(update ? [`the entities need: ${update}`] : []),
      ...(await expressionIndexDrift(orm, client, definition.name)),
      ...(await generatedColumnDrift(orm, client, definition.name)),
      ...(await outboxNotifyDrift(client, definition.name)),
      ...(await stampTriggerDrift(orm, client, definition.name)),
    ];
  } finally {
    await client.end();
    await orm.close();
    await database.drop();
  }
}

function mappedEntities(orm: MikroORM): EntityMetadata[] {
  return Object.values(orm.getMetadata().getAll()).filter((meta) => !meta.embeddable && !meta.virtual && meta.tableName);
}

/** Each expression index as the migrations made it, against the entity's expression built beside it (rolled back). */
async function expressionIndexDrift(orm: MikroORM, client: Client, schema: string): Promise<string[]> {
  const drift: string[] = [];
  for (const meta of mappedEntities(orm)) {
    for (const index of [...meta.indexes, ...meta.uniques]) {
      if (typeof index.expression !== 'string' || !index.name) continue;
      const name = index.name;
      const migrated = await indexDefinition(client, schema, name);
      const probe = `${name}__entity`;
      let mapped: string | undefined;
      await client.query('begin');
      try {
        await client.query(index.expression.replace(`"${name}"`, `"${probe}"`));
        mapped = (await indexDefinition(client, schema, probe))?.replace(probe, name);
      } finally {
        await client.query('rollback');
      }
      if (migrated !== mapped) drift.push(`index ${name}: migrated ${migrated ?? '(missing)'}; entity ${mapped ?? '(not created)'}`);
    }
  }
  return drift;
}

async function indexDefinition(client: Client, schema: string, name: string): Promise<string | undefined> {
  const { rows } = await client.query<{ indexdef: string }>('select indexdef from pg_indexes where schemaname = $1 and indexname = $2', [schema, name]);
  return rows[0]?.indexdef;
}

/** MikroORM skips the type of a generated column; compare it with the entity's column type. */
async function generatedColumnDrift(orm: MikroORM, client: Client, schema: string): Promise<string[]> {
  const drift: string[] = [];
  for (const meta of mappedEntities(orm)) {
    for (const property of meta.props) {
      if (!property.generated || !property.fieldNames?.length) continue;
      const column = property.fieldNames[0];
      const { rows } = await client.query<{ type: string }>(
        `select format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
          where a.attrelid = format('%I.%I', $1::text, $2::text)::regclass and a.attname = $3 and not a.attisdropped`,
        [schema, meta.tableName, column],
      );
      const expected = property.columnTypes?.[0];
      if (rows[0]?.type !== expected) drift.push(`generated column ${meta.tableName}.${column}: migrated ${rows[0]?.type ?? '(missing)'}; entity ${expected}`);
    }
  }
  return drift;
}

/** An outbox row must wake the gateway's relay: a NOTIFY on the outbox channel naming the schema, at commit. */
async function outboxNotifyDrift(client: Client, schema: string): Promise<string[]> {
  const heard: string[] = [];
  client.on('notification', (message) => void heard.push(`${message.channel}:${message.payload}`));
  await client.query(`listen ${OUTBOX_CHANNEL}`);
  await client.query(`insert into "${schema}"."outbox_event" ("topic", "payload") values ('SCHEMA_DRIFT_PROBE', '{}')`);
  for (let waited = 0; heard.length === 0 && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return heard.includes(`${OUTBOX_CHANNEL}:${schema}`)
    ? []
    : [`an outbox insert did not notify ${OUTBOX_CHANNEL} with "${schema}" (heard: ${heard.join(', ') || 'nothing'})`];
}

/** The table of an entity with `@UpdatedAt()` has touch_row, whose arguments are exactly its generated columns. */
async function stampTriggerDrift(orm: MikroORM, client: Client, schema: string): Promise<string[]> {
  const drift: string[] = [];
  for (const meta of mappedEntities(orm)) {
    if (!meta.class || !STAMPED_ENTITIES.has(meta.class)) continue;
    const table = `"${schema}"."${meta.tableName}"`;
    const triggers = await client.query<{ tgargs: Buffer }>(`select tgargs from pg_trigger where tgrelid = $1::regclass and tgname = 'touch_row'`, [table]);
    const columns = await client.query<{ name: string }>(
      `select attname::text as name from pg_attribute where attrelid = $1::regclass and attgenerated <> '' and not attisdropped order by 1`,
      [table],
    );
    const generated = columns.rows.map((row) => row.name);
    if (!triggers.rows.length) {
      drift.push(`table ${meta.tableName} stamps updatedAt but has no touch_row trigger`);
      continue;
    }
    // tgargs: each argument followed by a NUL byte
    const named = triggers.rows[0].tgargs.toString('utf8').split('\0').filter(Boolean).sort();
    if (named.join(',') !== generated.join(','))
      drift.push(`touch_row on ${meta.tableName} names ${named.join(', ') || 'no columns'}; its generated columns are ${generated.join(', ') || 'none'}`);
  }
  return drift;
}
