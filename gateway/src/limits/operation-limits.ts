import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { aliasAndDirectiveLimits } from './alias-directive-limits';
import type { LimitsConfig } from './limits-config';

/**
 * Reports a refused operation as a validation error that names the limit (`extensions.limit`),
 * without GraphQL Armor's misleading "Syntax Error:" prefix.
 */
function reportLimit(limit: string): { propagateOnRejection: false; onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } })),
    ],
  };
}

export interface OperationLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  /** Read by graphql's parser: a document with more tokens is refused before it is parsed in full. */
  parseOptions: ParseOptions;
}

/**
 * Depth and cost limits (GraphQL Armor's validation rules), alias and directive limits (ours,
 * which count what Armor's missed: see alias-directive-limits.ts) and the token
 * limit (graphql's own parser option, so an oversized document fails as GRAPHQL_PARSE_FAILED
 * without building its AST). Introspection counts too: Armor ignores only `__schema` for depth.
 */
export function operationLimits(config: LimitsConfig): OperationLimits {
  const { validationRules, plugins } = new ApolloArmor({
    maxDepth: { n: config.maxDepth, ...reportLimit('depth') },
    costLimit: { maxCost: config.maxCost, ...reportLimit('cost') },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { validationRules: [...validationRules, ...aliasAndDirectiveLimits(config)], plugins, parseOptions: { maxTokens: config.maxTokens } };
}
