import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Entity fetches to one subgraph that a query plan runs side by side (the sector dashboard asks
 * organizations for the grants' funders and, at the same time, for the courses' providers) go as
 * one request: each operation's `_entities` under an alias of its own, its variables and fragments
 * renamed apart, and the answer split back. The subgraph pays one request's fixed cost (HTTP, the
 * signature check, the context, Apollo's pipeline) and its loaders read both sets of ids in one
 * statement. Hive Gateway merges such fetches too; @apollo/gateway sends each on its own.
 */

/** A subgraph answer, as @apollo/gateway's data sources return it. */
export interface FetchAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** The alias of the i-th operation's `_entities` in a merged operation. */
const aliasOf = (i: number) => `_${i}`;
const renamed = (name: string, i: number) => `${name}_${i}`;

/** The planner's entity fetch: one query whose only root field is `_entities`, without an alias. */
function entitiesOperation(document: DocumentNode): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query') return undefined;
  const [root, ...rest] = operations[0].selectionSet.selections;
  if (rest.length || root.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias) return undefined;
  return operations[0];
}

/** Query texts parsed, or `false` for one that is not a mergeable entity fetch. */
const parsedOperations = new LRUCache<string, DocumentNode | false>({ max: 1_000 });
/** Merged operations by the queries they merge: a query plan's fetches repeat from request to request. */
const mergedOperations = new LRUCache<string, string>({ max: 1_000 });
/** Fetches per merged request at most: a merged query stays far below a subgraph's own token limit (50,000) whatever the plan. */
const MAX_MERGED = 16;

/** Whether the query is an entity fetch that can be merged with others (parsed once per query text). */
export function isMergeableEntitiesQuery(query: string): boolean {
  let document = parsedOperations.get(query);
  if (document === undefined) {
    document = false;
    try {
      const candidate = parse(query, { noLocation: true });
      if (entitiesOperation(candidate)) document = candidate;
    } catch {
      // not GraphQL: the subgraph answers it on its own
    }
    parsedOperations.set(query, document);
  }
  return document !== false;
}

/** The i-th operation's definitions with its `_entities` aliased, its variables and fragments renamed apart. */
function renameApart(document: DocumentNode, i: number): readonly DefinitionNode[] {
  const renamedDocument = visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
  });
  return renamedDocument.definitions;
}

/** One query of the given entity fetches (each `isMergeableEntitiesQuery`), `_entities` of the i-th aliased `_i`. */
export function mergedQuery(queries: readonly string[]): string {
  const key = queries.join('\u0000');
  const known = mergedOperations.get(key);
  if (known !== undefined) return known;
  const operations: OperationDefinitionNode[] = [];
  const fragments: DefinitionNode[] = [];
  queries.forEach((query, i) => {
    for (const definition of renameApart(parsedOperations.get(query) || parse(query, { noLocation: true }), i)) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) {
        fragments.push(definition);
        continue;
      }
      const root = definition.selectionSet.selections[0] as FieldNode;
      operations.push({
        ...definition,
        selectionSet: { ...definition.selectionSet, selections: [{ ...root, alias: { kind: Kind.NAME, value: aliasOf(i) } }] },
      });
    }
  });
  const merged: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: operations[0].operation,
    name: { kind: Kind.NAME, value: `${operations[0].name?.value ?? 'Entities'}__merged_${queries.length}` },
    variableDefinitions: operations.flatMap((o) => o.variableDefinitions ?? []),
    selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((o) => o.selectionSet.selections) },
  };
  const printed = print({ kind: Kind.DOCUMENT, definitions: [merged, ...fragments] });
  mergedOperations.set(key, printed);
  return printed;
}

/** The variables of the merged query: each operation's, renamed apart. */
export function mergedVariables(variables: readonly (Record<string, unknown> | undefined)[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  variables.forEach((own, i) => {
    for (const [name, value] of Object.entries(own ?? {})) merged[renamed(name, i)] = value;
  });
  return merged;
}

/**
 * The answer each merged operation would have had on its own: its `_entities` and the errors under
 * its alias (their paths starting at `_entities` again); an error without a path concerns them all.
 */
export function splitAnswer(answer: FetchAnswer, count: number): FetchAnswer[] {
  return Array.from({ length: count }, (_, i) => {
    const alias = aliasOf(i);
    const errors = answer.errors?.flatMap((error) => {
      if (!error.path?.length) return [error];
      return error.path[0] === alias ? [{ ...error, path: ['_entities', ...error.path.slice(1)] }] : [];
    });
    const data = answer.data == null ? answer.data : { _entities: answer.data[alias] ?? null };
    return { ...answer, data, ...(errors?.length ? { errors } : { errors: undefined }) };
  });
}

interface Waiting<O> {
  options: O;
  resolve: (answer: FetchAnswer) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the entity fetches one incoming operation starts in the same tick (a query plan's
 * parallel fetches start synchronously), and sends them merged once the tick's synchronous work is
 * done. A fetch alone is sent as it is. Fetches of different operations never meet: each has its
 * caller, identity and cache policy.
 */
export class FetchMerger<O extends { request: { query?: string; variables?: Record<string, unknown> } }> {
  private readonly waiting = new Map<object, Waiting<O>[]>();

  constructor(
    private readonly send: (options: O) => Promise<FetchAnswer>,
    private readonly merge: (options: O, query: string, variables: Record<string, unknown>) => O,
  ) {}

  /** `operation`: the incoming operation the fetch serves (Apollo's request context, which holds its cache policy). */
  add(operation: object, options: O): Promise<FetchAnswer> {
    return new Promise((resolve, reject) => {
      const batch = this.waiting.get(operation);
      if (batch) return void batch.push({ options, resolve, reject });
      this.waiting.set(operation, [{ options, resolve, reject }]);
      queueMicrotask(() => this.flush(operation));
    });
  }

  private flush(operation: object): void {
    const batch = this.waiting.get(operation)!;
    this.waiting.delete(operation);
    for (let start = 0; start < batch.length; start += MAX_MERGED) this.sendMerged(batch.slice(start, start + MAX_MERGED));
  }

  private sendMerged(batch: Waiting<O>[]): void {
    if (batch.length === 1) return void this.send(batch[0].options).then(batch[0].resolve, batch[0].reject);
    const query = mergedQuery(batch.map((w) => w.options.request.query!));
    const variables = mergedVariables(batch.map((w) => w.options.request.variables));
    this.send(this.merge(batch[0].options, query, variables)).then(
      (answer) => splitAnswer(answer, batch.length).forEach((part, i) => batch[i].resolve(part)),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    );
  }
}
