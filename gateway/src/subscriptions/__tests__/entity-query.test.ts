import { Supergraph } from '@apollo/federation-internals';
import { buildASTSchema, execute, Kind, parse, print, printSchema, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityQuery, fetchDocument, ROOT } from '../entity-query';
import { projectCanonical } from '../entity-selection';
import { planSubscription } from '../subscription-plan';

const apiSchema = Supergraph.build(readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

function queryOf(source: string, variables: Record<string, unknown> = {}) {
  const document: DocumentNode = parse(source);
  expect(validate(apiSchema, document)).toEqual([]);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const plan = planSubscription(apiSchema, document, operation, variables);
  return { document, plan, query: entityQuery(apiSchema, plan, ['grant'])! };
}

describe('entity queries of subscriptions', () => {
  it('merges different selections, aliases, fragments and arguments into one valid query with one root per entity', () => {
    const a = queryOf(`subscription { grantAwarded { x: grant { t: title recipient { name people(first: 2) { totalCount } } } } }`);
    const b = queryOf(
      `subscription($n: Int!) { grantAwarded { grant { ...G title } } } fragment G on Grant { recipient { people(first: $n) { totalCount } n: name } }`,
      { n: 5 },
    );
    const c = queryOf(`subscription($n: Int!) { grantAwarded { grant { recipient { people(first: $n) { totalCount } } } } }`, { n: 2 });
    // the same field with the same argument value, once literal and once a variable: one key
    const keyOf = (text: string) => text.match(/(people_a\w+): people\(first: 2\)/)![1];
    expect(keyOf(c.query.text)).toBe(keyOf(a.query.text));
    const merged = fetchDocument([a.query, b.query, c.query]);
    expect(validate(apiSchema, merged)).toEqual([]);
    const text = print(merged);
    expect(text.match(/grant\(id:/g)).toHaveLength(1);
    expect(text).toContain('people(first: 2)');
    expect(text).toContain('people(first: 5)');
    expect(text).not.toMatch(/\$n\b/);
  });

  it("projects each subscriber's answer, with its own names, out of the merged data", async () => {
    const a = queryOf(`subscription { g: grantAwarded { id: eventId x: grant { t: title r: recipient { people(first: 2) { totalCount } } } } }`);
    const b = queryOf(`subscription($n: Int!) { grantAwarded { grant { recipient { people(first: $n) { totalCount } } } } }`, { n: 5 });
    // the data a merged fetch returns: canonical keys, one root
    const merged = fetchDocument([a.query, b.query]);
    const root = (merged.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as { alias: { value: string } };
    expect(root.alias.value).toBe(ROOT('grant'));
    const recipient = print(merged).match(/(people_a\w+): people\(first: 2\)/)![1]!;
    const recipient5 = print(merged).match(/(people_a\w+): people\(first: 5\)/)![1]!;
    const grant = {
      __typename: 'Grant',
      title: 'Water',
      recipient: {
        __typename: 'Organization',
        [recipient]: { __typename: 'PersonConnection', totalCount: 2 },
        [recipient5]: { __typename: 'PersonConnection', totalCount: 5 },
      },
    };
    const project = async (document: DocumentNode, key: string, plan: { variables: Record<string, unknown> }, event: Record<string, unknown>) =>
      execute({ schema: apiSchemaPlain(), document, rootValue: { [key]: event }, variableValues: plan.variables, fieldResolver: projectCanonical });
    expect((await project(a.document, 'g', a.plan, { id: '7', x: grant })).data).toEqual({
      g: { id: '7', x: { t: 'Water', r: { people: { totalCount: 2 } } } },
    });
    expect((await project(b.document, 'grantAwarded', b.plan, { grant })).data).toEqual({
      grantAwarded: { grant: { recipient: { people: { totalCount: 5 } } } },
    });
  });
});

// the projection runs on a schema without resolvers (as event-payload does)
let plain: ReturnType<typeof buildASTSchema> | undefined;
function apiSchemaPlain() {
  plain ??= buildASTSchema(parse(printSchema(apiSchema)), { assumeValid: true });
  return plain;
}
