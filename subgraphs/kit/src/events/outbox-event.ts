import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One committed change another part of the hub may want to hear about. Written in the same
 * transaction as the change (so a rolled-back change leaves none), read by the gateway's event
 * relay, which orders rows by the writing transaction's id (`txid`) and only takes rows whose
 * transaction is older than every transaction still running: no row can appear behind one already
 * relayed. Every subgraph has this table in its own schema, created by its outbox migration with
 * a trigger that wakes the relay (`pg_notify` on OUTBOX_CHANNEL, delivered at commit).
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['txid', 'id'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The writing transaction (`pg_current_xact_id()`), filled in by the database. */
  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()', hidden: true })
  txid?: string;

  /** What happened, e.g. GRANT_AWARDED (see `EventTopic`). */
  @Property({ columnType: 'text' })
  topic!: string;

  @Property({ type: 'json' })
  payload!: object;

  @Property({ columnType: 'timestamptz', defaultRaw: 'now()' })
  occurredAt?: Date;

  constructor(topic: string, payload: object) {
    this.topic = topic;
    this.payload = payload;
  }
}
