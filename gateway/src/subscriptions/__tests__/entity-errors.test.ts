import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subscriberErrors } from '../entity-errors';
import { entityQuery, fetchDocument, ROOT } from '../entity-query';
import { planSubscription } from '../subscription-plan';

const apiSchema = Supergraph.build(readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

function subscriber(source: string, variables: Record<string, unknown> = {}) {
  const document: DocumentNode = parse(source);
  expect(validate(apiSchema, document)).toEqual([]);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const plan = planSubscription(apiSchema, document, operation, variables);
  const query = entityQuery(apiSchema, plan, ['grant', 'organization'])!;
  return {
    plan,
    query,
    errorsOf: (path: (string | number)[]) => subscriberErrors({ message: 'no', path, locations: [{ line: 1, column: 1 }] }, plan, query.keys),
  };
}

/** The canonical key the merged fetch asks a field under (its name, plus a hash of its arguments). */
function fetchedKey(text: string, field: string): string {
  return new RegExp(`(\\w+): ${field}`).exec(text)?.[1] ?? field;
}

describe("a fetch's errors in the subscriber's own names", () => {
  it('maps the root, entity fields, list indices and fragments to the aliases the subscriber chose, located in its document', () => {
    const source = `subscription { g: grantAwarded { x: grant { ...G } } } fragment G on Grant { r: recipient { p: people(first: 2) { n: nodes { nm: role } } } }`;
    const { query, errorsOf } = subscriber(source);
    const people = fetchedKey(print(fetchDocument([query])), 'people\\(first: 2\\)');
    const [error] = errorsOf([ROOT('grant'), 'recipient', people, 'nodes', 3, 'role']);
    expect(error!.path).toEqual(['g', 'x', 'r', 'p', 'n', 3, 'nm']);
    // the location of `nm: role` in the subscriber's document
    expect(error!.locations).toEqual([{ line: 1, column: source.indexOf('nm: role') + 1 }]);
  });

  it('gives one error per alias of a field selected under several', () => {
    const { errorsOf } = subscriber(`subscription { grantAwarded { a: grant { t: title } b: grant { title u: title } } }`);
    expect(errorsOf([ROOT('grant'), 'title']).map((e) => e.path)).toEqual([
      ['grantAwarded', 'a', 't'],
      ['grantAwarded', 'b', 'title'],
      ['grantAwarded', 'b', 'u'],
    ]);
  });

  it('places an error of a ref the subscriber did not select on its subscription field, and leaves other errors alone', () => {
    const { errorsOf, plan, query } = subscriber(`subscription { s: grantAwarded { grant { id } } }`);
    expect(errorsOf([ROOT('organization')])).toEqual([{ message: 'no', path: ['s'] }]);
    const internal = { message: 'the graph could not answer', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(subscriberErrors(internal, plan, query.keys)).toEqual([internal]);
  });
});
