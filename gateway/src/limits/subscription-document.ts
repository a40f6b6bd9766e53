import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { isIn, type Caller } from './caller';
import { withoutSuggestions } from './field-suggestions';
import { introspectionRefusal } from './introspection-policy';
import type { LimitsConfig } from './limits-config';
import { untrustedRefusal, type TrustedDocuments } from './trusted-documents';
import { listSizeRefusal } from './variable-list-sizes';

export interface SubscriptionDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** sha256 of the document's exact text. */
  hash: string;
}

/**
 * The checks Apollo Server's pipeline makes of an HTTP operation (and of a query or mutation
 * sent over a WebSocket), for a subscription, which the gateway serves without Apollo: graphql's
 * rules with the operation limits (depth, cost, aliases, directives; list sizes in variables),
 * then the introspection policy, then trusted documents, in Apollo's order. Suggestions are
 * stripped for callers outside FIELD_SUGGESTIONS' audience. Empty when the subscription may run.
 */
export function checkSubscriptionDocument(
  config: LimitsConfig,
  rules: { validationRules: ValidationRule[]; trustedDocuments: TrustedDocuments },
  caller: Caller | undefined,
  schema: GraphQLSchema,
  subscription: SubscriptionDocument,
): GraphQLError[] {
  const invalid = validate(schema, subscription.document, [...specifiedRules, ...rules.validationRules]);
  if (invalid.length > 0) {
    const suggest = isIn(config.fieldSuggestions, caller);
    return invalid.map(
      (error) =>
        new GraphQLError(suggest ? error.message : withoutSuggestions(error.message), {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
    );
  }
  const refusal =
    listSizeRefusal(schema, subscription.document, subscription.operation, subscription.variables, rules.validationRules) ??
    introspectionRefusal(config.introspection, caller, schema, subscription.document) ??
    untrustedRefusal(rules.trustedDocuments, config.trustedDocuments, config.trustedDocumentClients, caller, {
      hash: subscription.hash,
      name: subscription.operation.name?.value,
    });
  return refusal ? [refusal] : [];
}
