import { optionalText, UserInputError } from '@ngo-hub/kit';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s\-()]+$/;

/** An e-mail address: trimmed, one @, a domain with a dot. Empty becomes undefined. */
export function optionalEmail(value: string | null | undefined, field: string): string | undefined {
  const email = optionalText(value, field, 254);
  if (email !== undefined && !EMAIL.test(email)) {
    throw new UserInputError(`${field} must be an e-mail address such as name@example.org (got ${JSON.stringify(email)})`, field);
  }
  return email;
}

/** A phone number with 5 to 20 digits, as people write them: +86 28 1234 5678, (028) 1234-5678. */
export function optionalPhone(value: string | null | undefined, field: string): string | undefined {
  const phone = optionalText(value, field, 40);
  if (phone === undefined) return undefined;
  const digits = phone.replace(/\D/g, '').length;
  if (!PHONE.test(phone) || digits < 5 || digits > 20) {
    throw new UserInputError(`${field} must be 5 to 20 digits, optionally with +, spaces, dashes and parentheses (got ${JSON.stringify(phone)})`, field);
  }
  return phone;
}
