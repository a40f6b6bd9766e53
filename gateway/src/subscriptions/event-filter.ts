import { compareAmounts, type FilterRule, type FilterRules } from '@ngo-hub/kit/common';

type Match = Record<string, unknown>;

/** Ignoring case, not accents; one collator for all (localeCompare with options builds one per call). */
const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });

const same = (a: unknown, b: unknown): boolean => (typeof a === 'string' && typeof b === 'string' ? a === b || collator.compare(a, b) === 0 : a === b);

/** `minAmount: { amount, currency }` against the event's amount: same currency, at least as much (a plain number: at least it). */
function atLeast(wanted: unknown, actual: unknown): boolean {
  if (wanted && typeof wanted === 'object' && 'amount' in wanted) {
    const want = wanted as { amount: string; currency: string };
    const have = actual as { amount?: string; currency?: string } | undefined;
    return !!have?.amount && same(have.currency, want.currency) && compareAmounts(have.amount, want.amount) >= 0;
  }
  return actual != null && compareAmounts(String(actual), String(wanted)) >= 0;
}

/** Equal, or held in the event's list; a list in the filter is any of its values, an empty one no condition. */
function equalOrContained(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted)) return wanted.length === 0 || wanted.some((one) => one == null || equalOrContained(one, actual));
  if (Array.isArray(actual)) return actual.some((one) => same(one, wanted));
  return same(actual, wanted);
}

function passes(rule: FilterRule, wanted: unknown, topic: string, match: Match): boolean {
  switch (rule.compare) {
    case 'anyOfTopics':
      return (wanted as string[]).length === 0 || (wanted as string[]).includes(topic);
    case 'atLeast':
      return atLeast(wanted, match[rule.key]);
    case 'equal':
    case 'contains':
      return equalOrContained(wanted, match[rule.key]);
  }
}

/** Whether an event (its topic and `match`) passes a filter, decided by `compileFilter`. */
export type EventPredicate = (topic: string, match?: Match) => boolean;

/**
 * A filter's test, built once per subscription: every filter field given (not null) passes its
 * rule of the subscription's contract (`rules`, see the kit's topic-contract.ts) against the
 * event's topic and `match`. A field without a rule is no condition (a webhook's `funder` for a
 * job posting). Each event is offered to every subscriber, so the fields are sorted out here once.
 */
export function compileFilter(rules: FilterRules, filter: Record<string, unknown>): EventPredicate {
  const conditions: [FilterRule, unknown][] = [];
  for (const [field, wanted] of Object.entries(filter)) if (wanted != null && rules[field]) conditions.push([rules[field], wanted]);
  return (topic, match = {}) => {
    for (const [rule, wanted] of conditions) if (!passes(rule, wanted, topic, match)) return false;
    return true;
  };
}

/** Whether an event passes a filter (see `compileFilter`, for a filter tested against many events). */
export function matchesFilter(rules: FilterRules, filter: Record<string, unknown>, topic: string, match: Match = {}): boolean {
  return compileFilter(rules, filter)(topic, match);
}
