// What the visitor narrows the sector to: a city, a cause area and, for funding flows, a year.
// Kept in the URL's hash so a filtered view can be bookmarked and shared.

export interface Filters {
  city: string | null;
  cause: string | null;
  /** Only funding flows of grants awarded this year. */
  year: number | null;
}

export const NO_FILTERS: Filters = { city: null, cause: null, year: null };

export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const year = Number(params.get('year'));
  return {
    city: params.get('city') || null,
    cause: /^[A-Z_]+$/.test(params.get('cause') ?? '') ? params.get('cause') : null,
    year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : null,
  };
}

export function hashFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.city) params.set('city', filters.city);
  if (filters.cause) params.set('cause', filters.cause);
  if (filters.year) params.set('year', String(filters.year));
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Whether live activity about this city and these causes belongs in the filtered view. */
export function matchesFilters(filters: Filters, city: string | null | undefined, causes: readonly string[]): boolean {
  if (filters.city && city !== filters.city) return false;
  if (filters.cause && !causes.includes(filters.cause)) return false;
  return true;
}
