import { composeServices } from '@apollo/composition';
import { Supergraph, operationFromDocument, type FieldSelection, type Schema } from '@apollo/federation-internals';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { seededRandom } from '@ngo-hub/kit/testing/seeded-random';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apolloComputeResponse, computeResponse, installResultShaping, type ComputeResponse } from '../result-shaping';

/** The hub's API schema, as the gateway executes against it. */
const hub = Supergraph.build(readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8')).apiSchema();

/** A small graph with what the hub's schema lacks: an interface, a union, nested and non-null lists. */
const shapes = (() => {
  const sdl = (text: string) => parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"]) ${text}`);
  const composed = composeServices([
    {
      name: 'shapes',
      url: 'http://shapes',
      typeDefs: sdl(`
        scalar JSON
        enum Colour { RED GREEN }
        interface Shape { id: ID! area: Float colour: Colour }
        type Square implements Shape @key(fields: "id") { id: ID! area: Float colour: Colour side: Int! tags: [String!] }
        type Circle implements Shape @key(fields: "id") { id: ID! area: Float colour: Colour radius: Float grid: [[Int]!] }
        union Found = Square | Circle | Note
        type Note { text: String! meta: JSON }
        type Query { shapes: [Shape!]! shape(id: ID!): Shape found: [Found] required: Square! note: Note }
      `),
    },
  ]);
  if (composed.errors) throw composed.errors[0];
  return Supergraph.build(composed.supergraphSdl!).apiSchema();
})();

/** The benchmarks' sector dashboard: the answer the gateway shapes most. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file of the bench workspace, read by path as the supergraph is
const { DASHBOARD_QUERY } = require('../../../bench/dashboard/dashboard-query.js') as { DASHBOARD_QUERY: string };

/** Operations that reach every branch: aliases, fragments, directives, repeated fields, `__typename`, introspection. */
const HUB_OPERATIONS: [string, string, Record<string, unknown>][] = [
  ['the sector dashboard (bench/dashboard)', DASHBOARD_QUERY, { city: 'Shanghai', first: 50 }],
  [
    'aliases, repeated fields and fragments',
    `query Q($withPeople: Boolean!, $noCity: Boolean!) {
      first: organizations(first: 3) { totalCount nodes { ...Names kind t: __typename city @skip(if: $noCity) } }
      organizations(first: 3) { nodes { id name ... on Organization { causeAreas stage } people(first: 2) @include(if: $withPeople) { nodes { person { id name } } } } }
      again: organizations(first: 3) { nodes { id name } pageInfo { hasNextPage endCursor } }
      again: organizations(first: 3) { nodes { foundedOn createdAt registration { status } } }
    }
    fragment Names on Organization { name nameZh id orgIds }`,
    { withPeople: true, noCity: false },
  ],
  [
    'directives the other way, literal ones and `__typename` everywhere',
    `query Q($withPeople: Boolean!, $noCity: Boolean!) {
      __typename
      organizations(first: 3) { __typename nodes { __typename name city @skip(if: $noCity) province @include(if: false) country @skip(if: false)
        people(first: 2) @include(if: $withPeople) { nodes { person { name } } } } }
    }`,
    { withPeople: false, noCity: true },
  ],
  ['introspection beside data', `{ __schema { queryType { name } } organizations(first: 2) { nodes { name } } __type(name: "Organization") { name } }`, {}],
  ['response names a plain object inherits', `{ constructor: organizations(first: 2) { toString: totalCount nodes { valueOf: name } } }`, {}],
];

const SHAPES_OPERATIONS: [string, string, Record<string, unknown>][] = [
  [
    'an interface, a union, nested lists',
    `query Q($big: Boolean!) {
      shapes { __typename id area ... on Square { side tags } ... on Circle { radius grid } kind: __typename }
      found { ... on Shape { id colour } ... on Note { text meta } ... on Circle { radius @include(if: $big) } }
      shape(id: "1") { ...S }
      required { id side }
      note { text }
    }
    fragment S on Shape { id ... on Square { side } }`,
    { big: true },
  ],
  ['a non-null root that bubbles to the whole answer', `{ required { side tags } shapes { id } }`, {}],
];

/**
 * Data as the subgraphs' merged answers could hold it for `document`: mostly valid values, and now
 * and then what a subgraph should not send (nulls in non-null fields, values of the wrong type,
 * unknown enum values and `__typename`s, missing and extra fields).
 */
function dataFor(schema: GraphQLSchema, document: DocumentNode, random: () => number): Record<string, unknown> {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d] as const),
  );
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const rarely = () => random() < 0.04;

  function leaf(type: GraphQLOutputType): unknown {
    const named = getNamedType(type);
    if (rarely()) return pick([42, 1.5, 'text', true, 'NOT_A_VALUE', { an: 'object' }, -7]);
    if (isEnumType(named)) return pick(named.getValues()).value;
    switch (named.name) {
      case 'String':
        return pick(['上海', 'a "quoted" name', '', 'Shanghai']);
      case 'Int':
        return pick([0, 3, -12, 2 ** 31 - 1]);
      case 'Float':
        return pick([0.5, 3, -2.25]);
      case 'Boolean':
        return random() < 0.5;
      case 'ID':
        return pick(['01J2Z', 'b3c1', 7]);
      default:
        return pick(['2026-12-05', '2026-12-05T10:00:00.000Z', { nested: [1, 2] }, 12]);
    }
  }

  function value(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, existing: unknown): unknown {
    if (isNonNullType(type)) return random() < 0.03 ? null : value(type.ofType, selectionSet, existing);
    if (existing === undefined && random() < 0.08) return null;
    if (isListType(type)) {
      const length = Array.isArray(existing) ? existing.length : Math.floor(random() * 4);
      return Array.from({ length }, (_, i) => value(type.ofType, selectionSet, Array.isArray(existing) ? existing[i] : undefined));
    }
    if (isCompositeType(type)) {
      const object = existing && typeof existing === 'object' ? (existing as Record<string, unknown>) : {};
      fill(object, selectionSet!, type);
      return object;
    }
    return leaf(type);
  }

  function fill(object: Record<string, unknown>, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): void {
    let concrete: GraphQLObjectType | undefined;
    if (isAbstractType(parentType)) {
      const known = typeof object.__typename === 'string' ? schema.getType(object.__typename) : undefined;
      concrete = (known as GraphQLObjectType | undefined) ?? pick(schema.getPossibleTypes(parentType));
      if (object.__typename === undefined) object.__typename = rarely() ? 'Nonexistent' : concrete.name;
    } else {
      concrete = parentType;
      if (object.__typename === undefined && random() < 0.3) object.__typename = rarely() ? pick(['Nonexistent', 'String']) : parentType.name;
    }
    if (random() < 0.1) object.notAsked = 'extra';
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const responseName = selection.alias?.value ?? name;
        if (name === '__schema' || name === '__type') continue;
        if (name === '__typename') {
          if (random() < 0.5) object[responseName] = pick([concrete.name, null, 'Nonexistent', 'String']);
          continue;
        }
        const field = (isAbstractType(parentType) ? concrete : parentType).getFields()[name];
        if (!field) continue;
        if (random() < 0.04 && object[responseName] === undefined) continue; // a field the subgraph left out
        object[responseName] = value(field.type, selection.selectionSet, object[responseName]);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value)! : selection;
        const condition = fragment.typeCondition ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) : concrete;
        const applies = condition === concrete || (isAbstractType(condition) && schema.isSubType(condition, concrete));
        if (applies || rarely()) fill(object, fragment.selectionSet, applies ? concrete : condition);
      }
    }
  }

  const root: Record<string, unknown> = {};
  fill(root, document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!.selectionSet, schema.getQueryType()!);
  return root;
}

