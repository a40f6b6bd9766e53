import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { aliasAndDirectiveLimits } from './alias-directive-limits';
import { costLimitRule, CostModel } from './demand-cost';
import type { LimitsConfig } from './limits-config';

/**
 * Reports a refused operation as a validation error that names the limit (`extensions.limit`),
 * without GraphQL Armor's misleading "Syntax Error:" prefix.
 */
function reportLimit(limit: string): { propagateOnRejection: false; onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[] } {
  return {
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }))],
  };
}

export interface OperationLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  /** Read by graphql's parser: a document with more tokens is refused before it is parsed in full. */
  parseOptions: ParseOptions;
}

/**
 * The depth limit (GraphQL Armor's validation rule), the cost limit (ours: demand control from the
 * subgraphs' declared list sizes, see demand-cost.ts; `costs` follows the loaded supergraph),
 * alias and directive limits (ours, which count what Armor's missed: see
 * alias-directive-limits.ts) and the token limit (graphql's own parser option, so an oversized
 * document fails as GRAPHQL_PARSE_FAILED without building its AST). Introspection counts too:
 * Armor ignores only `__schema` for depth.
 */
export function operationLimits(config: LimitsConfig, costs: CostModel = new CostModel()): OperationLimits {
  const { validationRules, plugins } = new ApolloArmor({
    maxDepth: { n: config.maxDepth, ...reportLimit('depth') },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const cost = costLimitRule(costs, config.maxCost, (context, error) =>
    context.reportError(new GraphQLError(error.message, { nodes: error.nodes, extensions: { limit: 'cost' } })),
  );
  return { validationRules: [...validationRules, cost, ...aliasAndDirectiveLimits(config)], plugins, parseOptions: { maxTokens: config.maxTokens } };
}
