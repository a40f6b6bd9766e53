import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The moment before which every change to this database is committed: the start of the oldest
 * transaction that has written something and is still running (or now, without one), cut to the
 * millisecond the timestamps keep. A change list stops there, so a row a slower transaction
 * commits later with an earlier `updatedAt` cannot land behind a cursor a client already holds.
 * Run before the list query, as a statement of its own: a transaction that writes after this
 * point stamps its rows later than it. Sessions of other database roles are visible only to a
 * role with pg_read_all_stats; the hub writes with one role.
 */
export async function syncHorizon(em: EntityManager): Promise<Date> {
  const [row] = await em.getConnection().execute<{ horizon: Date }[]>(
    `select date_trunc('milliseconds', least(clock_timestamp(), min(xact_start))) as horizon
       from pg_stat_activity
      where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`,
  );
  return row.horizon;
}
