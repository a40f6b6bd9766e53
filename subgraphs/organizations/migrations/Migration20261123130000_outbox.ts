import { Migration } from '@mikro-orm/migrations';
import { dropOutboxSql, outboxMigrationSql } from '@ngo-hub/kit';

/** The outbox of the hub's live updates (see the kit's events/outbox-event.ts). */
export class Migration20261123130000_outbox extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxMigrationSql('organizations')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropOutboxSql('organizations')) this.addSql(sql);
  }
}
