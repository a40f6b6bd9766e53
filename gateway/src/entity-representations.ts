import type { GraphQLFormattedError } from 'graphql';

/**
 * One `_entities` fetch asks for an entity once, however often the query plan met it: a funder of
 * forty grants, a course that ten people attend. @apollo/gateway sends one representation per
 * occurrence; the subgraph would load, hydrate and serialize each copy.
 */
export interface DedupedRepresentations {
  unique: unknown[];
  /** For each original representation, the index of its answer among `unique`. */
  positions: number[];
}

/**
 * A representation's identity: `__typename` and `id` for the usual `{ __typename, id }` (a
 * JSON.stringify per representation was 2% of the gateway's busy time on the dashboard), its JSON
 * otherwise. The two kinds never meet: a type name cannot start with `{`.
 */
function keyOf(representation: unknown): string {
  if (representation !== null && typeof representation === 'object') {
    const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
    if (typeof __typename === 'string' && typeof id === 'string' && Object.keys(representation).length === 2) return `${__typename}\u0000${id}`;
  }
  return JSON.stringify(representation);
}

/** The distinct representations of a fetch, or undefined when none repeats (nothing to do). */
export function dedupeRepresentations(representations: unknown): DedupedRepresentations | undefined {
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const positions = representations.map((representation) => {
    const key = keyOf(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.length;
      indexOf.set(key, index);
      unique.push(representation);
    }
    return index;
  });
  return unique.length < representations.length ? { unique, positions } : undefined;
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The answer as if every original representation had been sent: entities and error paths spread back to each position. */
export function expandEntities<R extends EntitiesResponse>(response: R, { positions }: DedupedRepresentations): R {
  const entities = response.data?._entities;
  if (!Array.isArray(entities)) return response;
  const copiesOf = new Map<number, number[]>();
  positions.forEach((unique, original) => copiesOf.set(unique, [...(copiesOf.get(unique) ?? []), original]));
  const errors = response.errors?.flatMap((error) => {
    const [root, index, ...rest] = error.path ?? [];
    if (root !== '_entities' || typeof index !== 'number') return [error];
    return (copiesOf.get(index) ?? []).map((original) => ({ ...error, path: ['_entities', original, ...rest] }));
  });
  return {
    ...response,
    data: { ...response.data, _entities: positions.map((unique) => entities[unique]) },
    ...(errors ? { errors } : {}),
  };
}
