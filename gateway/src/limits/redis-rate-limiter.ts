import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SharedRedis } from '../shared-state/redis-connection';
import { sharedWindowAllowance } from './limits-config';
import { RateLimitedError, type RateLimiter } from './rate-limiter';

/** How long the burst allowance (RATE_LIMIT_BURST beyond the per-second rate) takes to come back. */
const BURST_WINDOW_SECONDS = 60;

/**
 * The rate limit shared by every gateway instance through Redis (REDIS_URL), with
 * rate-limiter-flexible: RATE_LIMIT_PER_SECOND operations each second, and when those are
 * spent, a burst allowance of RATE_LIMIT_BURST − rate more that refills once a minute. So a
 * quiet caller may send RATE_LIMIT_BURST at once, as with the in-memory token bucket, and N
 * instances allow the rate once, not N times. While Redis cannot be reached, each instance
 * counts in its own memory (rate-limiter-flexible's insurance limiter) rather than refuse or
 * wait.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterAbstract | BurstyRateLimiter;

  constructor(
    redis: SharedRedis,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    // off (0) has no window to count in: hubLimits uses NO_RATE_LIMIT then
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new Error(`RedisRateLimiter needs a rate above 0 a second, got ${perSecond}`);
    // a rate below 1 a second counts whole operations over a longer window; the gateway's
    // configuration refuses a burst below one window's allowance (checkSharedRateLimit)
    const { windowSeconds: window, operations } = sharedWindowAllowance(perSecond);
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis.client,
        useRedisPackage: true,
        keyPrefix: `${redis.keyPrefix}${keyPrefix}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
      });
    const steady = limiter('rate', operations, window);
    const extra = burst - operations;
    this.limiter = extra > 0 ? new BurstyRateLimiter(steady, limiter('burst', extra, Math.max(BURST_WINDOW_SECONDS, Math.ceil(burst / perSecond)))) : steady;
  }

  readonly enabled = true;

  async take(key: string, cost = 1): Promise<void> {
    try {
      await this.limiter.consume(key, Math.min(cost, this.burst));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), this.perSecond, this.burst);
      }
      throw rejection;
    }
  }
}
