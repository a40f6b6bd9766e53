import { OUTBOX_CHANNEL } from './topics';

/**
 * The outbox table of one subgraph's schema, as `OutboxEvent` maps it, plus the trigger that
 * wakes the gateway's relay with `pg_notify` (delivered at commit, never for a rollback).
 */
export function outboxMigrationSql(schema: string): string[] {
  const table = `"${schema}"."outbox_event"`;
  return [
    `create table ${table} ("id" bigserial primary key, "txid" xid8 not null default pg_current_xact_id(), "topic" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null default now());`,
    `create index "outbox_event_txid_id_index" on ${table} ("txid", "id");`,
    `create function "${schema}".outbox_notify() returns trigger language plpgsql as $$ begin perform pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA); return null; end $$;`,
    `create trigger outbox_notify after insert on ${table} for each statement execute function "${schema}".outbox_notify();`,
  ];
}

export function dropOutboxSql(schema: string): string[] {
  return [`drop table if exists "${schema}"."outbox_event";`, `drop function if exists "${schema}".outbox_notify();`];
}
