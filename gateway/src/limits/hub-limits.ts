import type { ApolloServerOptions } from '@apollo/server';
import type { Identity } from '@ngo-hub/kit/common';
import type { GraphQLFormattedError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { admitCaller } from './admission';
import type { Caller } from './caller';
import { clientParseOptions, forClientsOnly, splitDocumentStore } from './derived-operations';
import { fieldSuggestionsPolicy } from './field-suggestions';
import { introspectionPolicy } from './introspection-policy';
import type { LimitsConfig } from './limits-config';
import type { CostModel } from './demand-cost';
import { operationLimits } from './operation-limits';
import { PersistedQueryCache } from './persisted-query-cache';
import { publicErrorFormat, publicErrors, publicErrorsPlugin, type ErrorFormat } from './public-errors';
import { MemoryRateLimiter, NO_RATE_LIMIT, type RateLimiter } from './rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';
import type { SharedRedis } from '../shared-state/redis-connection';
import { socketLimits, type SocketLimits } from './socket-limits';
import { TrustedDocuments, trustedDocumentsPolicy } from './trusted-documents';
import { requestWorkRefusal } from './validation-work';
import { variableListSizes } from './variable-list-sizes';

type LimitedApolloOptions = Pick<
  ApolloServerOptions<{ caller?: Caller; derived?: boolean }>,
  'validationRules' | 'parseOptions' | 'documentStore' | 'allowBatchedHttpRequests' | 'persistedQueries' | 'plugins'
>;

export interface HubLimits {
  trustedDocuments: TrustedDocuments;
  /** Spread into ApolloServer's options. */
  apollo: LimitedApolloOptions & { plugins: NonNullable<LimitedApolloOptions['plugins']> };
  /**
   * Identifies the caller of an HTTP request with `identify` and spends one token of their rate
   * limit per operation in it; throws RateLimitedError (HTTP 429) when they have none left. A
   * failed authentication is counted against the caller's address, then rethrown. Then bounds
   * the validation work of each operation sent as text (GRAPHQL_VALIDATION_FAILED, 400).
   */
  admit(req: IncomingMessage, body: unknown, identify: () => Promise<Identity>): Promise<{ identity: Identity; caller: Caller }>;
  /** The same limits for graphql-ws: the connection, then each operation sent on it. */
  sockets: SocketLimits;
  /** Wraps the gateway's formatError: in production, a limit's error names the rule broken, not its numbers. */
  formatError(format: ErrorFormat): ErrorFormat;
  /** How errors sent over a socket are shown to its caller (production: no limit details; no subgraph names for anonymous callers). */
  publicErrors(caller: Caller | undefined, errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[];
}

/** The rate limit's store: none when it is off (a rate of 0 gives no window to count in), else Redis when shared, else memory. */
function rateLimiter(config: LimitsConfig, redis: SharedRedis | undefined): RateLimiter {
  if (config.rateLimitPerSecond <= 0) return NO_RATE_LIMIT;
  return redis
    ? new RedisRateLimiter(redis, config.rateLimitPerSecond, config.rateLimitBurst)
    : new MemoryRateLimiter(config.rateLimitPerSecond, config.rateLimitBurst);
}

/**
 * Every limit the gateway puts on what callers send, from its configuration. With `redis`, the
 * rate limit and the persisted queries are shared by every gateway instance; else each keeps
 * its own in memory. `costs`: the list sizes of the loaded supergraph, which the cost limit prices with.
 */
export function hubLimits(config: LimitsConfig, redis?: SharedRedis, costs?: CostModel): HubLimits {
  const trustedDocuments = TrustedDocuments.load(config.trustedDocumentsPath, config.trustedDocuments !== 'off');
  const operations = operationLimits(config, costs);
  const limiter = rateLimiter(config, redis);
  // the queries the gateway derives from admitted subscriptions (runDerived) are not held to them
  const clientRules = operations.validationRules.map(forClientsOnly);
  return {
    trustedDocuments,
    apollo: {
      validationRules: clientRules,
      parseOptions: clientParseOptions(config.maxTokens),
      documentStore: splitDocumentStore(),
      allowBatchedHttpRequests: config.maxBatch > 1,
      persistedQueries: { cache: new PersistedQueryCache(trustedDocuments, { redis }) },
      plugins: [
        ...operations.plugins,
        variableListSizes(clientRules),
        introspectionPolicy(config.introspection),
        fieldSuggestionsPolicy(config.fieldSuggestions),
        trustedDocumentsPolicy(trustedDocuments, config.trustedDocuments, config.trustedDocumentClients),
        publicErrorsPlugin(config.mode),
      ],
    },
    async admit(req, body, identify) {
      const admitted = await admitCaller(limiter, req, req.headers, Array.isArray(body) ? body.length : 1, identify);
      const refusal = requestWorkRefusal(config, admitted.caller, req, body);
      if (refusal) throw refusal;
      return admitted;
    },
    sockets: socketLimits(config, { limiter, validationRules: operations.validationRules, trustedDocuments }),
    formatError: (format) => publicErrorFormat(config.mode, format),
    publicErrors: (caller, errors) => publicErrors(config.mode, caller, errors),
  };
}
