import { Migration } from '@mikro-orm/migrations';

export class Migration20261123125012_city_key extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "people"."person_city_trgm_index";`);

    this.addSql(`alter table "people"."person" add column "city_key" text generated always as (coalesce(lower(city), '')) stored not null;`);
    this.addSql(`create index "person_city_key_name_id_index" on "people"."person" ("city_key", "name", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "people"."person_city_key_name_id_index";`);
    this.addSql(`alter table "people"."person" drop column "city_key";`);

    this.addSql(`create index "person_city_trgm_index" on "people"."person" using gin ("city" public.gin_trgm_ops);`);
  }

}
