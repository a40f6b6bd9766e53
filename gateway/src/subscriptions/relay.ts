import { OUTBOX_CHANNEL, type Logger } from '@ngo-hub/kit';
import type { Pool, PoolClient } from 'pg';
import { EVENT_LOG_CHANNEL, EVENT_LOG_SCHEMA, pruneEvents } from './event-log';
import { eventsRelayed, relayLag, relayLeader } from './metrics';

export interface RelayOptions {
  /** The subgraphs' schemas, each with an `outbox_event` table. */
  sources: readonly string[];
  /** Poll this often even without a notification (a transaction still running holds events back). */
  pollMs?: number;
  /** Keep relayed outbox rows this long, and the hub log's events this long. */
  outboxRetentionMs?: number;
  logRetentionMs?: number;
}

const BATCH = 500;

/** The relay's horizon (see EventRelay.horizon); exported for bench/subscriptions/horizon.js, which checks it. */
export const HORIZON_SQL = `with s as (select pg_current_snapshot() as snap),
      elsewhere as (
        select l.transactionid::text as xid from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'transactionid' and l.mode = 'ExclusiveLock' and l.granted and a.datname is distinct from current_database())
 select least(pg_snapshot_xmax(s.snap),
              -- a lock names a 32-bit xid: the snapshot's xid8 modulo 2^32
              (select min(x) from pg_snapshot_xip(s.snap) x where (x::text::numeric % 4294967296)::text not in (select xid from elsewhere)))::text as horizon
   from s`;
const LEADER_LOCK = `hashtext('ngo-hub:event-relay')`;

/**
 * Copies committed outbox events of every subgraph into the hub's event log, in commit order.
 * One gateway instance relays at a time (it holds a session advisory lock; another takes over
 * within a poll when it dies). An outbox row is taken only once its transaction is older than
 * every transaction still running in this database (`horizon`), and rows are taken in (txid, id)
 * order: an event can never commit behind one already relayed, so the log has no gaps. A
 * transaction in another database of the same server does not hold events back.
 */
export class EventRelay {
  private client?: PoolClient;
  private leader = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  async start(): Promise<void> {
    await this.tick();
  }

  /** Relays now (called on a notification and on every poll). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (!this.leader) await this.tryLead();
      if (this.leader) {
        let more = true;
        while (more && !this.stopped) more = await this.relayBatch();
        await this.prune();
      }
    } catch (error) {
      this.log.error({ err: error }, 'event relay failed; retrying');
      await this.resign();
    } finally {
      this.schedule();
    }
  }

  private async tryLead(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${LEADER_LOCK}) as locked`);
      if (!rows[0]!.locked) {
        client.release();
        return;
      }
      client.on('notification', (message) => {
        if (message.channel === OUTBOX_CHANNEL) this.wake();
      });
      client.on('error', (error) => {
        this.log.warn({ err: error }, 'event relay connection lost');
        void this.resign();
      });
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      this.client = client;
      this.leader = true;
      relayLeader.set(1);
      this.log.info("this gateway relays the subgraphs' events");
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  private async resign(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    relayLeader.set(0);
    if (client) {
      // the lock is the session's: ending the connection releases it
      client.release(new Error('event relay resigned'));
    }
  }

  /**
   * The txid below which every transaction that can write this database's outboxes has ended:
   * the oldest transaction running in a fresh snapshot, not counting those running in another
   * database of the server (they cannot write here). A running transaction's database is known
   * from the lock it holds on its own id (pg_locks, joined to its session); one whose database
   * cannot be told (just starting, prepared) counts, so the horizon errs towards waiting. The
   * snapshot's running list, not pg_stat_activity's backend_xid, is the source of truth: the
   * latter misses transactions (bench/subscriptions/horizon.js lost 12% of rows with it, 0 with this).
   */
  private async horizon(client: PoolClient): Promise<string> {
    const { rows } = await client.query<{ horizon: string }>(HORIZON_SQL);
    return rows[0]!.horizon;
  }

