import { compareAmounts, formatAmount, parseMoney } from '../src/money';

describe('money is exact decimal text, never a float', () => {
  it("normalises amounts to the currency's minor units", () => {
    expect(parseMoney({ amount: '1250.5', currency: 'cny' }, 'fee')).toEqual({ amount: '1250.50', currency: 'CNY' });
    expect(parseMoney({ amount: '160000000', currency: 'CNY' }, 'fee')).toEqual({ amount: '160000000.00', currency: 'CNY' });
    expect(parseMoney({ amount: '500', currency: 'JPY' }, 'fee')).toEqual({ amount: '500', currency: 'JPY' });
    expect(parseMoney({ amount: '1.125', currency: 'KWD' }, 'fee')).toEqual({ amount: '1.125', currency: 'KWD' });
  });

  it('keeps amounts far beyond float precision exact', () => {
    expect(parseMoney({ amount: '9007199254740993.01', currency: 'USD' }, 'fee').amount).toBe('9007199254740993.01');
    expect(formatAmount('0.1000', 'CNY')).toBe('0.10');
  });

  it.each([
    ['-5.00', 'must not be negative', 'fee.amount'],
    ['0', 'greater than zero', 'fee.amount'],
    ['12.345', 'at most 2 digits', 'fee.amount'],
    ['1e5', 'not a decimal amount', 'fee.amount'],
    ['abc', 'not a decimal amount', 'fee.amount'],
    ['01.5', 'not a decimal amount', 'fee.amount'],
  ])('refuses %s with a message naming the field', (amount, message, field) => {
    expect(() => parseMoney({ amount, currency: 'CNY' }, 'fee')).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });

  it('refuses a currency that ISO 4217 does not know', () => {
    expect(() => parseMoney({ amount: '1.00', currency: 'XYZ' }, 'fee')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'fee.currency' }) }),
    );
    expect(() => parseMoney({ amount: '1.00', currency: 'RMB' }, 'fee')).toThrow(/ISO 4217/);
  });

  it('allows zero and negative amounts only when asked', () => {
    expect(parseMoney({ amount: '0', currency: 'CNY' }, 'fee', { allowZero: true }).amount).toBe('0.00');
    expect(parseMoney({ amount: '-3.5', currency: 'CNY' }, 'fee', { allowNegative: true }).amount).toBe('-3.50');
  });
});

describe('compareAmounts', () => {
  it.each([
    ['1000', '999.99', 1],
    ['1000.00', '1000', 0],
    ['0.1', '0.10', 0],
    ['-5', '3', -1],
    ['9007199254740993.01', '9007199254740993.02', -1],
  ])('compares %s with %s exactly', (a, b, expected) => {
    expect(compareAmounts(a, b)).toBe(expected);
  });
});
