import { UserInputError } from '@ngo-hub/kit';

const MAX_LANGUAGES = 20;
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** One BCP 47 language tag, canonicalised (ZH-hant → zh-Hant); a tag no language name exists for is refused. */
export function languageTag(value: string, field: string): string {
  const text = value.trim();
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(text)[0];
  } catch {
    tag = undefined;
  }
  if (!tag || !LANGUAGE_NAMES.of(new Intl.Locale(tag).language)) {
    throw new UserInputError(`${field} must be BCP 47 language tags such as zh, en, yue or zh-Hant (got ${JSON.stringify(value)})`, field);
  }
  return tag;
}

/** Languages as canonical tags, each once. */
export function languagesOf(values: readonly string[] | null | undefined, field: string): string[] {
  const tags = [...new Set((values ?? []).map((value) => languageTag(value, field)))];
  if (tags.length > MAX_LANGUAGES) throw new UserInputError(`${field} may list at most ${MAX_LANGUAGES} languages (got ${tags.length})`, field);
  return tags;
}
