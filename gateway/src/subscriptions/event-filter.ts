import { compareAmounts } from '@ngo-hub/kit';

type Match = Record<string, unknown>;

/** Ignoring case, not accents; one collator for all (localeCompare with options builds one per call). */
const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });

const same = (a: unknown, b: unknown): boolean => (typeof a === 'string' && typeof b === 'string' ? a === b || collator.compare(a, b) === 0 : a === b);

/** `minAmount: { amount, currency }` against the event's `amount`: same currency, at least as much. */
function atLeast(wanted: unknown, actual: unknown): boolean {
  if (wanted && typeof wanted === 'object' && 'amount' in wanted) {
    const want = wanted as { amount: string; currency: string };
    const have = actual as { amount?: string; currency?: string } | undefined;
    return !!have?.amount && same(have.currency, want.currency) && compareAmounts(have.amount, want.amount) >= 0;
  }
  return actual != null && compareAmounts(String(actual), String(wanted)) >= 0;
}

function matchesValue(key: string, wanted: unknown, match: Match): boolean {
  if (wanted == null) return true;
  if (key.startsWith('min') && key.length > 3) return atLeast(wanted, match[key[3]!.toLowerCase() + key.slice(4)]);
  if (Array.isArray(wanted)) return wanted.length === 0 || wanted.some((one) => matchesValue(key, one, match));
  const actual = match[key];
  if (Array.isArray(actual)) return actual.some((one) => same(one, wanted));
  return same(actual, wanted);
}

/**
 * Whether an event passes a subscription's filter. Each filter field names what the event's
 * `match` holds under the same key: equal (strings ignoring case), contained when the event has
 * a list, any-of when the filter gives a list, and `minX` compares with `x` (money: same currency).
 * `kinds` of sectorActivity is the event's topic.
 */
export function matchesFilter(filter: Record<string, unknown>, topic: string, match: Match = {}): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (key === 'kinds') return wanted == null || (wanted as string[]).length === 0 || (wanted as string[]).includes(topic);
    return matchesValue(key, wanted, match);
  });
}
