import { Migration } from '@mikro-orm/migrations';

export class Migration20261202082718_provenance_everywhere extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "training"."mentorship" add column "provenance_kind" text check ("provenance_kind" in ('SEED', 'IMPORT', 'API', 'UNRECORDED')) not null default 'UNRECORDED', add column "provenance_illustrative" boolean not null default false, add column "provenance_note" text null, add column "provenance_source_title" text null, add column "provenance_source_author" text null, add column "provenance_source_publisher" text null, add column "provenance_source_issue" text null, add column "provenance_source_published" text null, add column "provenance_source_file" text null, add column "provenance_source_modified_at" timestamptz null, add column "provenance_recorded_at" timestamptz null, add column "provenance_recorded_by_organization_id" uuid null, add column "provenance_recorded_by_person_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "training"."mentorship" drop column "provenance_kind", drop column "provenance_illustrative", drop column "provenance_note", drop column "provenance_source_title", drop column "provenance_source_author", drop column "provenance_source_publisher", drop column "provenance_source_issue", drop column "provenance_source_published", drop column "provenance_source_file", drop column "provenance_source_modified_at", drop column "provenance_recorded_at", drop column "provenance_recorded_by_organization_id", drop column "provenance_recorded_by_person_id";`);
  }

}
