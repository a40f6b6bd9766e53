import { assertCurrency, minorUnits, UserInputError } from '@ngo-hub/kit';

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;
const units = new Map<string, number>();

/**
 * The kit's parseMoney rules (positive, at most the currency's minor units, at most 18 digits)
 * for an import's hundred thousand amounts: the kit's minorUnits builds an Intl.NumberFormat on
 * every call (about 25 µs), so here it is asked once per currency.
 */
export function amountOf(amount: string, currencyText: string): { amount: string; currency: string } {
  const currency = assertCurrency(currencyText, 'currency');
  let digits = units.get(currency);
  if (digits === undefined) units.set(currency, (digits = minorUnits(currency)));
  const match = DECIMAL.exec(amount);
  if (!match) throw new UserInputError(`amountAwarded must be a positive decimal amount such as 1250.50 (got ${JSON.stringify(amount)})`, 'amountAwarded');
  const [, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new UserInputError(`${currency} amounts have at most ${digits} digits after the point (got ${amount})`, 'amountAwarded');
  }
  if (/^0*$/.test(whole + significant)) throw new UserInputError('amountAwarded must be greater than zero', 'amountAwarded');
  if (whole.length + digits > 18) throw new UserInputError('amountAwarded is too large (at most 16 digits before the point)', 'amountAwarded');
  return { amount: digits ? `${whole}.${significant.padEnd(digits, '0')}` : whole, currency };
}
