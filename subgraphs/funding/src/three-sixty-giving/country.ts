const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** English names (and common variants) of ISO 3166-1 countries → their alpha-2 code. */
const BY_NAME = new Map<string, string>();
/** Codes the runtime names that are not countries (European Union, United Nations, …) or only reserved (UK is GB). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'UK', 'QO', 'ZZ']);
for (let a = 65; a <= 90; a++) {
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    const name = REGIONS.of(code);
    if (name && name !== code && !NOT_COUNTRIES.has(code) && !BY_NAME.has(name.toLowerCase())) BY_NAME.set(name.toLowerCase(), code);
  }
}
for (const [name, code] of Object.entries({
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'england and wales': 'GB',
  usa: 'US',
  'united states of america': 'US',
  'republic of ireland': 'IE',
  eire: 'IE',
  "people's republic of china": 'CN',
  prc: 'CN',
  中国: 'CN',
})) {
  BY_NAME.set(name, code);
}

/** Whether a two-letter code is an ISO 3166-1 country the runtime knows (not XI, XM, …). */
const KNOWN = new Map<string, boolean>();

export function isCountryCode(code: string): boolean {
  let known = KNOWN.get(code);
  if (known === undefined) KNOWN.set(code, (known = isCountry(code)));
  return known;
}

function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !code.startsWith('X') && !NOT_COUNTRIES.has(code) && Boolean(REGIONS.of(code)) && REGIONS.of(code) !== code;
}

/**
 * The ISO 3166-1 alpha-2 code of a country as a 360Giving file writes it (`addressCountry` is
 * free text: "United Kingdom", "Israel", "GB"); undefined when it names no country.
 */
export function countryCodeOf(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (/^[A-Za-z]{2}$/.test(value) && isCountryCode(value.toUpperCase())) return value.toUpperCase();
  return BY_NAME.get(value.toLowerCase().replace(/\s+/g, ' '));
}
