import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox of the hub's live updates (see the kit's events/outbox-event.ts), and the trigger that
 * wakes the gateway's relay with pg_notify at commit. Literal SQL, as the kit's outboxMigrationSql('organizations')
 * produced it when this migration landed (7a28dd9): a migration is a frozen record.
 */
export class Migration20261123130000_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."outbox_event" ("id" bigserial primary key, "txid" xid8 not null default pg_current_xact_id(), "topic" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null default now());`);
    this.addSql(`create index "outbox_event_txid_id_index" on "organizations"."outbox_event" ("txid", "id");`);
    this.addSql(`create function "organizations".outbox_notify() returns trigger language plpgsql as $$ begin perform pg_notify('ngo_hub_outbox', TG_TABLE_SCHEMA); return null; end $$;`);
    this.addSql(`create trigger outbox_notify after insert on "organizations"."outbox_event" for each statement execute function "organizations".outbox_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organizations"."outbox_event";`);
    this.addSql(`drop function if exists "organizations".outbox_notify();`);
  }
}
