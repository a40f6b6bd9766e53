import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Logger } from '@ngo-hub/kit';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context';
import type { SharedRedis } from './shared-state/redis-connection';

/** Where cached answers live: this gateway's memory, or Redis shared by every instance. */
export interface AnswerStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

export function memoryAnswers(maxBytes = 64 * 1024 * 1024): AnswerStore {
  const cache = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (value) => value.length || 1, ttlAutopurge: false });
  return {
    async get(key) {
      return cache.get(key);
    },
    async set(key, value, ttlMs) {
      cache.set(key, value, { ttl: ttlMs });
    },
  };
}

/** Answers in Redis; a Redis that is down is a miss, never a failed request. */
export function redisAnswers(redis: SharedRedis, log: Logger): AnswerStore {
  const prefix = `${redis.keyPrefix}answer:`;
  return {
    async get(key) {
      try {
        return (await redis.client.get(prefix + key)) ?? undefined;
      } catch (error) {
        log.warn({ err: error }, 'response cache: Redis read failed, answering without the cache');
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        await redis.client.set(prefix + key, value, { PX: ttlMs });
      } catch (error) {
        log.warn({ err: error }, 'response cache: Redis write failed');
      }
    },
  };
}

/** The hub's event log as the cache follows it (gateway/src/subscriptions' EventStream, read only). */
export interface EventSource {
  subscribe(listener: (event: { id: string }) => void, options: { internal?: boolean }): { position: string; unsubscribe: () => void };
}

/** Anonymous callers and partners' API keys read the public directory; people and hub admins are not cached. */
function cacheable(context: GatewayContext): boolean {
  const identity = context.identity;
  if (context.derived) return false;
  if (identity.kind === 'anonymous') return true;
  return identity.kind === 'caller' && identity.apiKeyId !== null && !identity.admin && identity.personId === null;
}

const HEADER = 'x-response-cache';

/**
 * A response cache for public data. The subgraphs say what may be shared (`Cache-Control` from
 * their cache hints: a max-age, and `private` as soon as a resolver read the caller, see the kit's
 * cache-scope.ts); Apollo's gateway folds those into each answer's cache policy. Only answers that
 * are PUBLIC, error-free queries of anonymous or API-key callers are kept, under a key of the
 * operation, its variables and the hub's generation: the id of the last event of the hub's event
 * log (the same events live updates deliver), the mutations this gateway forwarded and the
 * supergraphs it loaded. A change
 * moves the generation, so the next read misses; an answer computed while it moved is stored under
 * the old one and never read. Without an event log the cache is off: nothing would tell it of changes.
 */
export class ResponseCache {
  private position: string | undefined;
  private mutations = 0;
  private schemas = 0;
  private unsubscribe?: () => void;

  constructor(private readonly store: AnswerStore) {}

  /** Starts caching, invalidated by every event of `events` from now on. */
  follow(events: EventSource): void {
    const { position, unsubscribe } = events.subscribe((event) => (this.position = event.id), { internal: true });
    this.position = position;
    this.unsubscribe = unsubscribe;
  }

  /** A new supergraph was loaded: answers computed under the previous one are not reused. */
  schemaChanged(): void {
    this.schemas++;
  }

  stop(): void {
    this.unsubscribe?.();
    this.position = undefined;
  }

  private generation(): string | undefined {
    return this.position === undefined ? undefined : `${this.position}.${this.mutations}.${this.schemas}`;
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let key: string | undefined;
        let hit = false;
        let mutation = false;
        return {
          responseForOperation: async ({ contextValue, operation, queryHash, request }) => {
            // a mutation moves the generation when it starts and again when it is answered: a read
            // that ran while it did is stored under a generation nobody asks for after it
            mutation = operation.operation === 'mutation';
            if (mutation) this.mutations++;
            const generation = this.generation();
            if (operation.operation !== 'query' || generation === undefined || !cacheable(contextValue)) return null;
            key = createHash('sha256')
              .update(JSON.stringify([generation, queryHash, request.operationName ?? null, request.variables ?? {}]))
              .digest('base64url');
            const cached = await this.store.get(key);
            if (cached === undefined) return null;
            hit = true;
            return {
              http: { status: undefined, headers: new HeaderMap([[HEADER, 'HIT']]) },
              body: { kind: 'single', singleResult: { data: JSON.parse(cached) as Record<string, unknown> } },
            };
          },
          willSendResponse: async ({ response, overallCachePolicy, contextValue }) => {
            if (mutation) this.mutations++;
            if (key === undefined || hit) return;
            response.http.headers.set(HEADER, 'MISS');
            const policy = overallCachePolicy.policyIfCacheable();
            const body = response.body;
            if (!policy || policy.scope !== 'PUBLIC' || body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
            if (!cacheable(contextValue)) return;
            await this.store.set(key, JSON.stringify(body.singleResult.data), policy.maxAge * 1000);
          },
        };
      },
    };
  }
}
