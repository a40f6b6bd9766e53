import { decodeCursor, isUuid, UserInputError, type ConnectionArgs } from '@ngo-hub/kit';

/**
 * Refuses a cursor of a grant list whose award date is not a date. The kit's cursor check does
 * not recognise MikroORM's `DateType` (what `type: 'date'` becomes after discovery) and lets any
 * string through, so "abc" would surface as a database error and "yesterday" would be read by
 * Postgres as a relative date.
 */
export function assertGrantCursor(args: ConnectionArgs): void {
  if (args.after === undefined || args.after === null) return;
  const { value, id } = decodeCursor(args.after);
  if (!isUuid(id) || typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  }
}
