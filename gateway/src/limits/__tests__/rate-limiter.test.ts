import { MemoryRateLimiter, RateLimitedError } from '../rate-limiter';

describe('MemoryRateLimiter (in-memory token bucket per caller)', () => {
  let now = 0;
  const limiter = (perSecond: number, burst: number) => new MemoryRateLimiter(perSecond, burst, () => now);
  beforeEach(() => {
    now = 10_000;
  });

  const refused = async (take: () => Promise<void>): Promise<RateLimitedError> => {
    try {
      await take();
    } catch (error) {
      if (error instanceof RateLimitedError) return error;
      throw error;
    }
    throw new Error('expected the call to be rate limited');
  };

  it('lets a caller spend its burst at once, then refuses with RATE_LIMITED, HTTP 429 and retry-after', async () => {
    const limits = limiter(2, 3);
    for (let i = 0; i < 3; i++) await limits.take('ip:1');
    const error = await refused(() => limits.take('ip:1'));
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1, http: { status: 429 } });
    expect((error.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('1');
  });

  it('refills at the configured rate per second, up to the burst', async () => {
    const limits = limiter(2, 3);
    for (let i = 0; i < 3; i++) await limits.take('ip:1');
    now += 500; // one token
    await limits.take('ip:1');
    await refused(() => limits.take('ip:1'));
    now += 60_000; // refilled, but never beyond the burst
    for (let i = 0; i < 3; i++) await limits.take('ip:1');
    await refused(() => limits.take('ip:1'));
  });

  it('keeps one bucket per caller', async () => {
    const limits = limiter(1, 1);
    await limits.take('key:a');
    await refused(() => limits.take('key:a'));
    await expect(limits.take('key:b')).resolves.toBeUndefined();
  });

  it('spends nothing on a refused batch, and lets a batch larger than the bucket through when the bucket is full', async () => {
    const limits = limiter(1, 4);
    await limits.take('ip:1', 10); // larger than the burst: takes the whole (full) bucket
    await refused(() => limits.take('ip:1'));
    now += 2000;
    const error = await refused(() => limits.take('ip:1', 3)); // two tokens: the batch of three is refused whole
    expect(error.extensions.retryAfter).toBe(1);
    await limits.take('ip:1', 2);
  });

  it('is off at 0 per second', async () => {
    const limits = limiter(0, 1);
    expect(limits.enabled).toBe(false);
    for (let i = 0; i < 100; i++) await limits.take('ip:1');
  });
});
