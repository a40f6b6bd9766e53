/**
 * How long the deliverer waits after each failed attempt before the next one: Standard Webhooks'
 * (Svix's) schedule, immediately then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over
 * 27 h 35 min, so an endpoint down for a day still receives everything.
 */
export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';
/** What the issue promises: retries for at least this long. */
export const MIN_PRODUCTION_RETRY_SPAN_MS = 24 * 3_600_000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5s,5m,2h` → delays in milliseconds; a bare number is milliseconds. Throws on anything else. */
export function parseRetrySchedule(text: string): number[] {
  const delays = text.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not a delay: write e.g. 5s, 5m, 2h or a number of milliseconds`);
    const delay = Number(match[1]) * UNITS[match[2] ?? 'ms']!;
    if (!Number.isFinite(delay) || delay > 7 * 24 * 3_600_000) throw new Error(`"${part.trim()}" is longer than a week`);
    return Math.round(delay);
  });
  if (!delays.length) throw new Error('the schedule needs at least one delay');
  return delays;
}

export const retrySpan = (delays: readonly number[]): number => delays.reduce((sum, delay) => sum + delay, 0);

/** When attempt `attempts + 1` is due after `attempts` failures; undefined once the schedule is exhausted. */
export function nextAttemptAt(delays: readonly number[], attempts: number, now = Date.now()): Date | undefined {
  const delay = delays[attempts - 1];
  return delay === undefined ? undefined : new Date(now + delay);
}
