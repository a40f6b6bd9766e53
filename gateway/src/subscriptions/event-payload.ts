import {
  buildASTSchema,
  execute,
  Kind,
  OperationTypeNode,
  parse,
  print,
  printSchema,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { matchesFilter } from './event-filter';
import type { LiveEvent } from './event-stream';
import { payloadResolutions } from './metrics';
import { usedNames, type SubscriptionPlan } from './subscription-plan';

/** Runs a query through the federated graph as the subscriber (the gateway's own executor). */
export type QueryExecutor = (document: DocumentNode, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

const ID_VARIABLE = (key: string) => `ngoHubEventRef_${key}`;
const PROBE = (ref: string) => `ngoHubProbe_${ref}`;
/** Errors meaning "you may not read this entity": the event is not delivered to this subscriber. */
const UNREADABLE = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Adds `__typename` to every selection set, so abstract types can be re-executed from the data. */
function withTypenames<T extends FieldNode | SelectionSetNode>(node: T): T {
  return visit(node, {
    SelectionSet: (set) => (set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias) ? undefined : { ...set, selections: [...set.selections, TYPENAME] }),
  }) as T;
}

function lookupField(alias: string, lookup: string, selectionSet: SelectionSetNode | undefined, variable: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: lookup },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } } }],
    selectionSet: withTypenames(selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }),
  };
}

export interface EntityQuery {
  document: DocumentNode;
  /** Printed document: with the caller's key, what subscribers share a resolution by. */
  text: string;
  /** Response keys of the selected entity fields and the ref each reads. */
  fields: { responseKey: string; ref: string }[];
  /** Refs fetched only to check the subscriber may read them. */
  probes: string[];
}

/**
 * The query that fetches an event's entities with the subscriber's selection: for each entity
 * field the event refers to, `<responseKey>: <lookup>(id: $ref) { <the subscriber's selection> }`;
 * refs the subscriber did not select are still probed (`{ __typename }`), so an event about
 * something the subscriber may not read is not delivered. Undefined when nothing is to fetch.
 */
export function entityQuery(plan: SubscriptionPlan, refs: readonly string[]): EntityQuery | undefined {
  const fields: FieldNode[] = [];
  const selectedFields: EntityQuery['fields'] = [];
  const probes: string[] = [];
  const lookups = new Map(plan.selected.filter((s) => s.lookup).map((s) => [s.node.name.value, s]));
  for (const ref of refs) {
    const selections = plan.selected.filter((s) => s.lookup && s.node.name.value === ref);
    for (const s of selections) {
      fields.push(lookupField(s.responseKey, s.lookup!, s.node.selectionSet, ID_VARIABLE(ref)));
      selectedFields.push({ responseKey: s.responseKey, ref });
    }
    if (!selections.length) {
      const lookup = lookups.get(ref)?.lookup ?? ref;
      fields.push(lookupField(PROBE(ref), lookup, undefined, ID_VARIABLE(ref)));
      probes.push(ref);
    }
  }
  if (!fields.length) return undefined;
  const { variables, fragments } = usedNames(fields, plan.fragments);
  const refVariables: VariableDefinitionNode[] = refs.map((ref) => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ID_VARIABLE(ref) } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
  }));
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: `EventPayload_${plan.field}` },
    variableDefinitions: [...plan.variableDefinitions.filter((d) => variables.has(d.variable.name.value)), ...refVariables],
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  const fragmentDefinitions = [...fragments].map((name) => {
    const fragment = plan.fragments.get(name)!;
    return { ...fragment, selectionSet: withTypenames(fragment.selectionSet) };
  });
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentDefinitions] };
  return { document, text: print(document), fields: selectedFields, probes };
}

export interface Delivery {
  result?: ExecutionResult;
  /** The subscriber may not read the event's entity: skip it. */
  hidden?: boolean;
}

const plainSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * The API schema without resolvers or scalar coercion, to project already-serialized data with:
 * Apollo wraps the gateway schema's resolvers in place (each reads its field by name, which
 * would ignore aliases), and the fetched values are wire values already.
 */
function plainSchema(schema: GraphQLSchema): GraphQLSchema {
  let plain = plainSchemas.get(schema);
  if (!plain) {
    plain = buildASTSchema(parse(printSchema(schema)), { assumeValid: true });
    plainSchemas.set(schema, plain);
  }
  return plain;
}

/** Field values come from the data by response key (the entity query kept the subscriber's aliases). */
const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _context, info) =>
  source == null ? null : (source[info.path.key as string] ?? null);

function eventValue(plan: SubscriptionPlan, event: LiveEvent, fieldName: string): unknown {
  switch (fieldName) {
    case 'eventId':
      return event.id;
    case 'occurredAt':
      return event.occurredAt.toISOString();
    case 'kind':
      return event.topic;
    case 'summary':
      return event.payload.summary;
    case 'city':
      return event.payload.city ?? null;
    case 'causes':
      return event.payload.causes ?? [];
    case 'matches':
      // the subscriber received it, so it passes its filter or passed it before the change
      return matchesFilter(plan.filter, event.topic, event.payload.match);
    default:
      return event.payload.fields?.[fieldName] ?? null;
  }
}

