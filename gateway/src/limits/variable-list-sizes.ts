import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';

const LIST_SIZE_ARGUMENTS = new Set(['first', 'last']);

/** Whether a parsed document passes any list size as a variable (`first: $n`); Apollo reuses one parsed document per query text, so each is walked once. */
const passesListSizes = new WeakMap<DocumentNode, boolean>();

function hasVariableListSize(document: DocumentNode): boolean {
  let answer = passesListSizes.get(document);
  if (answer === undefined) {
    answer = false;
    visit(document, {
      Argument(node) {
        if (LIST_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) answer = true;
      },
    });
    passesListSizes.set(document, answer);
  }
  return answer;
}

/** The operation with the integer variables it passes as `first`/`last` written in as literals; undefined when it passes none. */
function withListSizesInlined(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): DocumentNode | undefined {
  if (!hasVariableListSize(document)) return undefined;
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in variables) values[name] = variables[name];
    else if (definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
  }
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
  const inlined = withListSizesInlined(document, operation, variables);
  if (!inlined) return undefined;
  const [error] = validate(schema, inlined, rules);
  if (!error) return undefined;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/** `listSizeRefusal` on every HTTP request that passes list sizes in variables. */
export function variableListSizes(rules: ValidationRule[]): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refusal = operation && listSizeRefusal(schema, document, operation, request.variables ?? {}, rules);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
