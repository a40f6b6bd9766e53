import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import { isDerived } from './derived-operations';

const LIST_SIZE_ARGUMENTS = new Set(['first', 'last']);

/** The variables a parsed document passes as list sizes (`first: $n`); Apollo reuses one parsed document per query text, so each is walked once. */
const listSizeVariables = new WeakMap<DocumentNode, readonly string[]>();

function variablesPassedAsListSizes(document: DocumentNode): readonly string[] {
  let names = listSizeVariables.get(document);
  if (names === undefined) {
    const found = new Set<string>();
    visit(document, {
      Argument(node) {
        if (LIST_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) found.add(node.value.name.value);
      },
    });
    names = [...found];
    listSizeVariables.set(document, names);
  }
  return names;
}

/** The values of the operation's list-size variables (given, else their integer defaults), by name. */
function listSizeValues(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> | undefined {
  const names = variablesPassedAsListSizes(document);
  if (!names.length) return undefined;
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!names.includes(name)) continue;
    if (name in variables) values[name] = variables[name];
    else if (definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
  }
  return values;
}

/** The operation with the integer variables it passes as `first`/`last` written in as literals; undefined when it passes none. */
function withListSizesInlined(document: DocumentNode, values: Record<string, unknown>): DocumentNode | undefined {
  let inlined = false;
  const result = visit(document, {
    Argument(node) {
      if (!LIST_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = values[node.value.name.value];
      if (!Number.isSafeInteger(value)) return undefined;
      inlined = true;
      return { ...node, value: { kind: Kind.INT, value: String(value) } };
    },
  });
  return inlined ? result : undefined;
}

/**
 * The cost limit counts a list of `first: 100` as 100 items, but validation runs once per
 * document, before variables are known, so `first: $n` would count as one. This re-checks the
 * operation's limits with its list-size variables written in; undefined when it passes.
 */
export function listSizeRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  rules: ValidationRule[],
): GraphQLError | undefined {
  const values = listSizeValues(document, operation, variables);
  return values && refusalWith(schema, document, values, rules);
}

/** The limits' first refusal of the document with these list sizes written in, or undefined. */
function refusalWith(schema: GraphQLSchema, document: DocumentNode, values: Record<string, unknown>, rules: ValidationRule[]): GraphQLError | undefined {
  const inlined = withListSizesInlined(document, values);
  if (!inlined) return undefined;
  const [error] = validate(schema, inlined, rules);
  if (!error) return undefined;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/** Checks per document and list sizes: a dashboard asks the same query with the same `first` again and again. */
const MAX_CHECKS_PER_DOCUMENT = 100;

/**
 * `listSizeRefusal` on every HTTP request that passes list sizes in variables, decided once per
 * document, schema and list sizes (its rules hold clients only, and a client's check never depends
 * on who is asking); each refused request gets an error of its own.
 */
export function variableListSizes(rules: ValidationRule[]): ApolloServerPlugin {
  const checked = new WeakMap<DocumentNode, { schema: GraphQLSchema; refusals: LRUCache<string, GraphQLError | false> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation || isDerived()) return;
          const values = listSizeValues(document, operation, request.variables ?? {});
          if (!values) return;
          let known = checked.get(document);
          if (!known || known.schema !== schema) checked.set(document, (known = { schema, refusals: new LRUCache({ max: MAX_CHECKS_PER_DOCUMENT }) }));
          const key = JSON.stringify(values);
          let refusal = known.refusals.get(key);
          if (refusal === undefined) known.refusals.set(key, (refusal = refusalWith(schema, document, values, rules) ?? false));
          if (refusal) throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
        },
      };
    },
  };
}
