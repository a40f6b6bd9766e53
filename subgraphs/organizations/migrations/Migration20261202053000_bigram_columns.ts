import { Migration } from '@mikro-orm/migrations';

/**
 * Two-character search reads stored generated bigram columns (`<column>_bigrams`, GIN-indexed)
 * instead of GIN expression indexes (see the kit's text-search.ts, `@Bigrams`): MikroORM consumes a
 * raw SQL key on first use, so a page and its totalCount could not share one condition. Databases
 * created after that change already have the columns (the bigram migration then called a kit
 * helper that had changed with it); they are left as they are.
 */
export class Migration20261202053000_bigram_columns extends Migration {
  override async up(): Promise<void> {
    // a database migrated before the columns existed still has the expression index under the index's name
    this.addSql(`do $$ begin if not exists (select 1 from information_schema.columns where table_schema = 'organizations' and table_name = 'organization' and column_name = 'name_bigrams') then drop index if exists "organizations"."organization_name_bigrams_index"; alter table "organizations"."organization" add column "name_bigrams" text[] generated always as ("organizations".bigrams(lower("name"))) stored; create index "organization_name_bigrams_index" on "organizations"."organization" using gin ("name_bigrams"); end if; end $$;`);
    this.addSql(`do $$ begin if not exists (select 1 from information_schema.columns where table_schema = 'organizations' and table_name = 'organization' and column_name = 'name_zh_bigrams') then drop index if exists "organizations"."organization_name_zh_bigrams_index"; alter table "organizations"."organization" add column "name_zh_bigrams" text[] generated always as ("organizations".bigrams(lower("name_zh"))) stored; create index "organization_name_zh_bigrams_index" on "organizations"."organization" using gin ("name_zh_bigrams"); end if; end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organizations"."organization" drop column if exists "name_bigrams";`);
    this.addSql(`create index "organization_name_bigrams_index" on "organizations"."organization" using gin ("organizations".bigrams(lower("name")));`);
    this.addSql(`alter table "organizations"."organization" drop column if exists "name_zh_bigrams";`);
    this.addSql(`create index "organization_name_zh_bigrams_index" on "organizations"."organization" using gin ("organizations".bigrams(lower("name_zh")));`);
  }
}
