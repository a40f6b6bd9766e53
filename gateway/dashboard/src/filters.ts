// What the visitor narrows the sector to: a city, a cause area, for funding flows a year, and
// whether records the seed invented (illustrative ones) are left out.
// Kept in the URL's hash so a filtered view can be bookmarked and shared.

export interface Filters {
  city: string | null;
  cause: string | null;
  /** Only funding flows of grants awarded this year. */
  year: number | null;
  /** Only records from a source: leaves out the illustrative ones (`filter: { illustrative: false }`). */
  sourcedOnly: boolean;
}

export const NO_FILTERS: Filters = { city: null, cause: null, year: null, sourcedOnly: false };

export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const year = Number(params.get('year'));
  return {
    city: params.get('city') || null,
    cause: /^[A-Z_]+$/.test(params.get('cause') ?? '') ? params.get('cause') : null,
    year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : null,
    sourcedOnly: params.get('sourced') === '1',
  };
}

export function hashFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.city) params.set('city', filters.city);
  if (filters.cause) params.set('cause', filters.cause);
  if (filters.year) params.set('year', String(filters.year));
  if (filters.sourcedOnly) params.set('sourced', '1');
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Whether live activity about this city and these causes belongs in the filtered view. */
export function matchesFilters(filters: Filters, city: string | null | undefined, causes: readonly string[]): boolean {
  if (filters.city && city !== filters.city) return false;
  if (filters.cause && !causes.includes(filters.cause)) return false;
  return true;
}
