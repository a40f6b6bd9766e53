import { UserInputError } from '@ngo-hub/kit';

/** A calendar year as the sector's records give it (four digits). */
export function assertYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new UserInputError(`${field} must be a year between 1900 and 2100 (got ${year})`, field);
  }
  return year;
}

/** The year as a half-open date range, so a filter on a date column can use its index. */
export function datesOfYear(year: number, field: string): { $gte: string; $lt: string } {
  assertYear(year, field);
  return { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` };
}
