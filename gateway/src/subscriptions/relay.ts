import { OUTBOX_CHANNEL, type Logger } from '@ngo-hub/kit/common';
import type { Pool, PoolClient } from 'pg';
import { EVENT_LOG_CHANNEL, EVENT_LOG_SCHEMA, pruneEvents } from './event-log';
import { LeaderLoop } from '../shared-state/leader-loop';
import { eventsRelayed, relayLag, relayLeader } from './metrics';

export interface RelayOptions {
  /** The subgraphs' schemas, each with an `outbox_event` table. */
  sources: readonly string[];
  /** Poll this often even without a notification (a notification lost with a dropped connection). */
  pollMs?: number;
  /** Keep relayed outbox rows this long, and the hub log's events this long. */
  outboxRetentionMs?: number;
  logRetentionMs?: number;
}

const BATCH = 500;
const LEADER_LOCK = `hashtext('ngo-hub:event-relay')`;

interface OutboxRow {
  source: string;
  id: string;
  topic: string;
  payload: unknown;
  occurred_at: Date;
}

/**
 * The subgraphs' batches as one list in the order they were written: a merge by write time that
 * keeps each subgraph's own order. When a subgraph's batch was full, its next rows were not read,
 * so nothing written after its last row is taken yet (it waits for the next batch, behind them).
 */
export function mergeBatches(batches: OutboxRow[][], full: readonly boolean[]): OutboxRow[] {
  const cutoff = Math.min(...batches.flatMap((rows, i) => (full[i] && rows.length ? [rows.at(-1)!.occurred_at.getTime()] : [])));
  const heads = batches.map(() => 0);
  const merged: OutboxRow[] = [];
  for (;;) {
    let next = -1;
    batches.forEach((rows, i) => {
      const row = rows[heads[i]!];
      if (row && row.occurred_at.getTime() <= cutoff && (next < 0 || row.occurred_at < batches[next]![heads[next]!]!.occurred_at)) next = i;
    });
    if (next < 0) return merged;
    merged.push(batches[next]![heads[next]!++]!);
  }
}

/**
 * Moves the subgraphs' committed outbox rows into the hub event log, in write order, and notifies
 * the gateways' event streams. One gateway instance relays at a time (LeaderLoop); it also prunes
 * relayed outbox rows and log events past their retention.
 */
export class EventRelay {
  private readonly loop: LeaderLoop;
  private lastPrune = 0;
  private readonly migrated = new Set<string>();

  constructor(
    pool: Pool,
    log: Logger,
    private readonly options: RelayOptions,
  ) {
    this.loop = new LeaderLoop(pool, log, {
      name: 'event relay',
      leading: "this gateway relays the subgraphs' events",
      lock: LEADER_LOCK,
      channels: [OUTBOX_CHANNEL],
      pollMs: options.pollMs ?? 1000,
      gauge: relayLeader,
      work: async (client) => {
        let more = true;
        while (more && !this.loop.isStopped) more = await this.relayBatch(client);
        await this.prune(client);
      },
    });
  }

  get isLeader(): boolean {
    return this.loop.isLeader;
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  /** Relays now (called on a notification and on every poll). */
  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One batch across all sources in one transaction; true when a source had a full batch. Three
   * round trips whatever the number of sources (begin and the locked read; the writes; commit):
   * the relay shares its event loop with the sockets, and each round trip can wait behind a fan-out.
   */
  private async relayBatch(client: PoolClient): Promise<boolean> {
    const sources = await this.migratedSources(client);
    if (!sources.length) return false;
    const taken = sources.map(
      (source, i) =>
        `select * from (select ${i} as source_index, o.id, o.topic, o.payload, o.occurred_at from "${source}".outbox_event o
          where o.relayed_at is null order by o.id limit ${BATCH} for update) s${i}`,
    );
    try {
      // simple protocol, no parameters: both statements in one round trip (the sources are our own schema names)
      const [, read] = (await client.query(
        `begin; select t.source_index, t.id::text as id, t.topic, t.payload, t.occurred_at from (${taken.join(' union all ')}) t order by t.source_index, t.id`,
      )) as unknown as [unknown, { rows: (Omit<OutboxRow, 'source'> & { source_index: number })[] }];
      const batches: OutboxRow[][] = sources.map(() => []);
      for (const { source_index, ...row } of read.rows) batches[source_index]!.push({ ...row, source: sources[source_index]! });
      const full = batches.map((rows) => rows.length === BATCH);
      const rows = mergeBatches(batches, full);
      if (rows.length) {
        const marks = sources.map((source, i) => `marked${i} as (update "${source}".outbox_event set relayed_at = now() where id = any($${i + 7}::bigint[]))`);
        const { rows: inserted } = await client.query<{ source: string; count: number }>(
          // a row already in the log (relayed before the outbox was a queue) is skipped; the notification goes out at commit
          `with inserted as (
             insert into ${EVENT_LOG_SCHEMA}.event (source, source_id, topic, payload, occurred_at)
             select e.source, e.source_id, e.topic, e.payload, e.occurred_at
               from unnest($2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::timestamptz[]) with ordinality
                    as e(source, source_id, topic, payload, occurred_at, n)
              order by e.n
             on conflict (source, source_id) do nothing
             returning id, source),
           ${marks.join(',\n           ')},
           notified as (select pg_notify($1, max(id)::text) from inserted having count(*) > 0)
           select source, count(*)::int as count, (select count(*) from notified) as notified from inserted group by source`,
          [
            EVENT_LOG_CHANNEL,
            rows.map((r) => r.source),
            rows.map((r) => r.id),
            rows.map((r) => r.topic),
            rows.map((r) => JSON.stringify(r.payload)),
            rows.map((r) => r.occurred_at),
            ...sources.map((source) => rows.filter((row) => row.source === source).map((row) => row.id)),
          ],
        );
        const now = Date.now();
        for (const row of rows) relayLag.observe({ source: row.source }, (now - row.occurred_at.getTime()) / 1000);
        for (const { source, count } of inserted) eventsRelayed.inc({ source }, count);
      }
      await client.query('commit');
      return full.some(Boolean);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /**
   * The sources whose outbox exists (a subgraph not yet migrated is skipped, not an error). An
   * outbox once found stays: only the missing ones are looked up again, so a running hub asks once.
   */
  private async migratedSources(client: PoolClient): Promise<string[]> {
    const missing = this.options.sources.filter((source) => !this.migrated.has(source));
    if (missing.length) {
      const { rows } = await client.query<{ source: string }>(
        `select s as source from unnest($1::text[]) s where to_regclass(format('%I.outbox_event', s)) is not null`,
        [missing],
      );
      for (const row of rows) this.migrated.add(row.source);
    }
    return this.options.sources.filter((source) => this.migrated.has(source));
  }

  /** Drops relayed outbox rows and old log events, at most once a minute (or twice per retention period when shorter). */
  private async prune(client: PoolClient): Promise<void> {
    if (Date.now() - this.lastPrune < Math.min(60_000, (this.options.logRetentionMs ?? 60_000) / 2)) return;
    this.lastPrune = Date.now();
    const outboxAge = `${Math.round((this.options.outboxRetentionMs ?? 3_600_000) / 1000)} seconds`;
    for (const source of await this.migratedSources(client)) {
      await client.query(`delete from "${source}".outbox_event where relayed_at < now() - $1::interval`, [outboxAge]);
    }
    const logAge = `${Math.round((this.options.logRetentionMs ?? 7 * 86_400_000) / 1000)} seconds`;
    await pruneEvents(client, logAge);
  }
}
