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
    this.addSql(`do $$ begin if not exists (select 1 from information_schema.columns where table_schema = 'funding' and table_name = 'grant' and column_name = 'title_bigrams') then drop index if exists "funding"."grant_title_bigrams_index"; alter table "funding"."grant" add column "title_bigrams" text[] generated always as ("funding".bigrams(lower("title"))) stored; create index "grant_title_bigrams_index" on "funding"."grant" using gin ("title_bigrams"); end if; end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding"."grant" drop column if exists "title_bigrams";`);
    this.addSql(`create index "grant_title_bigrams_index" on "funding"."grant" using gin ("funding".bigrams(lower("title")));`);
  }
}
