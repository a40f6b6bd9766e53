import { Supergraph } from '@apollo/federation-internals';
import { EVENT_TOPICS } from '@ngo-hub/kit/common';
import { buildSchema, GraphQLError, Kind, parse, print, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSubscription, usedNames } from '../subscription-plan';

/** The API schema partners see, from the checked-in supergraph (as the gateway derives it). */
const apiSchema: GraphQLSchema = Supergraph.build(readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

function plan(source: string, variables: Record<string, unknown> = {}, schema = apiSchema) {
  const document: DocumentNode = parse(source);
  if (schema === apiSchema) expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return planSubscription(schema, document, operation, variables);
}

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQL error');
}

describe('planSubscription', () => {
  it('plans a subscription: its topics, its filter from variables, where to resume, and the selected event fields', () => {
    const planned = plan(
      `subscription Awards($filter: GrantAwardedFilter, $since: ID) {
        grantAwarded(filter: $filter, since: $since) { eventId occurredAt grant { id title } }
      }`,
      { filter: { city: 'Chengdu', minAmount: { amount: '1000.00', currency: 'CNY' } }, since: '42' },
    );
    expect(planned).toMatchObject({
      operationName: 'Awards',
      field: 'grantAwarded',
      responseKey: 'grantAwarded',
      topics: ['GRANT_AWARDED'],
      filter: { city: 'Chengdu', minAmount: { amount: '1000.00', currency: 'CNY' } },
      since: '42',
    });
    expect(planned.selected.map((s) => [s.responseKey, s.lookup])).toEqual([
      ['eventId', undefined],
      ['occurredAt', undefined],
      ['grant', 'grant'],
    ]);
  });

  it('feeds sectorActivity from every topic and finds the root query of each entity field', () => {
    const planned = plan(
      `subscription { feed: sectorActivity(filter: { kinds: [JOB_POSTED], city: "Beijing" }) { kind organization { name } grant { title } jobPosting { title } enrollment { status } } }`,
    );
    expect(planned.responseKey).toBe('feed');
    expect(planned.topics).toEqual(EVENT_TOPICS);
    expect(planned.filter).toEqual({ kinds: ['JOB_POSTED'], city: 'Beijing' });
    expect(Object.fromEntries(planned.selected.map((s) => [s.responseKey, s.lookup]))).toEqual({
      kind: undefined,
      organization: 'organization',
      grant: 'grant',
      jobPosting: 'jobPosting',
      enrollment: 'enrollment',
    });
  });

  it('filters by a direct argument (enrollmentChanged(course:)) as by a filter field', () => {
    expect(plan(`subscription { enrollmentChanged(course: "c-1") { status } }`).filter).toEqual({ course: 'c-1' });
  });

  it('honours aliases, fragments and @skip/@include, and merges the selections one response key receives', () => {
    const planned = plan(
      `subscription ($withTime: Boolean!) {
        grantAwarded {
          id: eventId
          occurredAt @include(if: $withTime)
          grant { id }
          ...More
          ... on GrantAwardedEvent { skipped: eventId @skip(if: true) }
        }
      }
      fragment More on GrantAwardedEvent { grant { title } }`,
      { withTime: false },
    );
    expect(planned.selected.map((s) => s.responseKey)).toEqual(['id', 'grant']);
    const grant = planned.selected.find((s) => s.responseKey === 'grant')!;
    expect(print(grant.node)).toBe('grant {\n  id\n  title\n}');
  });

  it('refuses a minimum amount that is not a decimal, naming the filter field', () => {
    const error = refusal(() => plan(`subscription { grantAwarded(filter: { minAmount: { amount: "lots", currency: "CNY" } }) { eventId } }`));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('filter.minAmount');
  });

  it('refuses a resume position that is not an event id', () => {
    const error = refusal(() => plan(`subscription { jobPosted(since: "yesterday") { eventId } }`));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('since');
  });

  it('refuses a subscription field the gateway has no topics for, and a graph without subscriptions', () => {
    const unserved = buildSchema(`type Query { ok: Boolean } type Subscription { weather: Boolean }`);
    expect(refusal(() => plan(`subscription { weather }`, {}, unserved)).message).toContain('Subscription.weather is not served');
    const none = buildSchema(`type Query { ok: Boolean }`);
    expect(refusal(() => plan(`subscription { weather }`, {}, none)).extensions.code).toBe('BAD_REQUEST');
  });
});

describe('usedNames', () => {
  it('finds the variables and fragments a selection uses, through nested fragments', () => {
    const document = parse(`
      subscription ($a: Boolean!, $b: Boolean!, $unused: Int) { grantAwarded { grant { ...G } eventId @skip(if: $a) } }
      fragment G on Grant { title @include(if: $b) funder { ...O } }
      fragment O on Organization { name }
      fragment Unused on Grant { id }`);
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const operation = document.definitions[0] as OperationDefinitionNode;
    const used = usedNames([operation.selectionSet], fragments);
    expect([...used.variables].sort()).toEqual(['a', 'b']);
    expect([...used.fragments].sort()).toEqual(['G', 'O']);
  });
});