/** What a shaping gives for one input: its answer as the client gets it (keys in order), its errors, or what it threw. */
function outcome(shape: ComputeResponse, schema: Schema, source: string, variables: Record<string, unknown>, input: Record<string, unknown>): string {
  const operation = operationFromDocument(schema, parse(source), { validate: false });
  const introspectionHandling = (selection: FieldSelection) => ({ introspected: selection.element.responseName() });
  try {
    const { data, errors } = shape({ operation, variables, input: structuredClone(input), introspectionHandling });
    return JSON.stringify({ data, errors: errors.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions })) });
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

describe.each([
  ['the hub', hub, HUB_OPERATIONS],
  ['interfaces and unions', shapes, SHAPES_OPERATIONS],
] as const)('result shaping on %s gives what @apollo/gateway gives', (_graph, schema, operations) => {
  const graphqlSchema = schema.toGraphQLJSSchema();

  it.each(operations)('%s, on 400 random merged answers', (_name, source, variables) => {
    expect(validate(graphqlSchema, parse(source))).toEqual([]);
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const input = dataFor(graphqlSchema, parse(source), seededRandom(seed));
      const expected = outcome(apolloComputeResponse, schema, source, variables, input);
      expect({ seed, answer: outcome(computeResponse, schema, source, variables, input) }).toEqual({ seed, answer: expected });
      const { data, errors } = expected.startsWith('threw') ? { data: undefined, errors: [] } : (JSON.parse(expected) as { data: unknown; errors: unknown[] });
      outcomes.add(errors.length ? 'errors' : 'clean');
      if (data === null) outcomes.add('null at the root');
    }
    // the random answers reached clean answers, answers with errors and nulls bubbled up to the root
    expect(outcomes).toContain('clean');
    expect(outcomes).toContain('null at the root');
    expect(outcomes).toContain('errors');
  });
});

describe('result shaping', () => {
  it('builds plain objects, which JSON.stringify serializes on its fast path', () => {
    const operation = operationFromDocument(hub, parse('{ organizations(first: 1) { nodes { name city } } }'), { validate: false });
    const input = { organizations: { nodes: [{ name: 'a', city: 'b', extra: 1 }] } };
    const { data, errors } = computeResponse({ operation, input, introspectionHandling: () => null });
    expect(errors).toEqual([]);
    const organizations = (data as { organizations: { nodes: object[] } }).organizations;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(organizations.nodes[0])).toBe(Object.prototype);
    expect(JSON.stringify(data)).toBe('{"organizations":{"nodes":[{"name":"a","city":"b"}]}}');
  });

  it('leaves an operation whose response names a plain object inherits to @apollo/gateway (null-prototype objects)', () => {
    const operation = operationFromDocument(hub, parse('{ organizations(first: 1) { nodes { constructor: name } } }'), { validate: false });
    const { data } = computeResponse({ operation, input: { organizations: { nodes: [{ constructor: 'a' }] } }, introspectionHandling: () => null });
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(JSON.stringify(data)).toBe('{"organizations":{"nodes":[{"constructor":"a"}]}}');
  });

  it('is what @apollo/gateway executes once installed', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object @apollo/gateway's executor reads
    const module = require('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };
    installResultShaping();
    expect(module.computeResponse).toBe(computeResponse);
    installResultShaping();
    expect(module.computeResponse).toBe(computeResponse);
  });
});
