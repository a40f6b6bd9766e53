/** Exact decimal amounts as strings, without the GraphQL types of `money.ts` (the gateway compares them in event filters). */

/** Compares two decimal strings exactly (-1, 0, 1); never through floats. */
export function compareAmounts(a: string, b: string): number {
  const scaled = (value: string, digits: number): bigint => {
    const negative = value.trim().startsWith('-');
    const [whole = '0', fraction = ''] = value.trim().replace(/^[-+]/, '').split('.');
    const units = BigInt(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
    return negative ? -units : units;
  };
  const digits = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const x = scaled(a, digits);
  const y = scaled(b, digits);
  return x === y ? 0 : x < y ? -1 : 1;
}
