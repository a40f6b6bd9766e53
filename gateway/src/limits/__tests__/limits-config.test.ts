import { ConfigError } from '@ngo-hub/kit/config';
import { checkSharedRateLimit, loadLimitsConfig } from '../limits-config';

describe('loadLimitsConfig', () => {
  it('is generous in development: no rate limit, introspection and suggestions for everyone, no trusted documents', () => {
    expect(loadLimitsConfig({})).toMatchObject({
      mode: 'development',
      maxDepth: 16,
      maxCost: 100_000,
      maxAliases: 50,
      maxDirectives: 30,
      maxTokens: 5000,
      maxBatch: 10,
      introspection: 'everyone',
      fieldSuggestions: 'everyone',
      rateLimitPerSecond: 0,
      trustedDocuments: 'off',
      trustedDocumentClients: ['ngo-hub-dashboard'],
      requestTimeoutMs: 30_000,
      maxSubscriptionsPerSocket: 100,
    });
  });

  it('closes what anonymous callers need not see in production (NODE_ENV=production or HUB_MODE=production)', () => {
    const expected = {
      mode: 'production',
      introspection: 'authenticated',
      fieldSuggestions: 'authenticated',
      rateLimitPerSecond: 20,
      rateLimitBurst: 100,
      trustedDocuments: 'flagged',
    };
    expect(loadLimitsConfig({ NODE_ENV: 'production' })).toMatchObject(expected);
    expect(loadLimitsConfig({ HUB_MODE: 'production' })).toMatchObject(expected);
  });

  it('lets HUB_MODE override NODE_ENV', () => {
    expect(loadLimitsConfig({ NODE_ENV: 'production', HUB_MODE: 'development' })).toMatchObject({
      mode: 'development',
      rateLimitPerSecond: 0,
      trustedDocuments: 'off',
    });
  });

  it('takes every limit from the environment, and an explicit setting over the mode default', () => {
    const config = loadLimitsConfig({
      HUB_MODE: 'production',
      MAX_DEPTH: '8',
      MAX_BATCH: '1',
      INTROSPECTION: 'nobody',
      RATE_LIMIT_PER_SECOND: '2.5',
      TRUSTED_DOCUMENTS: 'all',
      TRUSTED_DOCUMENT_CLIENTS: ' app , dashboard ,, ',
      MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    });
    expect(config).toMatchObject({
      maxDepth: 8,
      maxBatch: 1,
      introspection: 'nobody',
      rateLimitPerSecond: 2.5,
      trustedDocuments: 'all',
      trustedDocumentClients: ['app', 'dashboard'],
      maxSubscriptionsPerSocket: 3,
    });
  });

  it('gives a bucket of five seconds of rate unless RATE_LIMIT_BURST says otherwise, and never less than one', () => {
    expect(loadLimitsConfig({ RATE_LIMIT_PER_SECOND: '2.5' }).rateLimitBurst).toBe(13);
    expect(loadLimitsConfig({ RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '4' }).rateLimitBurst).toBe(4);
    expect(loadLimitsConfig({ RATE_LIMIT_PER_SECOND: '0' }).rateLimitBurst).toBe(1);
  });

  it('refuses a bad value with a ConfigError naming the variable and the value given', () => {
    const attempts: [Record<string, string>, string][] = [
      [{ MAX_DEPTH: '0' }, 'MAX_DEPTH="0"'],
      [{ MAX_DEPTH: 'deep' }, 'MAX_DEPTH="deep"'],
      [{ MAX_BATCH: '1001' }, 'MAX_BATCH="1001"'],
      [{ INTROSPECTION: 'admins' }, 'INTROSPECTION="admins"'],
      [{ RATE_LIMIT_PER_SECOND: '-1' }, 'RATE_LIMIT_PER_SECOND="-1"'],
      [{ TRUSTED_DOCUMENTS: 'some' }, 'TRUSTED_DOCUMENTS="some"'],
      [{ REQUEST_TIMEOUT_MS: '10' }, 'REQUEST_TIMEOUT_MS="10"'],
      [{ HUB_MODE: 'staging' }, 'HUB_MODE="staging"'],
    ];
    for (const [env, named] of attempts) {
      expect(() => loadLimitsConfig(env)).toThrow(ConfigError);
      expect(() => loadLimitsConfig(env)).toThrow(named);
    }
  });
});

describe('checkSharedRateLimit', () => {
  const REDIS = 'redis://127.0.0.1:6379';
  const check =
    (env: Record<string, string>, redisUrl: string | null = REDIS) =>
    () =>
      checkSharedRateLimit(loadLimitsConfig(env), redisUrl ?? undefined);

  it('refuses, with REDIS_URL, a burst below what the shared limit lets through at once, naming the variable and the least it can be', () => {
    expect(check({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '5' })).toThrow(ConfigError);
    expect(check({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '5' })).toThrow(/RATE_LIMIT_BURST=5: .*20 operations each second.*at least 20/);
    expect(check({ RATE_LIMIT_PER_SECOND: '2.5', RATE_LIMIT_BURST: '1' })).toThrow(/at least 2\b/);
  });

  it('accepts any burst without REDIS_URL (the in-memory token bucket keeps it), with the rate off, and every burst a window allows', () => {
    expect(check({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '5' }, null)).not.toThrow();
    expect(check({ RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_BURST: '1' })).not.toThrow();
    expect(check({ HUB_MODE: 'production' })).not.toThrow(); // 20 a second, a burst of 100
    expect(check({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '20' })).not.toThrow();
    expect(check({ RATE_LIMIT_PER_SECOND: '2.5' })).not.toThrow(); // a burst of 13
    // below 1 a second the window is longer and lets one operation through: any burst holds
    expect(check({ RATE_LIMIT_PER_SECOND: '0.05', RATE_LIMIT_BURST: '1' })).not.toThrow();
  });
});
