import { decodeCursor, isUuid, UserInputError, type ConnectionArgs } from '@ngo-hub/kit';

/**
 * The kit's `paginate` trusts what a cursor decodes to; a well-formed cursor carrying a non-UUID id
 * or a value of the wrong kind would reach PostgreSQL as a type error (an internal error, not the
 * caller's BAD_USER_INPUT). Checked here before paginating.
 */
export function assertCursorFits(args: ConnectionArgs, valueFits: (value: unknown) => boolean): void {
  if (args.after === undefined || args.after === null) return;
  const { value, id } = decodeCursor(args.after);
  if (!isUuid(id) || !valueFits(value)) {
    throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  }
}

export const isText = (value: unknown) => typeof value === 'string';
export const isDateOrNull = (value: unknown) => value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
