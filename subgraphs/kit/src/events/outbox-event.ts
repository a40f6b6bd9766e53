import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One committed change another part of the hub may want to hear about. Written in the same
 * transaction as the change (so a rolled-back change leaves none), read by the gateway's event
 * relay as a queue: it takes the rows not yet relayed that it can see, i.e. committed, and marks
 * them `relayedAt` in the transaction that appends them to the hub's event log. A row is relayed
 * once, in the order transactions made it visible, and no transaction running anywhere else (in
 * this database or another) holds it back. Every subgraph has this table in its own schema,
 * created by its outbox migrations with a trigger that wakes the relay (`pg_notify` on
 * OUTBOX_CHANNEL, delivered at commit).
 */
@Entity({ tableName: 'outbox_event' })
@Index({
  name: 'outbox_event_pending_index',
  expression: (table, columns) =>
    `create index "outbox_event_pending_index" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${columns.id}") where "${columns.relayedAt}" is null`,
})
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The writing transaction (`pg_current_xact_id()`), filled in by the database (for diagnosis: the relay does not order by it). */
  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()', hidden: true })
  txid?: string;

  /** What happened, e.g. GRANT_AWARDED (see `EventTopic`). */
  @Property({ columnType: 'text' })
  topic!: string;

  @Property({ type: 'json' })
  payload!: object;

  /** When the row was written (`clock_timestamp()`, not the transaction's start): the relay merges the subgraphs' queues by it. */
  @Property({ columnType: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  occurredAt?: Date;

  /** When the relay appended it to the hub's event log; null while it waits. */
  @Property({ columnType: 'timestamptz', nullable: true, hidden: true })
  relayedAt?: Date | null;

  constructor(topic: string, payload: object) {
    this.topic = topic;
    this.payload = payload;
  }
}
