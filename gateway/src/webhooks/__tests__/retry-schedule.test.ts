import { ConfigError } from '@ngo-hub/kit/common';
import { DEFAULT_RETRY_SCHEDULE, MIN_PRODUCTION_RETRY_SPAN_MS, nextAttemptAt, parseRetrySchedule, retrySpan } from '../retry-schedule';
import { loadWebhooksConfig } from '../webhooks-config';

describe('the webhook retry schedule', () => {
  it('retries for more than 24 hours by default: 8 attempts over 27 h 35 min', () => {
    const delays = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE);
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(retrySpan(delays)).toBeGreaterThanOrEqual(MIN_PRODUCTION_RETRY_SPAN_MS);
    expect(retrySpan(delays)).toBe(((27 * 60 + 35) * 60 + 5) * 1000);
  });

  it('gives the next attempt after each failure, and none once the schedule is exhausted', () => {
    const delays = parseRetrySchedule('200, 1s,2m');
    expect(delays).toEqual([200, 1000, 120_000]);
    expect(nextAttemptAt(delays, 1, 0)).toEqual(new Date(200));
    expect(nextAttemptAt(delays, 3, 0)).toEqual(new Date(120_000));
    expect(nextAttemptAt(delays, 4, 0)).toBeUndefined();
  });

  it('refuses a malformed schedule, and in production one shorter than 24 hours', () => {
    expect(() => parseRetrySchedule('5s,soon')).toThrow(/"soon" is not a delay/);
    expect(() => parseRetrySchedule('8d')).toThrow(/not a delay/);
    expect(() => loadWebhooksConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,later' })).toThrow(ConfigError);
    expect(loadWebhooksConfig({ WEBHOOK_RETRY_SCHEDULE: '100,100' }).retrySchedule).toEqual([100, 100]);
    expect(() => loadWebhooksConfig({ HUB_MODE: 'production', WEBHOOK_RETRY_SCHEDULE: '1h,1h' })).toThrow(/at least 24 hours/);
    expect(loadWebhooksConfig({ HUB_MODE: 'production' }).retrySchedule).toHaveLength(7);
  });
});
