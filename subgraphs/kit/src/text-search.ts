import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { likePattern } from './validation';

/** A text column searched with `textMatch`: the entity property and its column name. */
export interface SearchedColumn {
  property: string;
  column: string;
}

/**
 * The bigram machinery of one subgraph's schema: an immutable `bigrams(text)` (every two-character
 * substring, once) and a GIN index on `bigrams(lower(column))` per searched column. Trigram
 * indexes cannot narrow a two-character pattern (it holds no trigram), which is how most Chinese
 * names and terms are searched (王芳, 社工, 阳光); this index can.
 */
export function bigramIndexSql(schema: string, table: string, columns: readonly string[]): string[] {
  return [
    `create or replace function "${schema}".bigrams(text) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(distinct substr($1, i, 2)), '{}') from generate_series(1, char_length($1) - 1) as i $$;`,
    ...columns.map((column) => `${bigramIndex(schema, table, column).expression};`),
  ];
}

/** One column's bigram index, for the entity's `@Index` (so the migration author knows it) and the migration alike. */
export function bigramIndex(schema: string, table: string, column: string): { name: string; expression: string } {
  const name = `${table}_${column}_bigrams_index`;
  return { name, expression: `create index "${name}" on "${schema}"."${table}" using gin ("${schema}".bigrams(lower("${column}")))` };
}

export function dropBigramIndexSql(schema: string, table: string, columns: readonly string[]): string[] {
  return columns.map((column) => `drop index if exists "${schema}"."${table}_${column}_bigrams_index";`);
}

/**
 * Rows whose columns contain `text` (case-insensitive), through the index that can narrow it:
 * two characters go through the bigram index (`bigramIndexSql`: containing "ab" is having the
 * bigram "ab"), longer text through the trigram indexes with ILIKE. A single character matches
 * with ILIKE (no index narrows it).
 */
export function textMatch<T>(schema: string, columns: readonly SearchedColumn[], text: string): FilterQuery<T> {
  if ([...text].length !== 2) {
    const pattern = likePattern(text);
    return { $or: columns.map((c) => ({ [c.property]: { $ilike: pattern } })) } as FilterQuery<T>;
  }
  const bigram = text.toLowerCase();
  return {
    // `= true` is folded away by the planner, which then matches the index expression
    $or: columns.map((c) => ({ [raw((alias: string) => `"${schema}".bigrams(lower(${alias}."${c.column}")) @> array[?]::text[]`, [bigram])]: true })),
  } as FilterQuery<T>;
}
