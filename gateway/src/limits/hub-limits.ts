import type { ApolloServerOptions } from '@apollo/server';
import type { Identity } from '@ngo-hub/kit';
import type { IncomingMessage } from 'node:http';
import { admitCaller } from './admission';
import type { Caller } from './caller';
import { fieldSuggestionsPolicy } from './field-suggestions';
import { introspectionPolicy } from './introspection-policy';
import type { LimitsConfig } from './limits-config';
import { operationLimits } from './operation-limits';
import { PersistedQueryCache } from './persisted-query-cache';
import { MemoryRateLimiter } from './rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';
import type { SharedRedis } from '../shared-state/redis-connection';
import { socketLimits, type SocketLimits } from './socket-limits';
import { TrustedDocuments, trustedDocumentsPolicy } from './trusted-documents';
import { variableListSizes } from './variable-list-sizes';

type LimitedApolloOptions = Pick<
  ApolloServerOptions<{ caller?: Caller; derived?: boolean }>,
  'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests' | 'persistedQueries' | 'plugins'
>;

export interface HubLimits {
  trustedDocuments: TrustedDocuments;
  /** Spread into ApolloServer's options. */
  apollo: LimitedApolloOptions & { plugins: NonNullable<LimitedApolloOptions['plugins']> };
  /**
   * Identifies the caller of an HTTP request with `identify` and spends one token of their rate
   * limit per operation in it; throws RateLimitedError (HTTP 429) when they have none left. A
   * failed authentication is counted against the caller's address, then rethrown.
   */
  admit(req: IncomingMessage, body: unknown, identify: () => Promise<Identity>): Promise<{ identity: Identity; caller: Caller }>;
  /** The same limits for graphql-ws: the connection, then each operation sent on it. */
  sockets: SocketLimits;
}

/**
 * Every limit the gateway puts on what callers send, from its configuration. With `redis`, the
 * rate limit and the persisted queries are shared by every gateway instance; else each keeps
 * its own in memory.
 */
export function hubLimits(config: LimitsConfig, redis?: SharedRedis): HubLimits {
  const trustedDocuments = TrustedDocuments.load(config.trustedDocumentsPath, config.trustedDocuments !== 'off');
  const operations = operationLimits(config);
  const limiter = redis
    ? new RedisRateLimiter(redis, config.rateLimitPerSecond, config.rateLimitBurst)
    : new MemoryRateLimiter(config.rateLimitPerSecond, config.rateLimitBurst);
  return {
    trustedDocuments,
    apollo: {
      validationRules: operations.validationRules,
      parseOptions: operations.parseOptions,
      allowBatchedHttpRequests: config.maxBatch > 1,
      persistedQueries: { cache: new PersistedQueryCache(trustedDocuments, { redis }) },
      plugins: [
        ...operations.plugins,
        variableListSizes(operations.validationRules),
        introspectionPolicy(config.introspection),
        fieldSuggestionsPolicy(config.fieldSuggestions),
        trustedDocumentsPolicy(trustedDocuments, config.trustedDocuments, config.trustedDocumentClients),
      ],
    },
    admit(req, body, identify) {
      return admitCaller(limiter, req, req.headers, Array.isArray(body) ? body.length : 1, identify);
    },
    sockets: socketLimits(config, { limiter, validationRules: operations.validationRules, trustedDocuments }),
  };
}
