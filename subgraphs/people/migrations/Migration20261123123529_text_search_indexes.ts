import { Migration } from '@mikro-orm/migrations';

export class Migration20261123123529_text_search_indexes extends Migration {

  override async up(): Promise<void> {
    // pg_trgm serves every subgraph on the database; the lock keeps subgraphs migrating at once from racing to create it.
    this.addSql(`select pg_advisory_xact_lock(hashtext('ngohub: create extension pg_trgm'));`);
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create index "person_city_trgm_index" on "people"."person" using gin ("city" public.gin_trgm_ops);`);
    this.addSql(`create index "person_name_zh_trgm_index" on "people"."person" using gin ("name_zh" public.gin_trgm_ops);`);
    this.addSql(`create index "person_name_trgm_index" on "people"."person" using gin ("name" public.gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "people"."person_city_trgm_index";`);
    this.addSql(`drop index "people"."person_name_zh_trgm_index";`);
    this.addSql(`drop index "people"."person_name_trgm_index";`);
  }

}