  /** One batch across all sources in one transaction; true when a source had a full batch. */
  private async relayBatch(): Promise<boolean> {
    const client = this.client!;
    let full = false;
    const horizon = await this.horizon(client);
    await client.query('begin');
    try {
      let newest: string | undefined;
      for (const source of await this.migratedSources(client)) {
        const { rows: checkpoints } = await client.query<{ last_txid: string; last_id: string }>(
          `select last_txid::text, last_id::text from ${EVENT_LOG_SCHEMA}.event_source where source = $1`,
          [source],
        );
        const from = checkpoints[0] ?? { last_txid: '0', last_id: '0' };
        const { rows } = await client.query<{ id: string; txid: string; topic: string; payload: unknown; occurred_at: Date }>(
          // ordered by the xid8 and bigint columns (o.txid, o.id), not by the text the select casts them to
          `select o.id::text, o.txid::text, o.topic, o.payload, o.occurred_at from "${source}".outbox_event o
            where (o.txid, o.id) > ($1::xid8, $2::bigint) and o.txid < $3::xid8
            order by o.txid, o.id limit ${BATCH}`,
          [from.last_txid, from.last_id, horizon],
        );
        if (!rows.length) continue;
        full ||= rows.length === BATCH;
        const inserted = await client.query<{ id: string }>(
          `insert into ${EVENT_LOG_SCHEMA}.event (source, source_id, topic, payload, occurred_at)
           select $1, e.source_id, e.topic, e.payload, e.occurred_at
             from unnest($2::bigint[], $3::text[], $4::jsonb[], $5::timestamptz[]) with ordinality
                  as e(source_id, topic, payload, occurred_at, n)
            order by e.n
           on conflict (source, source_id) do nothing
           returning id::text`,
          [source, rows.map((r) => r.id), rows.map((r) => r.topic), rows.map((r) => JSON.stringify(r.payload)), rows.map((r) => r.occurred_at)],
        );
        const last = rows[rows.length - 1]!;
        await client.query(
          `insert into ${EVENT_LOG_SCHEMA}.event_source (source, last_txid, last_id) values ($1, $2::xid8, $3::bigint)
           on conflict (source) do update set last_txid = excluded.last_txid, last_id = excluded.last_id`,
          [source, last.txid, last.id],
        );
        if (inserted.rows.length) newest = inserted.rows[inserted.rows.length - 1]!.id;
        eventsRelayed.inc({ source }, inserted.rows.length);
        const now = Date.now();
        for (const row of rows) relayLag.observe({ source }, (now - row.occurred_at.getTime()) / 1000);
      }
      if (newest) await client.query(`select pg_notify($1, $2)`, [EVENT_LOG_CHANNEL, newest]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    return full;
  }

  /** The sources whose outbox exists (a subgraph not yet migrated is skipped, not an error). */
  private async migratedSources(client: PoolClient): Promise<string[]> {
    const { rows } = await client.query<{ source: string }>(
      `select s as source from unnest($1::text[]) s where to_regclass(format('%I.outbox_event', s)) is not null`,
      [this.options.sources],
    );
    return rows.map((row) => row.source);
  }

  /** Drops relayed outbox rows and old log events, at most once a minute (or twice per retention period when shorter). */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < Math.min(60_000, (this.options.logRetentionMs ?? 60_000) / 2)) return;
    this.lastPrune = Date.now();
    const client = this.client!;
    const outboxAge = `${Math.round((this.options.outboxRetentionMs ?? 3_600_000) / 1000)} seconds`;
    for (const source of await this.migratedSources(client)) {
      await client.query(
        `delete from "${source}".outbox_event o using ${EVENT_LOG_SCHEMA}.event_source s
          where s.source = $1 and (o.txid, o.id) <= (s.last_txid, s.last_id) and o.occurred_at < now() - $2::interval`,
        [source, outboxAge],
      );
    }
    const logAge = `${Math.round((this.options.logRetentionMs ?? 7 * 86_400_000) / 1000)} seconds`;
    await pruneEvents(client, logAge);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    if (this.client) {
      await this.client.query(`select pg_advisory_unlock(${LEADER_LOCK})`).catch(() => undefined);
      this.client.release();
      this.client = undefined;
      this.leader = false;
    }
  }
}
