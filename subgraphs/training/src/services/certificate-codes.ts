import { UserInputError } from '@ngo-hub/kit';
import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CERTIFICATE_CODE_LENGTH = 12;

/** 12 random characters: 60 bits, too many to guess one among the certificates ever issued. */
export function newCertificateCode(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  return [...randomBytes(CERTIFICATE_CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
}

/** As printed: three groups of four, e.g. "7K2M-QX9P-4DRT". */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * A code as a person types it: any case, with or without hyphens and spaces; O is read as 0
 * and I or L as 1, as Crockford's base32 prescribes.
 */
export function parseCertificateCode(input: string, field: string): string {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CERTIFICATE_CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) {
    throw new UserInputError(
      `${field} must be ${CERTIFICATE_CODE_LENGTH} letters and digits as printed on the certificate, e.g. "7K2M-QX9P-4DRT" (got ${JSON.stringify(input)})`,
      field,
    );
  }
  return code;
}
