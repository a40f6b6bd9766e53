import {
  getNamedType,
  Kind,
  OperationTypeNode,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { canonicalSelections } from './entity-selection';
import type { LiveEvent } from './event-stream';
import { lookupOf, type SubscriptionPlan } from './subscription-plan';

/** Runs a query through the federated graph as the subscriber (the gateway's own executor). */
export type QueryExecutor = (
  document: DocumentNode,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

const ID_VARIABLE = (key: string) => `ngoHubEventRef_${key}`;

/** One subscription's fetch of an event's entities: per ref, the lookup and the selection, in canonical form. */
export interface EntityQuery {
  roots: Map<string, { lookup: string; selections: SelectionNode[] }>;
  /** The canonical key of each of the subscription's field nodes, for projecting its answer. */
  keys: Map<FieldNode, string>;
  /** What subscriptions asking the same share a fetch by. */
  text: string;
  /** A short name for `text`, the same for every subscription asking the same. */
  id: string;
}

const ids = new Map<string, string>();
/** The id of a query text (kept while the gateway runs: one entry per distinct selection ever asked). */
function idOf(text: string): string {
  let id = ids.get(text);
  if (id === undefined) {
    id = `q${ids.size}`;
    ids.set(text, id);
  }
  return id;
}

/**
 * What a subscription fetches of an event's entities: for each ref the event carries, the root
 * lookup its contract declares (`grant(id:)`) with every selection the subscriber made of that entity, in canonical
 * form (entity-selection.ts); refs it did not select are still fetched (`__typename`), so an
 * event about something the subscriber may not read is not delivered. Undefined when the event
 * has no refs.
 */
export function entityQuery(schema: GraphQLSchema, plan: SubscriptionPlan, refs: readonly string[]): EntityQuery | undefined {
  const roots: EntityQuery['roots'] = new Map();
  const keys = new Map<FieldNode, string>();
  const queryFields = schema.getQueryType()!.getFields();
  for (const ref of refs) {
    const selected = plan.selected.filter((s) => s.lookup && s.node.name.value === ref);
    const lookup = selected[0]?.lookup ?? lookupOf(plan.contract, ref);
    if (!lookup || !queryFields[lookup]) continue;
    const type = getNamedType(queryFields[lookup]!.type);
    const selections = selected.flatMap((s) => canonicalSelections(s.node.selectionSet, type, schema, plan.fragments, plan.variables, keys));
    roots.set(ref, {
      lookup,
      selections: dedupe(selections.length ? selections : canonicalSelections(undefined, type, schema, plan.fragments, plan.variables)),
    });
  }
  if (!roots.size) return undefined;
  const text = print(fetchDocument([{ roots } as EntityQuery]));
  return { roots, keys, text, id: idOf(text) };
}

function dedupe(selections: readonly SelectionNode[]): SelectionNode[] {
  const seen = new Set<string>();
  return selections.filter((s) => {
    const text = print(s);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

const ROOT_PREFIX = 'ngoHubRef_';
/** The response key of a ref's root in a fetch. */
export const ROOT = (ref: string) => `${ROOT_PREFIX}${ref}`;
/** The ref whose root a response key of a fetch is, if it is one. */
export const refOfRoot = (key: string | number): string | undefined =>
  typeof key === 'string' && key.startsWith(ROOT_PREFIX) ? key.slice(ROOT_PREFIX.length) : undefined;

/** One query for several subscriptions' entity queries of one event: one root per ref, with every selection of it. */
export function fetchDocument(queries: readonly EntityQuery[]): DocumentNode {
  const roots = new Map<string, { lookup: string; selections: SelectionNode[] }>();
  for (const query of queries) {
    for (const [ref, root] of query.roots) {
      const merged = roots.get(ref);
      roots.set(ref, merged ? { lookup: merged.lookup, selections: [...merged.selections, ...root.selections] } : { ...root });
    }
  }
  const refs = [...roots.keys()].sort();
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: 'EventPayload' },
    variableDefinitions: refs.map((ref) => ({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ID_VARIABLE(ref) } },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    })),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: refs.map((ref) => ({
        kind: Kind.FIELD,
        alias: { kind: Kind.NAME, value: ROOT(ref) },
        name: { kind: Kind.NAME, value: roots.get(ref)!.lookup },
        arguments: [
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ID_VARIABLE(ref) } } },
        ],
        selectionSet: { kind: Kind.SELECTION_SET, selections: dedupe(roots.get(ref)!.selections) },
      })),
    },
  };
  return { kind: Kind.DOCUMENT, definitions: [operation] };
}

/** The variables of a fetch: the ids the event refers to. */
export function fetchVariables(event: LiveEvent, queries: readonly EntityQuery[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const query of queries) for (const ref of query.roots.keys()) variables[ID_VARIABLE(ref)] = event.payload.refs[ref]!.id;
  return variables;
}
