import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { payloadJson, resolvedEvent, resolveEvent, sharedEventResolver, withBacklog, type QueryExecutor } from '../event-payload';
import { liveEvent } from '../event-stream';
import { planSubscription } from '../subscription-plan';

/** The API schema partners see, from the checked-in supergraph (as the gateway derives it). */
const apiSchema: GraphQLSchema = Supergraph.build(readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

const CITY_ACTIVITY = `subscription Activity($city: String) { sectorActivity(filter: { city: $city }) { eventId summary kind } }`;

/** What a subscriber's socket hands the gateway: the text, parsed on its own (each subscriber's document is a new object). */
function subscription(text: string, variables: Record<string, unknown>, callerKey: string, runQuery: QueryExecutor = noFetch) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const plan = planSubscription(apiSchema, document, operation, variables);
  return { schema: apiSchema, document, text, plan, runQuery, callerKey };
}

const noFetch: QueryExecutor = () => Promise.reject(new Error('an event without entities is delivered without a fetch'));

let nextId = 1;
/** An event about no entity (its selection holds event fields only): delivered by projection alone. */
const event = () =>
  liveEvent({
    id: String(nextId++),
    source: 'organizations',
    topic: 'ORGANIZATION_CHANGED',
    occurredAt: new Date('2026-12-02T10:00:00Z'),
    payload: { summary: 'A changed', city: 'Chengdu', refs: {}, fields: { change: 'UPDATED' }, match: { city: 'Chengdu' } },
  });

describe('sharedEventResolver', () => {
  it('gives subscriptions with the same text, variables and caller one resolver, and any other a resolver of its own', () => {
    const first = sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Chengdu' }, 'anonymous'));
    expect(sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Chengdu' }, 'anonymous'))).toBe(first);

    expect(sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Chengdu' }, 'api-key-1'))).not.toBe(first);
    expect(sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Xiamen' }, 'anonymous'))).not.toBe(first);
    expect(sharedEventResolver(subscription(`${CITY_ACTIVITY} `, { city: 'Chengdu' }, 'anonymous'))).not.toBe(first);
  });
});

describe('resolvedEvent', () => {
  it('is the delivery another subscriber resolved, once it is resolved; withBacklog sends the up-to-date result as one object', async () => {
    const resolver = sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Chengdu' }, 'anonymous'));
    const changed = event();
    expect(resolvedEvent(resolver, changed)).toBeUndefined();

    const pending = resolveEvent(resolver, changed);
    expect(resolveEvent(resolver, changed)).toBe(pending);
    const delivery = await pending;
    expect(resolvedEvent(resolver, changed)).toBe(delivery);
    expect(delivery.result).toEqual({ data: { sectorActivity: { eventId: changed.id, summary: 'A changed', kind: 'ORGANIZATION_CHANGED' } } });

    const upToDate = withBacklog(delivery, delivery.result!, 0);
    expect(upToDate).toEqual({ ...delivery.result, extensions: { backlog: 0 } });
    expect(withBacklog(delivery, delivery.result!, 0)).toBe(upToDate);
    expect(withBacklog(delivery, delivery.result!, 3)).toEqual({ ...delivery.result, extensions: { backlog: 3 } });

    // another event is resolved on its own
    expect(resolvedEvent(resolver, event())).toBeUndefined();
  });
});

describe('payloadJson', () => {
  it('is withBacklog as JSON, serialized once for every subscriber sharing the delivery and as far behind', async () => {
    const resolver = sharedEventResolver(subscription(CITY_ACTIVITY, { city: 'Chengdu' }, 'anonymous'));
    const delivery = await resolveEvent(resolver, event());
    const upToDate = payloadJson(delivery, delivery.result!, 0);
    expect(JSON.parse(upToDate)).toEqual(withBacklog(delivery, delivery.result!, 0));
    expect(payloadJson(delivery, delivery.result!, 0)).toBe(upToDate);
    const behind = payloadJson(delivery, delivery.result!, 4);
    expect(JSON.parse(behind)).toEqual({ ...delivery.result, extensions: { backlog: 4 } });
    expect(payloadJson(delivery, delivery.result!, 4)).toBe(behind);
    expect(delivery.json?.[0]).toBe(upToDate);
    expect(JSON.parse(payloadJson(delivery, delivery.result!, 5000))).toEqual({ ...delivery.result, extensions: { backlog: 5000 } });
    expect(delivery.json).toHaveLength(5); // a replaying subscriber's count is not kept
  });
});
