import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Raised when a caller has spent their tokens; answered as HTTP 429 with `retry-after`. */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number, perSecond: number, burst: number) {
    super(`Too many requests: at most ${burst} operations at once and ${perSecond} a second after that; retry in ${retryAfterSeconds} s.`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** A budget of operations per caller key (API key, person or IP address). */
export interface RateLimiter {
  readonly enabled: boolean;
  /**
   * Spends `cost` tokens of `key`'s budget, or rejects with RateLimitedError. The budget is
   * taken when the call is made (before it settles), so operations are counted in the order sent.
   */
  take(key: string, cost?: number): Promise<void>;
}

/** RATE_LIMIT_PER_SECOND=0: rate limiting is off, so there is no budget to keep, in memory or in Redis. */
export const NO_RATE_LIMIT: RateLimiter = { enabled: false, take: () => Promise.resolve() };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per caller key, held in this process's memory (no REDIS_URL): with several
 * gateway instances each counts on its own, so a caller may reach N times the rate. The least
 * recently seen callers are forgotten first when the table is full.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    maxCallers = 100_000,
  ) {
    this.buckets = new LRUCache({ max: maxCallers });
  }

  get enabled(): boolean {
    return this.perSecond > 0;
  }

  take(key: string, cost = 1): Promise<void> {
    try {
      this.takeNow(key, cost);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private takeNow(key: string, cost: number): void {
    if (!this.enabled) return;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    const needed = Math.min(cost, this.burst); // a batch larger than the bucket still passes when it is full
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return;
    }
    const missing = needed - bucket.tokens;
    throw new RateLimitedError(Math.max(1, Math.ceil(missing / this.perSecond)), this.perSecond, this.burst);
  }
}
