// Numbers, money and dates in the visitor's language. Money arrives as an exact decimal string
// per currency; sums stay per currency and exact (in minor units), nothing is converted.

import type { Language } from './i18n';
import type { Money } from './queries';

function locale(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en-GB';
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A decimal string as money of its currency, e.g. CN¥1,500,000 or ¥1,500,000.00. */
export function formatMoney(language: Language, money: Money, compact = false): string {
  const amount = Number(money.amount);
  try {
    return new Intl.NumberFormat(locale(language), {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: 'narrowSymbol',
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : undefined,
    }).format(amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

function minorUnits(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  const negative = whole.startsWith('-');
  const units = BigInt(whole.replace('-', '') || '0') * 10_000n + BigInt((fraction + '0000').slice(0, 4));
  return negative ? -units : units;
}

function fromMinorUnits(units: bigint): string {
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  const fraction = (absolute % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${absolute / 10_000n}${fraction ? `.${fraction}` : ''}`;
}

/** Exact sums per currency, the largest first. */
export function sumByCurrency(amounts: Iterable<Money>): Money[] {
  const sums = new Map<string, bigint>();
  for (const money of amounts) sums.set(money.currency, (sums.get(money.currency) ?? 0n) + minorUnits(money.amount));
  return [...sums.entries()]
    .sort((a, b) => (a[1] === b[1] ? 0 : a[1] > b[1] ? -1 : 1))
    .map(([currency, units]) => ({ currency, amount: fromMinorUnits(units) }));
}

export function formatDate(language: Language, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(locale(language), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatTime(language: Language, isoDateTime: string): string {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(isoDateTime));
}
