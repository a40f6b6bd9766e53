import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { sharedCacheMayKeep, type Logger } from '@ngo-hub/kit/common';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context';
import type { SharedRedis } from './shared-state/redis-connection';

/** An answer as the cache keeps it: the data, when it was computed, for how long, and in which epoch. */
export interface StoredAnswer {
  /** The store's epoch when the computation started: an answer of an earlier epoch is stale. */
  epoch: string;
  /** Milliseconds since 1970 when it was stored. */
  storedAt: number;
  /** Its cache policy's max-age, in seconds: the least of the hints of what it selected. */
  maxAge: number;
  /** The answer's `data`, as JSON. */
  data: string;
}

/**
 * Where cached answers live: this gateway's memory, or Redis shared by every instance. The epoch
 * moves on every mutation a gateway forwards (in Redis, for every instance at once), so an answer
 * stored before it is not served after it, whichever instance stored it.
 */
export interface AnswerStore {
  /** The current epoch and the answer under `key` if it was stored in that epoch; undefined while the store cannot be reached. */
  read(key: string): Promise<{ epoch: string; answer?: StoredAnswer } | undefined>;
  write(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** A change is under way or done: every answer stored so far is stale. */
  advance(): Promise<void>;
}

export function memoryAnswers(maxBytes = 64 * 1024 * 1024): AnswerStore {
  const cache = new LRUCache<string, StoredAnswer>({ maxSize: maxBytes, sizeCalculation: (answer) => answer.data.length || 1, ttlAutopurge: false });
  let epoch = 0;
  return {
    async read(key) {
      const answer = cache.get(key);
      return { epoch: String(epoch), answer: answer?.epoch === String(epoch) ? answer : undefined };
    },
    async write(key, answer, ttlMs) {
      cache.set(key, answer, { ttl: ttlMs });
    },
    async advance() {
      epoch++;
    },
  };
}

/**
 * Answers in Redis, shared by every gateway instance on it, with the epoch beside them: one
 * round trip (MGET) reads both. A Redis that is down is a miss, never a failed request.
 */
export function redisAnswers(redis: SharedRedis, log: Logger): AnswerStore {
  const prefix = `${redis.keyPrefix}answer:`;
  const epochKey = `${redis.keyPrefix}answer-epoch`;
  return {
    async read(key) {
      try {
        const [epoch, stored] = await redis.client.mGet([epochKey, prefix + key]);
        const current = epoch ?? '0';
        const answer = stored ? (JSON.parse(stored) as StoredAnswer) : undefined;
        return { epoch: current, answer: answer?.epoch === current ? answer : undefined };
      } catch (error) {
        log.warn({ err: error }, 'response cache: Redis read failed, answering without the cache');
        return undefined;
      }
    },
    async write(key, answer, ttlMs) {
      try {
        await redis.client.set(prefix + key, JSON.stringify(answer), { PX: ttlMs });
      } catch (error) {
        log.warn({ err: error }, 'response cache: Redis write failed');
      }
    },
    async advance() {
      try {
        await redis.client.incr(epochKey);
      } catch (error) {
        // the other instances hear of the change by its event instead, a moment later
        log.warn({ err: error }, 'response cache: Redis epoch not advanced');
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
  return !context.derived && sharedCacheMayKeep(context.identity);
}

const HEADER = 'x-response-cache';
const MAX_AGE_HEADER = 'x-response-cache-max-age';

/**
 * A response cache for public data. The subgraphs say what may be shared (`Cache-Control` from
 * their `@cacheControl` hints: a max-age, and `private` as soon as a resolver read the caller, see
 * the kit's cache-hints.ts and cache-scope.ts); Apollo's gateway folds those into each answer's
 * cache policy, the least max-age of what it selected. Only answers that are PUBLIC, error-free
 * queries of anonymous or API-key callers are kept, for that max-age, under a key of the
 * operation, its variables, the supergraph and the id of the last event of the hub's event log (the
 * same events live updates deliver, so every instance agrees on it); the store's epoch, which every
 * mutation a gateway forwards moves (in Redis, for all instances), is kept with the answer. A change
 * moves one or the other, so the next read misses; an answer computed while it moved is stored
 * under the old one and never read. Without an event log the cache is off: nothing would tell it of changes.
 */
export class ResponseCache {
  private position: string | undefined;
  private schema = '';
  private unsubscribe?: () => void;

  constructor(private readonly store: AnswerStore) {}

  /** Starts caching, invalidated by every event of `events` from now on. */
  follow(events: EventSource): void {
    const { position, unsubscribe } = events.subscribe((event) => (this.position = event.id), { internal: true });
    this.position = position;
    this.unsubscribe = unsubscribe;
  }

  /** A supergraph was loaded: answers computed under another one are not reused (instances serving the same one share theirs). */
  schemaChanged(supergraphSdl: string): void {
    this.schema = createHash('sha256').update(supergraphSdl).digest('base64url').slice(0, 16);
  }

  stop(): void {
    this.unsubscribe?.();
    this.position = undefined;
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let key: string | undefined;
        let epoch: string | undefined;
        let hit = false;
        let mutation = false;
        return {
          responseForOperation: async ({ contextValue, operation, queryHash, request }) => {
            // a mutation moves the epoch when it starts and again when it is answered: a read that
            // ran while it did is stored in an epoch nobody reads after it
            mutation = operation.operation === 'mutation';
            if (mutation) await this.store.advance();
            const position = this.position;
            if (operation.operation !== 'query' || position === undefined || !cacheable(contextValue)) return null;
            const candidate = createHash('sha256')
              .update(JSON.stringify([position, this.schema, queryHash, request.operationName ?? null, request.variables ?? {}]))
              .digest('base64url');
            const read = await this.store.read(candidate);
            if (!read) return null;
            key = candidate;
            epoch = read.epoch;
            if (!read.answer) return null;
            hit = true;
            const { storedAt, maxAge, data } = read.answer;
            return {
              http: {
                status: undefined,
                headers: new HeaderMap([
                  [HEADER, 'HIT'],
                  [MAX_AGE_HEADER, String(maxAge)],
                  ['age', String(Math.max(0, Math.floor((Date.now() - storedAt) / 1000)))],
                ]),
              },
              body: { kind: 'single', singleResult: { data: JSON.parse(data) as Record<string, unknown> } },
            };
          },
          willSendResponse: async ({ response, overallCachePolicy, contextValue }) => {
            if (mutation) await this.store.advance();
            if (key === undefined || epoch === undefined || hit) return;
            response.http.headers.set(HEADER, 'MISS');
            const policy = overallCachePolicy.policyIfCacheable();
            const body = response.body;
            if (!policy || policy.scope !== 'PUBLIC' || body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
            if (!cacheable(contextValue)) return;
            response.http.headers.set(MAX_AGE_HEADER, String(policy.maxAge));
            const answer: StoredAnswer = { epoch, storedAt: Date.now(), maxAge: policy.maxAge, data: JSON.stringify(body.singleResult.data) };
            await this.store.write(key, answer, policy.maxAge * 1000);
          },
        };
      },
    };
  }
}
