import { Migration } from '@mikro-orm/migrations';

export class Migration20261123123508_text_search_indexes extends Migration {

  override async up(): Promise<void> {
    // pg_trgm serves every subgraph on the database; the lock keeps subgraphs migrating at once from racing to create it.
    this.addSql(`select pg_advisory_xact_lock(hashtext('ngohub: create extension pg_trgm'));`);
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create index "grant_title_trgm_index" on "funding"."grant" using gin ("title" public.gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "funding"."grant_title_trgm_index";`);
  }

}