/** What one subscriber resolves its events with (one per subscription). */
export interface EventResolver {
  schema: GraphQLSchema;
  document: DocumentNode;
  plan: SubscriptionPlan;
  runQuery: QueryExecutor;
  /** Who the subscriber is, as far as what they may read goes: subscribers with the same key share fetches and results. */
  callerKey: string;
  /** The entity query for each set of refs an event may carry, built once per subscription. */
  queries: Map<string, EntityQuery | undefined>;
  /** What subscribers whose results are the same share: caller, operation, variables and document text. */
  deliveryKey: string;
}

/** A subscription's EventResolver. */
export function eventResolver(options: Pick<EventResolver, 'schema' | 'document' | 'plan' | 'runQuery' | 'callerKey'>): EventResolver {
  const { schema, document, plan, runQuery, callerKey } = options;
  const deliveryKey = `delivery\n${callerKey}\n${plan.operationName ?? ''}\n${JSON.stringify(plan.variables)}\n${print(document)}`;
  return { schema, document, plan, runQuery, callerKey, queries: new Map(), deliveryKey };
}

interface Resolution {
  query: EntityQuery;
  pending: Promise<Awaited<ReturnType<QueryExecutor>>>;
}

/**
 * Starts (or joins) the fetch of an event's entities with the subscriber's selection, memoised on
 * the event by selection, variables and caller: one fetch for all subscribers that share them.
 * Undefined when the subscription selects none of the event's entities.
 */
function startResolution({ plan, runQuery, callerKey, queries }: EventResolver, event: LiveEvent): Resolution | undefined {
  const refs = Object.keys(event.payload.refs ?? {});
  const refsKey = refs.join(',');
  if (!queries.has(refsKey)) queries.set(refsKey, entityQuery(plan, refs));
  const query = queries.get(refsKey);
  if (!query) return undefined;
  const key = `${callerKey}\n${query.text}\n${JSON.stringify(plan.variables)}`;
  let pending = event.resolutions.get(key) as Resolution['pending'] | undefined;
  if (!pending) {
    const variables: Record<string, unknown> = { ...plan.variables };
    for (const ref of refs) variables[ID_VARIABLE(ref)] = event.payload.refs[ref]!.id;
    payloadResolutions.inc();
    pending = runQuery(query.document, variables);
    pending.catch(() => undefined); // awaited (and reported) when the event is delivered
    event.resolutions.set(key, pending);
  }
  return { query, pending };
}

/**
 * Starts fetching an event's entities before the subscriber gets to it, so that a backlog of
 * events (a burst, a replay) is fetched several at a time instead of one after the other.
 */
export function prefetchEvent(resolver: EventResolver, event: LiveEvent): void {
  startResolution(resolver, event);
}

/**
 * Resolves one event for one subscriber: fetches the event's entities through the federated
 * graph with the subscriber's selection — once per event for all subscribers with the same
 * selection, variables and caller (`callerKey`) — then executes the subscription's selection
 * over the event and that data, so aliases, fragments and __typename come out as asked. The
 * result too is made once per event for all subscribers with the same document, variables and
 * caller: a thousand dashboards on one subscription cost one fetch and one execution per event.
 */
export function resolveEvent(resolver: EventResolver, event: LiveEvent): Promise<Delivery> {
  let delivery = event.resolutions.get(resolver.deliveryKey) as Promise<Delivery> | undefined;
  if (!delivery) {
    delivery = deliver(resolver, event);
    event.resolutions.set(resolver.deliveryKey, delivery);
  }
  return delivery;
}

async function deliver(resolver: EventResolver, event: LiveEvent): Promise<Delivery> {
  const { schema, document, plan } = resolver;
  const resolution = startResolution(resolver, event);
  let fetched: Awaited<ReturnType<QueryExecutor>> = { data: {} };
  if (resolution) {
    const { query } = resolution;
    fetched = await resolution.pending;
    const data = fetched.data ?? {};
    const unreadable = (fetched.errors ?? []).some((e) => UNREADABLE.has(String(e.extensions?.code)));
    const missing = [...query.fields.map((f) => f.responseKey), ...query.probes.map(PROBE)].some((key) => data[key] == null);
    if (missing && (unreadable || !fetched.errors?.length)) return { hidden: true };
  }
  const eventObject: Record<string, unknown> = {};
  for (const selected of plan.selected) {
    eventObject[selected.responseKey] = selected.lookup
      ? (event.payload.refs?.[selected.node.name.value] ? (fetched.data?.[selected.responseKey] ?? null) : null)
      : eventValue(plan, event, selected.node.name.value);
  }
  const result = (await execute({
    schema: plainSchema(schema),
    document,
    rootValue: { [plan.responseKey]: eventObject },
    variableValues: plan.variables,
    operationName: plan.operationName,
    fieldResolver: byResponseKey,
  })) as ExecutionResult;
  const errors = [...(result.errors ?? []), ...((fetched.errors ?? []) as unknown as NonNullable<ExecutionResult['errors']>)];
  return { result: errors.length ? { ...result, errors } : result };
}
