import { Supergraph } from '@apollo/federation-internals';
import {
  EVENT_ENTITIES,
  EVENT_TOPICS,
  HUB_TOPICS,
  SUBSCRIPTION_CONTRACTS,
  WEBHOOK_FILTER_FIELDS,
  webhookFilterRules,
  type FilterRule,
} from '@ngo-hub/kit/common';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESUME_ARGUMENT } from '../subscription-plan';

/** The API schema partners see, from the checked-in supergraph (as the gateway derives it). */
const api = Supergraph.build(readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** Event fields the gateway fills from every event itself (event-payload.ts), not from a topic's declared fields. */
const BUILT_IN = new Set(['eventId', 'occurredAt', 'matches', 'kind', 'summary', 'city', 'causes']);

const contracts = Object.values(SUBSCRIPTION_CONTRACTS);

function subscriptionField(field: string): GraphQLField<unknown, unknown> {
  const definition = api.getSubscriptionType()!.getFields()[field];
  if (!definition) throw new Error(`Subscription.${field} is not in the schema`);
  return definition;
}

/** The filter fields a subscription field takes: those of its filter input, and its other arguments but `since`. */
function filterFields(field: string): Map<string, GraphQLInputType> {
  const fields = new Map<string, GraphQLInputType>();
  for (const arg of subscriptionField(field).args) {
    if (arg.name === RESUME_ARGUMENT) continue;
    const type = getNullableType(arg.type);
    if (arg.name === 'filter' && isInputObjectType(type)) for (const input of Object.values(type.getFields())) fields.set(input.name, input.type);
    else fields.set(arg.name, arg.type);
  }
  return fields;
}

/** Whether a filter field's GraphQL type is one its rule can compare. */
function fits(rule: FilterRule, type: GraphQLInputType, topics: readonly string[]): boolean {
  const nullable = getNullableType(type);
  switch (rule.compare) {
    case 'anyOfTopics': {
      const item = isListType(nullable) ? getNamedType(nullable) : undefined;
      return isEnumType(item) && [...item.getValues().map((v) => v.name)].sort().join() === [...topics].sort().join();
    }
    case 'atLeast':
      return isInputObjectType(nullable) && 'amount' in nullable.getFields() && 'currency' in nullable.getFields();
    default:
      return isLeafType(nullable);
  }
}

describe('the topic contracts agree with the composed schema', () => {
  it('serves every subscription field of the schema, and declares no field the schema lacks', () => {
    expect(Object.keys(SUBSCRIPTION_CONTRACTS).sort()).toEqual(Object.keys(api.getSubscriptionType()!.getFields()).sort());
    expect(contracts.flatMap((c) => c.topics.filter((t) => !EVENT_TOPICS.includes(t as never)))).toEqual([]);
  });

  it.each(contracts.map((c) => [c.field, c] as const))('%s: its event type and filter input are those of the schema', (field, contract) => {
    expect(getNamedType(subscriptionField(field).type).name).toBe(contract.eventType);
    const filterArgument = subscriptionField(field).args.find((a) => a.name === 'filter');
    expect(filterArgument && getNamedType(filterArgument.type).name).toBe(contract.filterInput);
  });

  it.each(contracts.map((c) => [c.field, c] as const))(
    '%s: declares a rule for exactly the filter fields it takes, each fitting its type',
    (field, contract) => {
      const fields = filterFields(field);
      expect(Object.keys(contract.filter).sort()).toEqual([...fields.keys()].sort());
      for (const [name, rule] of Object.entries(contract.filter)) expect([name, fits(rule, fields.get(name)!, contract.topics)]).toEqual([name, true]);
    },
  );

  it.each(contracts.map((c) => [c.field, c] as const))(
    '%s: every entity field of its event is a declared ref of the same type, every ref it shows too',
    (field, contract) => {
      const eventType = api.getType(contract.eventType) as GraphQLObjectType;
      const entityFields = Object.values(eventType.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
      expect(entityFields.map((f) => [f.name, getNamedType(f.type).name]).sort()).toEqual(
        Object.entries(contract.refs)
          .filter(([ref]) => ref in eventType.getFields())
          .sort(),
      );
      // the feed shows every entity its topics refer to; a topic's own event at least one
      const shown = Object.keys(contract.refs).filter((ref) => ref in eventType.getFields());
      if (contract.topics.length > 1) expect(shown.sort()).toEqual(Object.keys(contract.refs).sort());
      else expect(shown.length).toBeGreaterThan(0);
    },
  );

  it.each(contracts.map((c) => [c.field, c] as const))("%s: every other field of its event is built in or one of its topics' own fields", (field, contract) => {
    const eventType = api.getType(contract.eventType) as GraphQLObjectType;
    const own = new Set(HUB_TOPICS.filter((t) => contract.topics.includes(t.topic)).flatMap((t) => [...t.fields] as string[]));
    const leaves = Object.values(eventType.getFields()).filter((f) => !isObjectType(getNamedType(f.type)));
    expect(leaves.map((f) => f.name).filter((name) => !BUILT_IN.has(name) && !own.has(name))).toEqual([]);
  });

  it.each(HUB_TOPICS.map((t) => [t.topic, t] as const))('%s: its own fields are fields of its event type', (_topic, topic) => {
    const eventType = api.getType(topic.subscription.eventType) as GraphQLObjectType;
    expect(topic.fields.filter((name) => !(name in eventType.getFields()))).toEqual([]);
  });

  it.each(Object.entries(EVENT_ENTITIES).map(([entity, { lookup }]) => [entity, lookup]))('%s is fetched by id through Query.%s', (entity, lookup) => {
    const query = api.getQueryType()!.getFields()[lookup];
    expect(query && getNamedType(query.type).name).toBe(entity);
    expect(query?.args.map((a) => a.name)).toContain('id');
  });

  it("matches a webhook's filter fields, those of WebhookFilterInput, each with a rule for some topic", () => {
    const input = api.getType('WebhookFilterInput');
    expect(isInputObjectType(input) && Object.keys(input.getFields()).sort()).toEqual([...WEBHOOK_FILTER_FIELDS].sort());
    for (const field of WEBHOOK_FILTER_FIELDS) expect([field, EVENT_TOPICS.some((topic) => webhookFilterRules(topic)[field])]).toEqual([field, true]);
  });
});
