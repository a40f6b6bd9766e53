import { Migration } from '@mikro-orm/migrations';

/**
 * createdAt and updatedAt on incubation programmes, a list partners read (`incubationProgrammes`),
 * stamped by the database like the other synced records: the touch_row trigger of the
 * incremental sync migration. A programme's last change before this migration is unknown: it
 * starts at its creation.
 */
export class Migration20261202121000_incubation_programme_updated_at extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "organizations"."incubation_programme" add column "updated_at" timestamptz(3) not null default now();`);
    this.addSql(`alter table "organizations"."incubation_programme" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`update "organizations"."incubation_programme" set "updated_at" = "created_at";`);
    this.addSql(`create trigger touch_row before insert or update on "organizations"."incubation_programme" for each row execute function "organizations".touch_row();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists touch_row on "organizations"."incubation_programme";`);
    this.addSql(`alter table "organizations"."incubation_programme" drop column "updated_at";`);
    this.addSql(`alter table "organizations"."incubation_programme" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
  }

}
