import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox becomes a queue the relay marks (`relayed_at`), instead of a log it reads below a
 * horizon of running transactions: an unrelated long write transaction in this database no longer
 * holds every event back. `occurred_at` is the time of the insert (the relay merges the subgraphs'
 * queues by it). Rows already relayed before this migration are read once more and skipped by the
 * event log's unique (source, source_id).
 */
export class Migration20261202120000_outbox_queue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organizations"."outbox_event" add column "relayed_at" timestamptz null;`);
    this.addSql(`alter table "organizations"."outbox_event" alter column "occurred_at" set default clock_timestamp();`);
    this.addSql(`drop index "organizations"."outbox_event_txid_id_index";`);
    this.addSql(`create index "outbox_event_pending_index" on "organizations"."outbox_event" ("id") where "relayed_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "organizations"."outbox_event_pending_index";`);
    this.addSql(`create index "outbox_event_txid_id_index" on "organizations"."outbox_event" ("txid", "id");`);
    this.addSql(`alter table "organizations"."outbox_event" alter column "occurred_at" set default now();`);
    this.addSql(`alter table "organizations"."outbox_event" drop column "relayed_at";`);
  }
}
