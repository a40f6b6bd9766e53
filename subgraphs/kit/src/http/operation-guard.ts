import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';

/**
 * A subgraph's own cheap guard against oversized operations, for requests that reach it without
 * the gateway's limits. Generous: the gateway's query plans nest `_entities` a few levels
 * deeper than the client's operation, and the gateway already enforces the real limits.
 */
export const SUBGRAPH_OPERATION_LIMITS = { maxDepth: 40, maxAliases: 200, maxTokens: 50_000 };

function report(limit: string) {
  return {
    propagateOnRejection: false as const,
    onReject: [
      (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } })),
    ],
  };
}

/** Apollo Server options that bound what one operation may ask of a subgraph. */
export function subgraphOperationGuard(limits = SUBGRAPH_OPERATION_LIMITS): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  return {
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, ...report('depth') }) as unknown as ValidationRule,
      maxAliasesRule({ n: limits.maxAliases, ...report('aliases') }) as unknown as ValidationRule,
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
