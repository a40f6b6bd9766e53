import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { likePattern } from './validation';

/**
 * Two-character search. Trigram indexes cannot narrow a two-character pattern (it holds no
 * trigram), which is how most Chinese names and terms are searched (王芳, 社工, 阳光). A searched
 * column gets a stored generated column `<column>_bigrams` (every two-character substring of
 * lower(column), once) with a GIN index: containing "ab" is having the bigram "ab".
 */

/** The function every bigram column of a subgraph's schema is computed with. */
export function bigramFunctionSql(schema: string): string {
  return `create or replace function "${schema}".bigrams(text) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(distinct substr($1, i, 2)), '{}') from generate_series(1, char_length($1) - 1) as i $$;`;
}

/** The generated column's expression, for the entity's `@Property({ generated })` and the migration alike. */
export function bigramsOf(schema: string, column: string): string {
  return `("${schema}".bigrams(lower("${column}"))) stored`;
}

/** The function, and per column its bigram column and GIN index (as the entity maps them). */
export function bigramIndexSql(schema: string, table: string, columns: readonly string[]): string[] {
  return [
    bigramFunctionSql(schema),
    ...columns.flatMap((column) => [
      `alter table "${schema}"."${table}" add column "${column}_bigrams" text[] generated always as ${bigramsOf(schema, column)};`,
      `create index "${table}_${column}_bigrams_index" on "${schema}"."${table}" using gin ("${column}_bigrams");`,
    ]),
  ];
}

export function dropBigramIndexSql(schema: string, table: string, columns: readonly string[]): string[] {
  return columns.map((column) => `alter table "${schema}"."${table}" drop column if exists "${column}_bigrams";`);
}

/** A text column searched with `textMatch`: its entity property and column (its bigrams: property `<property>Bigrams`, column `<column>_bigrams`). */
export interface SearchedText {
  property: string;
  column: string;
}

/** Any character outside ASCII: Chinese text, whose bigrams are rare enough to read first. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Rows whose texts contain `text` (case-insensitive), through the index that can narrow it: two
 * characters through the bigram columns, longer text through the trigram indexes with ILIKE. A
 * single character matches with ILIKE (no index narrows it). `table` is the schema-qualified
 * table, e.g. `"people"."person"`.
 *
 * Two Chinese characters (王芳) are looked up first, as `id = any(array(select …))`: PostgreSQL
 * otherwise walks the list's order index (by name) hoping to meet matches early, and Chinese
 * matches cluster (every 王芳 sorts under "Wang …"), so it read 650,000 rows for 21. Two Latin
 * letters ("an") match too many rows to read first; the planner decides those.
 */
export function textMatch<T>(columns: readonly SearchedText[], text: string, table: string): FilterQuery<T> {
  if ([...text].length !== 2) {
    const pattern = likePattern(text);
    return { $or: columns.map((c) => ({ [c.property]: { $ilike: pattern } })) } as FilterQuery<T>;
  }
  const bigram = text.toLowerCase();
  if (!NON_ASCII.test(text)) return { $or: columns.map((c) => ({ [`${c.property}Bigrams`]: { $contains: [bigram] } })) } as FilterQuery<T>;
  const matches = columns.map((c) => `t."${c.column}_bigrams" @> array[?]::text[]`).join(' or ');
  // a raw value (unlike a raw key) can serve several queries: a page and its totalCount
  return { id: { $eq: raw(`any(array(select t.id from ${table} t where ${matches}))`, columns.map(() => bigram)) } } as FilterQuery<T>;
}
