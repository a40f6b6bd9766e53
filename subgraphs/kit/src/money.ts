import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { UserInputError } from './errors';

export { compareAmounts } from './amounts';

/** An exact amount of one currency. The amount is a decimal string: never a float. */
@Directive('@shareable')
@ObjectType({ description: 'An exact amount of money in one currency. `amount` is a decimal string (e.g. "160000000.00"), never a float.' })
export class Money {
  @Field({ description: 'Decimal string with the currency\'s minor units, e.g. "1250.50".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. CNY, GBP, USD.' })
  currency: string;
}

@InputType({ description: 'An exact amount of money. `amount` is a decimal string such as "1250.50".' })
export class MoneyInput {
  @Field({ description: 'Decimal string, e.g. "1250.50"; at most the currency\'s minor units after the point.' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. CNY.' })
  currency: string;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

const MINOR_UNITS = new Map<string, number>();

/** Digits after the decimal point that a currency uses (CNY 2, JPY 0, KWD 3); cached, as Intl is slow to build. */
export function minorUnits(currency: string): number {
  let digits = MINOR_UNITS.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_UNITS.set(currency, digits);
  }
  return digits;
}

export function assertCurrency(currency: string, field: string): string {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code)) {
    throw new UserInputError(`${JSON.stringify(currency)} is not an ISO 4217 currency code (for example CNY, GBP, USD)`, field);
  }
  return code;
}

/**
 * Validates a money input and returns it normalised (currency upper-case, amount with the
 * currency's minor units). Amounts are handled as strings end to end; nothing is parsed to a float.
 */
export function parseMoney(input: MoneyInput, field: string, options: { allowNegative?: boolean; allowZero?: boolean } = {}): Money {
  const currency = assertCurrency(input.currency, `${field}.currency`);
  const amount = input.amount.trim();
  if (!DECIMAL.test(amount)) {
    throw new UserInputError(`${JSON.stringify(input.amount)} is not a decimal amount; write it like "1250.50"`, `${field}.amount`);
  }
  const negative = amount.startsWith('-');
  if (negative && !options.allowNegative) {
    throw new UserInputError(`amount must not be negative (got ${amount})`, `${field}.amount`);
  }
  const digits = minorUnits(currency);
  const fraction = amount.split('.')[1] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) {
    throw new UserInputError(`${currency} amounts have at most ${digits} digits after the point (got ${amount})`, `${field}.amount`);
  }
  const normalized = formatAmount(amount, currency);
  if (!options.allowZero && /^-?0(\.0*)?$/.test(normalized)) {
    throw new UserInputError('amount must be greater than zero', `${field}.amount`);
  }
  if (normalized.replace(/[-.]/g, '').length > 18) {
    throw new UserInputError('amount is too large (at most 16 digits before the point)', `${field}.amount`);
  }
  return { amount: normalized, currency };
}

/** Formats a decimal string (as Postgres `numeric` returns it) with the currency's minor units. */
export function formatAmount(amount: string, currency: string): string {
  const digits = minorUnits(currency);
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const extra = fraction.slice(digits);
  if (/[1-9]/.test(extra)) throw new Error(`amount ${amount} has more precision than ${currency} allows`);
  const body = digits > 0 ? `${whole}.${kept}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

export function money(amount: string, currency: string): Money {
  return Object.assign(new Money(), { amount: formatAmount(amount, currency), currency });
}
