import { Supergraph } from '@apollo/federation-internals';
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_QUERY, PART_QUERIES } from '../../../dashboard/src/queries';
import { EXAMPLES } from '../../../graphiql/examples';
import { CostDeclarations, CostModel, operationCost } from '../demand-cost';
import { loadLimitsConfig } from '../limits-config';
import { operationLimits } from '../operation-limits';
import { listSizeRefusal } from '../variable-list-sizes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DASHBOARD_QUERY: SECTOR_DASHBOARD } = require('../../../../bench/dashboard/dashboard-query') as { DASHBOARD_QUERY: string };

const supergraphSdl = readFileSync(join(__dirname, '../../../../schema/supergraph.graphql'), 'utf8');
/** The API schema partners see, from the checked-in supergraph (as the gateway derives it). */
const apiSchema: GraphQLSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const declarations = CostDeclarations.fromSupergraph(supergraphSdl);
const production = loadLimitsConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv);
const rules = operationLimits(production, new CostModel(declarations)).validationRules;

function costOf(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  expect(validate(apiSchema, document)).toEqual([]);
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
  const [operation] = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d] : []));
  return operationCost(apiSchema, declarations, fragments, operation!, variables);
}

/** The limit errors of an operation under the production defaults, its list-size variables written in as the gateway does. */
function refusals(source: string, variables: Record<string, unknown> = {}): string[] {
  const document = parse(source);
  const errors = validate(apiSchema, document, [...specifiedRules, ...rules]).map((e) => e.message);
  const [operation] = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d] : []));
  const refusal = listSizeRefusal(apiSchema, document, operation!, variables, rules);
  return refusal ? [...errors, refusal.message] : errors;
}

describe('demand control: cost from the declared list sizes', () => {
  it("reads the subgraphs' @listSize declarations from the supergraph: connections slice by first", () => {
    expect(declarations.listSizes.get('Organization.people')).toEqual({ assumedSize: 20, slicingArguments: ['first'], sizedFields: ['edges', 'nodes'] });
    expect(declarations.listSizes.get('Course.offeredBy')).toEqual({ assumedSize: 3, slicingArguments: [], sizedFields: [] });
  });

  it('multiplies what a page selects by its first, nested pages by each other, and prices scalars at 0', () => {
    expect(costOf('{ organizations(first: 10) { nodes { name } } }')).toBe(1 + 10);
    expect(costOf('{ organizations(first: 10) { totalCount } }')).toBe(1);
    expect(costOf('{ organizations(first: 10) { nodes { people(first: 5) { nodes { role } } } } }')).toBe(1 + 10 * (1 + 1 + 5));
    // edges and nodes are both sized by first
    expect(costOf('{ organizations(first: 10) { edges { node { name } } } }')).toBe(1 + 10 * (1 + 1));
    // a left-out first counts the default page; a variable counts its value when known
    expect(costOf('{ organizations { nodes { name } } }')).toBe(1 + 20);
    expect(costOf('query($n: Int) { organizations(first: $n) { nodes { name } } }', { n: 3 })).toBe(1 + 3);
    // fragments are priced where they are spread
    expect(costOf('{ organizations(first: 10) { ...F } } fragment F on OrganizationConnection { nodes { name } }')).toBe(1 + 10);
  });

  it("lets the hub's own queries through under the production defaults: the sector dashboard (10, 50 and 100 organizations), the live dashboard and every GraphiQL example", () => {
    for (const first of [10, 50, 100]) expect(refusals(SECTOR_DASHBOARD, { city: 'Chengdu', first })).toEqual([]);
    expect(refusals(DASHBOARD_QUERY)).toEqual([]);
    for (const query of Object.values(PART_QUERIES)) expect(refusals(query)).toEqual([]);
    for (const example of EXAMPLES) expect(refusals(example.query, example.variables ? JSON.parse(example.variables) : {})).toEqual([]);
  });

  it('refuses the hostile shapes: a huge page (literal or variable) and nested pages that multiply', () => {
    const refused = /^Query Cost limit of 100000 exceeded, found \d+\.$/;
    expect(refusals('{ organizations(first: 1000000) { nodes { name } } }')).toEqual([expect.stringMatching(refused)]);
    expect(refusals('query($n: Int) { organizations(first: $n) { nodes { name } } }', { n: 1_000_000 })).toEqual([expect.stringMatching(refused)]);
    expect(
      refusals('{ organizations(first: 100) { nodes { people(first: 100) { nodes { person { enrollments(first: 100) { nodes { status } } } } } } } }'),
    ).toEqual([expect.stringMatching(refused)]);
    // a page over the maximum passes the cost limit: the subgraph answers it with BAD_USER_INPUT
    expect(refusals('{ organizations(first: 1000) { nodes { name } } }')).toEqual([]);
  });
});
