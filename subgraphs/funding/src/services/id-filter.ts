import { isUuid, UserInputError } from '@ngo-hub/kit';

/** An id a filter compares with a uuid column: anything else would be a database error, so say so. */
export function uuidFilter(id: string, field: string): string {
  if (!isUuid(id)) throw new UserInputError(`${field} must be an id (a UUID); got ${JSON.stringify(id)}`, field);
  return id;
}
