import { UserInputError } from './errors';

/** A required piece of text: trimmed, not empty, at most `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max = 300): string {
  const text = value?.trim() ?? '';
  if (!text) throw new UserInputError(`${field} must not be empty`, field);
  if (text.length > max) throw new UserInputError(`${field} must be at most ${max} characters (got ${text.length})`, field);
  return text;
}

/** Optional text: trimmed; empty becomes undefined. */
export function optionalText(value: string | null | undefined, field: string, max = 5000): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.length > max) throw new UserInputError(`${field} must be at most ${max} characters (got ${text.length})`, field);
  return text;
}

export function optionalUrl(value: string | null | undefined, field: string): string | undefined {
  const text = optionalText(value, field, 2000);
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new UserInputError(`${field} must be an http:// or https:// URL (got ${JSON.stringify(text)})`, field);
  }
  return url.toString();
}

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export function countryCode(value: string | null | undefined, field: string): string {
  const code = (value ?? 'CN').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !COUNTRY_NAMES.of(code)) {
    throw new UserInputError(`${field} must be an ISO 3166-1 alpha-2 country code such as CN or GB (got ${JSON.stringify(value)})`, field);
  }
  return code;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A date (YYYY-MM-DD, already checked by the Date scalar) that must not lie in the future. */
export function pastDate(value: string | null | undefined, field: string): string | undefined {
  if (!value) return undefined;
  if (value > today()) throw new UserInputError(`${field} must not be in the future (got ${value})`, field);
  return value;
}

/** Rejects a list that names the same value twice. */
export function distinct<T>(values: readonly T[] | null | undefined, field: string): T[] {
  const list = [...(values ?? [])];
  const seen = new Set<T>();
  for (const value of list) {
    if (seen.has(value)) throw new UserInputError(`${field} names ${String(value)} twice`, field);
    seen.add(value);
  }
  return list;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern finding the text anywhere; wildcards in it are plain text ("100%" finds "100%"). */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** An ILIKE pattern matching the whole text only (a case-insensitive equality, e.g. a city). */
export function exactLike(text: string): string {
  return escapeLike(text);
}
