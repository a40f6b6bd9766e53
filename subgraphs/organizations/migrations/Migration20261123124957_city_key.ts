import { Migration } from '@mikro-orm/migrations';

export class Migration20261123124957_city_key extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "organizations"."organization_city_trgm_index";`);

    this.addSql(`alter table "organizations"."organization" add column "city_key" text generated always as (coalesce(lower(city), '')) stored not null;`);
    this.addSql(`create index "organization_city_key_name_id_index" on "organizations"."organization" ("city_key", "name", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "organizations"."organization_city_key_name_id_index";`);
    this.addSql(`alter table "organizations"."organization" drop column "city_key";`);

    this.addSql(`create index "organization_city_trgm_index" on "organizations"."organization" using gin ("city" public.gin_trgm_ops);`);
  }

}
