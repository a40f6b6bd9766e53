import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log of personal data read or changed here (see the kit's audit/audit-entry.ts). Literal
 * SQL, as the kit's auditMigrationSql('organizations') produced it when this migration landed (d4a2fda): a
 * migration is a frozen record.
 */
export class Migration20261123190000_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."audit_entry" ("id" uuid not null, "at" timestamptz(3) not null, "request_id" text not null, "actor_kind" text not null, "actor_person_id" uuid null, "actor_api_key_id" uuid null, "actor_organization_ids" uuid[] not null, "subject_person_id" uuid not null, "action" text not null, "outcome" text not null, "fields" text[] not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_subject_person_id_at_id_index" on "organizations"."audit_entry" ("subject_person_id", "at", "id");`);
    this.addSql(`create index "audit_entry_at_id_index" on "organizations"."audit_entry" ("at", "id");`);
    this.addSql(`create index "audit_entry_actor_person_id_at_index" on "organizations"."audit_entry" ("actor_person_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organizations"."audit_entry";`);
  }
}
