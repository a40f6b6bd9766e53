import { assertCurrency, minorUnits, UserInputError } from '@ngo-hub/kit';

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;
const units = new Map<string, number>();

/**
 * The kit's parseMoney rules (at most the currency's minor units, at most 18 digits) for an
 * import's hundred thousand amounts, except that 0 is an amount: 360Giving allows it
 * (underwriting, in-kind, a grant cancelled and republished). Negative amounts are refused. The
 * kit's minorUnits builds an Intl.NumberFormat on every call (about 25 µs), so here it is asked
 * once per currency.
 */
export function amountOf(amount: string, currencyText: string, field = 'amountAwarded'): { amount: string; currency: string } {
  const currency = assertCurrency(currencyText, 'currency');
  let digits = units.get(currency);
  if (digits === undefined) units.set(currency, (digits = minorUnits(currency)));
  const match = DECIMAL.exec(amount);
  if (!match) {
    if (amount.startsWith('-')) throw new UserInputError(`${field} must not be negative (got ${amount})`, field);
    throw new UserInputError(`${field} must be a decimal amount such as 1250.50 or 0 (got ${JSON.stringify(amount)})`, field);
  }
  const [, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new UserInputError(`${field}: ${currency} amounts have at most ${digits} digits after the point (got ${amount})`, field);
  }
  if (whole.length + digits > 18) throw new UserInputError(`${field} is too large (at most 16 digits before the point)`, field);
  return { amount: digits ? `${whole}.${significant.padEnd(digits, '0')}` : whole, currency };
}
