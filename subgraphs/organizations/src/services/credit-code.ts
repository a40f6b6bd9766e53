/**
 * The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V); the last one is a check
 * character computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is invalid, in words a person understands; undefined when it is valid. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `credit code must be 18 characters (got ${code.length})`;
  const bad = [...code].find((char) => !ALPHABET.includes(char));
  if (bad !== undefined) {
    return `credit code may only contain digits and the capital letters ${ALPHABET.slice(10)} (found ${JSON.stringify(bad)})`;
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return `credit code check character is wrong: for ${code.slice(0, 17)} it should be ${expected}, not ${code[17]}`;
  }
  return undefined;
}

/** The org-id.guide identifier of a Chinese organization with a credit code. */
export function orgIdOf(creditCode: string): string {
  return `CN-USCI-${creditCode}`;
}
