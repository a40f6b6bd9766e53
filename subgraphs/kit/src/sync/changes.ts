import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type ConnectionArgs, type Page, type PageOrder } from '../pagination';
import { ListOrder } from './list-order';
import { syncHorizon } from './sync-horizon';

/** What a list needs to serve incremental sync: the rows' `updatedAt`, kept by the database. */
export interface Changing {
  id: string;
  updatedAt: Date;
}

/** A list's sync arguments: `filter.updatedSince` and `orderBy`. */
export interface ChangeRequest {
  updatedSince?: Date | null;
  orderBy?: ListOrder | null;
}

/** Least recently changed first, ties by id: the order of `orderBy: UPDATED_AT`. */
export const BY_CHANGE = { by: 'updatedAt' } as const;

/**
 * One page of a top-level list that partners sync: `updatedSince` (inclusive) narrows it to rows
 * changed since then, `orderBy: UPDATED_AT` orders it by change. Either way the list stops at
 * the sync horizon, so following its cursors never skips a row committed late.
 */
export async function paginateChanges<T extends Changing>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: ConnectionArgs,
  order: PageOrder<T>,
  request: ChangeRequest,
): Promise<Page<T>> {
  const byChange = request.orderBy === ListOrder.UPDATED_AT;
  if (!byChange && !request.updatedSince) return paginate(em, entity, where, args, order);
  const conditions: FilterQuery<T>[] = [where, { updatedAt: { $lt: await syncHorizon(em) } } as unknown as FilterQuery<T>];
  if (request.updatedSince) conditions.push({ updatedAt: { $gte: request.updatedSince } } as unknown as FilterQuery<T>);
  return paginate(em, entity, { $and: conditions } as FilterQuery<T>, args, byChange ? (BY_CHANGE as PageOrder<T>) : order);
}

/** The description of every list filter's `updatedSince`. */
export const UPDATED_SINCE_DESCRIPTION =
  'Only records changed at or after this moment (inclusive; `updatedAt >= updatedSince`). To sync a mirror, prefer `orderBy: UPDATED_AT` and keep the last `endCursor`: it resumes exactly, even among rows changed in the same millisecond.';

/** The description of every synced list's `orderBy` argument. */
export const ORDER_BY_DESCRIPTION = "DEFAULT: the list's own order; UPDATED_AT: least recently changed first (ties by id), the order to sync in.";
