import { Migration } from '@mikro-orm/migrations';
import { bigramIndexSql, dropBigramIndexSql } from '@ngo-hub/kit';

/** Bigram indexes for two-character searches, which trigram indexes cannot narrow (see the kit's text-search.ts). */
export class Migration20261123200000_bigram_search extends Migration {
  override async up(): Promise<void> {
    for (const sql of bigramIndexSql('people', 'person', ['name','name_zh'])) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropBigramIndexSql('people', 'person', ['name','name_zh'])) this.addSql(sql);
  }
}
