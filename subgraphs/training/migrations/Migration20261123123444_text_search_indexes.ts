import { Migration } from '@mikro-orm/migrations';

export class Migration20261123123444_text_search_indexes extends Migration {

  override async up(): Promise<void> {
    // pg_trgm serves every subgraph on the database; the lock keeps subgraphs migrating at once from racing to create it.
    this.addSql(`select pg_advisory_xact_lock(hashtext('ngohub: create extension pg_trgm'));`);
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create index "course_description_zh_trgm_index" on "training"."course" using gin ("description_zh" public.gin_trgm_ops);`);
    this.addSql(`create index "course_description_trgm_index" on "training"."course" using gin ("description" public.gin_trgm_ops);`);
    this.addSql(`create index "course_title_zh_trgm_index" on "training"."course" using gin ("title_zh" public.gin_trgm_ops);`);
    this.addSql(`create index "course_title_trgm_index" on "training"."course" using gin ("title" public.gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "training"."course_description_zh_trgm_index";`);
    this.addSql(`drop index "training"."course_description_trgm_index";`);
    this.addSql(`drop index "training"."course_title_zh_trgm_index";`);
    this.addSql(`drop index "training"."course_title_trgm_index";`);
  }

}
