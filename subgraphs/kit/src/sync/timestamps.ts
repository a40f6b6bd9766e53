import { helper, Property, raw, Utils, type EventArgs, type EventSubscriber } from '@mikro-orm/postgresql';
import { Field } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/*
 * createdAt and updatedAt of the records partners sync are the database's: a trigger that each
 * subgraph's migration puts on the table (`<schema>.touch_row()`) stamps them with the database
 * clock on insert and on every update that changes the row, however it is written (a mutation,
 * the seed, an import, an operator's SQL). The sync horizon compares them with the same clock.
 * Left unset by the code, so MikroORM reads the stamped values back (RETURNING).
 */

/** Entity classes with an `@UpdatedAt()`: their tables need the touch_row trigger (the schema drift test checks). */
export const STAMPED_ENTITIES = new Set<object>();

/** When the record was added to the hub (database clock, milliseconds). */
export function CreatedAt(description = "When the record was added to the hub (milliseconds, the hub's clock)."): PropertyDecorator {
  return (target, key) => {
    Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })(target, key as string);
    Field(() => DateTimeScalar, { description })(target, key);
  };
}

/** When the record last changed (database clock, milliseconds): what `updatedSince` and `orderBy: UPDATED_AT` read. */
export function UpdatedAt(
  description = "When the record last changed (milliseconds, the hub's clock); what `filter: { updatedSince }` and `orderBy: UPDATED_AT` read.",
): PropertyDecorator {
  return (target, key) => {
    STAMPED_ENTITIES.add(target.constructor);
    // the trigger stamps it; a raw value makes MikroORM send the update and read the stamp back
    Property({ type: 'datetime', length: 3, defaultRaw: 'now()', onUpdate: () => raw('clock_timestamp()') })(target, key as string);
    Field(() => DateTimeScalar, { description })(target, key);
  };
}

/**
 * Reads back what the trigger stamped after a single-row update: MikroORM 6 sends `updatedAt` as
 * the raw `clock_timestamp()` but reads it back (RETURNING) only when it updates rows in a batch.
 * One statement per row updated alone, none for a batch. Registered on every subgraph's ORM.
 */
export class DatabaseStampSubscriber implements EventSubscriber {
  async afterUpdate(args: EventArgs<object>): Promise<void> {
    const entity = args.entity as Record<string, unknown>;
    if (!('updatedAt' in entity) || !Utils.isRawSql(entity.updatedAt)) return;
    const meta = args.meta ?? args.em.getMetadata().get(args.entity.constructor.name);
    const table = `"${meta.schema ?? args.em.config.get('schema')}"."${meta.tableName}"`;
    const rows = await args.em
      .getConnection()
      .execute<{ ms: string }[]>(
        `select (extract(epoch from updated_at) * 1000)::bigint as ms from ${table} where id = ?`,
        [entity.id],
        'all',
        args.em.getTransactionContext(),
      );
    entity.updatedAt = rows[0] ? new Date(Number(rows[0].ms)) : null;
    helper(args.entity).__originalEntityData = args.em.getComparator().prepareEntity(args.entity);
  }
}
