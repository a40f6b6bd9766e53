import { Migration } from '@mikro-orm/migrations';

/**
 * Bigram indexes for two-character searches, which trigram indexes cannot narrow. Literal SQL, as the
 * kit's bigramIndexSql produced it when this migration landed (9ee6cce): GIN expression indexes on
 * funding.bigrams(lower(column)). The bigram columns that replaced them come in a later migration.
 */
export class Migration20261123200000_bigram_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "funding".bigrams(text) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(distinct substr($1, i, 2)), '{}') from generate_series(1, char_length($1) - 1) as i $$;`);
    this.addSql(`create index "grant_title_bigrams_index" on "funding"."grant" using gin ("funding".bigrams(lower("title")));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "funding"."grant_title_bigrams_index";`);
  }
}
