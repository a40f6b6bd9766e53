import { Migration } from '@mikro-orm/migrations';

/**
 * Bigram indexes for two-character searches, which trigram indexes cannot narrow. Literal SQL, as the
 * kit's bigramIndexSql produced it when this migration landed (9ee6cce): GIN expression indexes on
 * people.bigrams(lower(column)). The bigram columns that replaced them come in a later migration.
 */
export class Migration20261123200000_bigram_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "people".bigrams(text) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(distinct substr($1, i, 2)), '{}') from generate_series(1, char_length($1) - 1) as i $$;`);
    this.addSql(`create index "person_name_bigrams_index" on "people"."person" using gin ("people".bigrams(lower("name")));`);
    this.addSql(`create index "person_name_zh_bigrams_index" on "people"."person" using gin ("people".bigrams(lower("name_zh")));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "people"."person_name_bigrams_index";`);
    this.addSql(`drop index if exists "people"."person_name_zh_bigrams_index";`);
  }
}
