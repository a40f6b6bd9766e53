import { Migration } from '@mikro-orm/migrations';

/** 0 is an amount (360Giving allows it); what a 360Giving file says is kept with the grant, with where it came from. */
export class Migration20261202053523_360giving_as_published extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "funding"."grant" drop constraint grant_amount_positive_check;`);

    this.addSql(`alter table "funding"."grant" add column "published_amount_disbursed" numeric null, add column "planned_duration" int null, add column "date_modified" timestamptz null, add column "published" text null, add column "additional_data" text null, add column "content_hash" text null, add column "publisher_prefix" text null, add column "publisher_name" text null, add column "source_file" text null, add column "imported_at" timestamptz null;`);
    this.addSql(`alter table "funding"."grant" add constraint grant_published_amount_disbursed_check check(published_amount_disbursed is null or published_amount_disbursed >= 0);`);
    this.addSql(`alter table "funding"."grant" add constraint grant_amount_not_negative_check check(amount >= 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding"."grant" drop constraint grant_published_amount_disbursed_check;`);
    this.addSql(`alter table "funding"."grant" drop constraint grant_amount_not_negative_check;`);
    this.addSql(`alter table "funding"."grant" drop column "published_amount_disbursed", drop column "planned_duration", drop column "date_modified", drop column "published", drop column "additional_data", drop column "content_hash", drop column "publisher_prefix", drop column "publisher_name", drop column "source_file", drop column "imported_at";`);

    this.addSql(`alter table "funding"."grant" add constraint grant_amount_positive_check check(amount > 0);`);
  }

}
