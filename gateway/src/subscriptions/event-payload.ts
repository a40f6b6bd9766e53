import { TOPIC_CONTRACTS } from '@ngo-hub/kit/common';
import { buildASTSchema, execute, parse, print, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { LiveEvent } from './event-stream';
import { subscriberErrors } from './entity-errors';
import { EntityFetchBatch, type FetchResult } from './entity-fetch-batch';
import { entityQuery, ROOT, type EntityQuery, type QueryExecutor } from './entity-query';

export type { QueryExecutor } from './entity-query';
import { projectCanonical } from './entity-selection';
import type { SubscriptionPlan } from './subscription-plan';

/** Errors meaning "you may not read this entity": the event is not delivered to this subscriber. */
const UNREADABLE = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

export interface Delivery {
  result?: ExecutionResult;
  /** The subscriber may not read the event's entity: skip it. */
  hidden?: boolean;
  /** `result` with `extensions.backlog: 0`, what every subscriber that is up to date is sent: made once. */
  upToDate?: ExecutionResult;
  /**
   * The result as JSON by `backlog` count, for the subscribers whose messages are written straight
   * to their sockets: serialized once for all of them that are as far behind (mostly 0, or 1 when
   * the next event arrived during the fan-out).
   */
  json?: string[];
}

/** The result sent to a subscriber with `backlog` events still queued (a resuming client shows it is catching up until 0). */
export function withBacklog(delivery: Delivery, result: ExecutionResult, backlog: number): ExecutionResult {
  const made = (backlog: number) => ({ ...result, extensions: { ...result.extensions, backlog } });
  return backlog ? made(backlog) : (delivery.upToDate ??= made(0));
}

/** Backlog counts whose JSON is kept on the delivery: beyond it a subscriber is replaying, and alone that far behind. */
const SHARED_BACKLOGS = 32;

/** `withBacklog` as JSON, serialized once per delivery for all who share it and are as far behind. */
export function payloadJson(delivery: Delivery, result: ExecutionResult, backlog: number): string {
  if (backlog >= SHARED_BACKLOGS) return JSON.stringify(withBacklog(delivery, result, backlog));
  const json = (delivery.json ??= []);
  return (json[backlog] ??= JSON.stringify(withBacklog(delivery, result, backlog)));
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
      return plan.passes(event.topic, event.payload.match);
    default:
      // the event's own values its topic declares (`change`, `status`)
      return Object.hasOwn(TOPIC_CONTRACTS, event.topic) && (TOPIC_CONTRACTS[event.topic].fields as readonly string[]).includes(fieldName)
        ? (event.payload.fields?.[fieldName] ?? null)
        : null;
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
  /** The entity query for each set of refs an event may carry (`LiveEvent.refsKey`), built once per subscription. */
  queries: Map<string, PreparedQuery | undefined>;
  /** What subscribers whose results are the same share: caller, operation, variables and document text. */
  deliveryKey: string;
}

type ResolverOptions = Pick<EventResolver, 'schema' | 'document' | 'plan' | 'runQuery' | 'callerKey'> & {
  /** The document's text, when the caller has it (printed otherwise). */
  text?: string;
};

/** A subscription's EventResolver. */
export function eventResolver(options: ResolverOptions): EventResolver {
  const { schema, document, plan, runQuery, callerKey } = options;
  const deliveryKey = `delivery\n${callerKey}\n${plan.operationName ?? ''}\n${JSON.stringify(plan.variables)}\n${options.text ?? print(document)}`;
  return { schema, document, plan, runQuery, callerKey, queries: new Map(), deliveryKey };
}

/** Resolvers by schema and delivery key, the most recently made last. */
const sharedResolvers = new WeakMap<GraphQLSchema, Map<string, EventResolver>>();
const SHARED_RESOLVERS_KEPT = 5000;

/**
 * The EventResolver of every subscription with the same text, variables and caller: made once,
 * so that a thousand dashboards subscribing with one query build its entity queries once, not a
 * thousand times on their first event (~0.25 ms each, which held the first event of a thousand
 * fresh subscribers ~250 ms and every event behind it). Their events already share one delivery
 * (`deliveryKey`); this shares what builds it. Kept per schema, for the last 5,000 keys.
 */
export function sharedEventResolver(options: ResolverOptions & { text: string }): EventResolver {
  let bySchema = sharedResolvers.get(options.schema);
  if (!bySchema) sharedResolvers.set(options.schema, (bySchema = new Map()));
  const made = eventResolver(options);
  const shared = bySchema.get(made.deliveryKey);
  if (shared) return shared;
  if (bySchema.size >= SHARED_RESOLVERS_KEPT) bySchema.delete(bySchema.keys().next().value!);
  bySchema.set(made.deliveryKey, made);
  return made;
}

/** An entity query with the keys its fetch is shared under on an event, made once (every event is offered to every subscriber). */
interface PreparedQuery {
  query: EntityQuery;
  /** The fetch of this selection by this caller. */
  key: string;
  /** The caller's batch, which merges different selections into one fetch. */
  batchKey: string;
}

interface Resolution {
  query: EntityQuery;
  pending: Promise<FetchResult>;
}

/** The subscription's entity query for the refs an event carries, with its keys: built on the first such event. */
function prepared({ schema, plan, callerKey, queries }: EventResolver, event: LiveEvent): PreparedQuery | undefined {
  if (!queries.has(event.refsKey)) {
    const query = entityQuery(plainSchema(schema), plan, Object.keys(event.payload.refs ?? {}));
    queries.set(event.refsKey, query && { query, key: `${callerKey}\n${query.id}`, batchKey: `batch\n${callerKey}` });
  }
  return queries.get(event.refsKey);
}

/**
 * Starts (or joins) the fetch of an event's entities with the subscriber's selection, memoised on
 * the event by the canonical selection and caller: one fetch for all subscribers that share them.
 * Different selections asked for the same event by the same caller in the same round are merged
 * into one query (EntityFetchBatch). Undefined when the event refers to no entity.
 */
function startResolution(resolver: EventResolver, event: LiveEvent): Resolution | undefined {
  const prepare = prepared(resolver, event);
  if (!prepare) return undefined;
  const { query, key, batchKey } = prepare;
  let pending = event.resolutions.get(key) as Resolution['pending'] | undefined;
  if (!pending) {
    let batch = event.resolutions.get(batchKey) as EntityFetchBatch | undefined;
    if (!batch || batch.closed) {
      batch = new EntityFetchBatch(resolver.runQuery, event);
      event.resolutions.set(batchKey, batch);
    }
    pending = batch.add(query);
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
    const pending = deliver(resolver, event);
    void pending.then((done) => settledDeliveries.set(pending, done));
    event.resolutions.set(resolver.deliveryKey, (delivery = pending));
  }
  return delivery;
}

/** Deliveries by their promise, once resolved. */
const settledDeliveries = new WeakMap<Promise<Delivery>, Delivery>();

/** The event's delivery for this subscriber if another subscriber sharing it already resolved it (`resolveEvent` otherwise). */
export function resolvedEvent(resolver: EventResolver, event: LiveEvent): Delivery | undefined {
  const delivery = event.resolutions.get(resolver.deliveryKey) as Promise<Delivery> | undefined;
  return delivery && settledDeliveries.get(delivery);
}

async function deliver(resolver: EventResolver, event: LiveEvent): Promise<Delivery> {
  const { schema, document, plan } = resolver;
  const resolution = startResolution(resolver, event);
  let fetched: FetchResult = { data: {} };
  if (resolution) {
    const { query } = resolution;
    fetched = await resolution.pending;
    const data = fetched.data ?? {};
    const unreadable = (fetched.errors ?? []).some((e) => UNREADABLE.has(String(e.extensions?.code)));
    const missing = [...query.roots.keys()].some((ref) => data[ROOT(ref)] == null);
    if (missing && (unreadable || !fetched.errors?.length)) return { hidden: true };
  }
  const eventObject: Record<string, unknown> = {};
  for (const selected of plan.selected) {
    eventObject[selected.responseKey] = selected.lookup
      ? (fetched.data?.[ROOT(selected.node.name.value)] ?? null)
      : eventValue(plan, event, selected.node.name.value);
  }
  const result = (await execute({
    schema: plainSchema(schema),
    document,
    rootValue: { [plan.responseKey]: eventObject },
    variableValues: plan.variables,
    operationName: plan.operationName,
    fieldResolver: projectCanonical,
    contextValue: resolution?.query.keys,
  })) as ExecutionResult;
  // the fetch's errors carry its internal names (ref roots, canonical keys): each in the subscriber's own
  const own = resolution ? (fetched.errors ?? []).flatMap((error) => subscriberErrors(error, plan, resolution.query.keys)) : (fetched.errors ?? []);
  const errors = [...(result.errors ?? []), ...(own as unknown as NonNullable<ExecutionResult['errors']>)];
  return { result: errors.length ? { ...result, errors } : result };
}
