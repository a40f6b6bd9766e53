import type { EventPayload, EventTopic } from '@ngo-hub/kit/common';
import type { Pool, PoolClient } from 'pg';

/** The hub's event log: every subgraph's outbox events, relayed in commit order, one id sequence. */
export const EVENT_LOG_SCHEMA = 'gateway';
/** Notified (with the newest id) when the relay appends events. */
export const EVENT_LOG_CHANNEL = 'ngo_hub_events';

export interface HubEventRow {
  /** Monotonically increasing across the hub (a bigint, as a decimal string). */
  id: string;
  source: string;
  topic: EventTopic;
  payload: EventPayload;
  occurredAt: Date;
}

const DDL = [
  `create schema if not exists ${EVENT_LOG_SCHEMA}`,
  `create table if not exists ${EVENT_LOG_SCHEMA}.event (
     id bigserial primary key,
     source text not null,
     source_id bigint not null,
     topic text not null,
     payload jsonb not null,
     occurred_at timestamptz not null,
     relayed_at timestamptz not null default now(),
     unique (source, source_id))`,
  // the relay's checkpoints when it read the outboxes below a horizon; the outboxes are queues now
  `drop table if exists ${EVENT_LOG_SCHEMA}.event_source`,
  // how far the log has been pruned: a resume after an id below this would miss events
  `create table if not exists ${EVENT_LOG_SCHEMA}.event_retention (
     singleton boolean primary key default true check (singleton),
     pruned_through bigint not null)`,
];

/** Creates the log's tables once, whichever gateway instance starts first. */
export async function ensureEventLog(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('ngo-hub:event-log-ddl'))`);
    for (const statement of DDL) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface Row {
  id: string;
  source: string;
  topic: EventTopic;
  payload: EventPayload;
  occurred_at: Date;
}

const toEvent = (row: Row): HubEventRow => ({ id: row.id, source: row.source, topic: row.topic, payload: row.payload, occurredAt: row.occurred_at });

/** Events after `afterId` (and at most `upToId`), oldest first. */
export async function readEvents(db: Pool | PoolClient, afterId: string, limit: number, upToId?: string): Promise<HubEventRow[]> {
  const { rows } = await db.query<Row>(
    // ordered by the bigint column (e.id), not by the text the select casts it to: "10" < "9"
    `select e.id::text, e.source, e.topic, e.payload, e.occurred_at from ${EVENT_LOG_SCHEMA}.event e
      where e.id > $1::bigint and ($2::bigint is null or e.id <= $2::bigint) order by e.id limit $3`,
    [afterId, upToId ?? null, limit],
  );
  return rows.map(toEvent);
}

export async function newestEventId(db: Pool | PoolClient): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from ${EVENT_LOG_SCHEMA}.event`);
  return rows[0]!.id;
}

/** The oldest id still kept; a resume from before it would have a gap. */
export async function oldestEventId(db: Pool | PoolClient): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string | null }>(`select min(id)::text as id from ${EVENT_LOG_SCHEMA}.event`);
  return rows[0]!.id ?? undefined;
}

/** The log's bounds: the newest id, and the id it has been pruned through (0 when nothing was). */
export async function eventLogBounds(db: Pool | PoolClient): Promise<{ newest: string; prunedThrough: string; oldest?: string }> {
  const { rows } = await db.query<{ newest: string; pruned_through: string; oldest: string | null }>(
    `select greatest(coalesce((select max(id) from ${EVENT_LOG_SCHEMA}.event), 0), r.pruned_through)::text as newest,
            r.pruned_through::text, (select min(id) from ${EVENT_LOG_SCHEMA}.event)::text as oldest
       from (select coalesce((select pruned_through from ${EVENT_LOG_SCHEMA}.event_retention), 0) as pruned_through) r`,
  );
  const row = rows[0]!;
  return { newest: row.newest, prunedThrough: row.pruned_through, oldest: row.oldest ?? undefined };
}

/**
 * Drops the events older than `age` — always a prefix of the log, so that every id after
 * `pruned_through` is still there — and records how far it pruned.
 */
export async function pruneEvents(db: Pool | PoolClient, age: string): Promise<void> {
  await db.query(
    `with cut as (select max(id) as id from ${EVENT_LOG_SCHEMA}.event where occurred_at < now() - $1::interval),
          gone as (delete from ${EVENT_LOG_SCHEMA}.event e using cut where e.id <= cut.id returning e.id)
     insert into ${EVENT_LOG_SCHEMA}.event_retention (pruned_through)
     select max(id) from gone having count(*) > 0
     on conflict (singleton) do update set pruned_through = greatest(${EVENT_LOG_SCHEMA}.event_retention.pruned_through, excluded.pruned_through)`,
    [age],
  );
}
