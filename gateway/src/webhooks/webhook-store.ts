import type { Pool, PoolClient } from 'pg';
import { EVENT_LOG_SCHEMA, type HubEventRow } from '../subscriptions/event-log';
import type { WebhookSubscription } from './webhook-payload';

/**
 * The webhook tables belong to the organizations subgraph (its entities and migrations: the
 * registration is an organization's data, and `Webhook.deliveries` is read there). The
 * gateway's deliverer reads the registrations and writes only the delivery state — the cursor
 * `last_event_id`, `status` when a delivery fails for good, and the delivery rows — as the relay
 * reads and prunes the subgraphs' outboxes: both live in the hub's one database.
 */
const SCHEMA = 'organizations';

export interface Endpoint extends WebhookSubscription {
  id: string;
  url: string;
  secrets: string[];
  lastEventId: string | null;
  createdAt: Date;
  /** Enabled and not FAILING: new events are taken; otherwise only redeliveries asked for are sent. */
  active: boolean;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  body: string;
  attempts: number;
  nextAttemptAt: Date | null;
  redelivery: boolean;
}

type Db = Pool | PoolClient;

const DELIVERY_COLUMNS = `id, event_id::text as "eventId", body, attempts, next_attempt_at as "nextAttemptAt", redelivery`;

/** Whether the organizations subgraph has migrated its webhook tables yet. */
export async function webhookTablesExist(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(`select to_regclass($1) is not null as exists`, [`${SCHEMA}.webhook_delivery`]);
  return rows[0]!.exists;
}

/**
 * Endpoints with something to do now: active ones whose next delivery is due, or with no
 * delivery pending and events after their cursor; and any with a redelivery due (also paused
 * ones). An idle hub costs one statement per poll, whatever the number of webhooks.
 */
export async function endpointsToServe(db: Db): Promise<Endpoint[]> {
  const { rows } = await db.query<{
    id: string;
    organization_id: string;
    url: string;
    topics: string[];
    filter: WebhookSubscription['filter'];
    secret: string;
    previous_secret: string | null;
    last_event_id: string | null;
    created_at: Date;
    active: boolean;
  }>(
    `select w.id, w.organization_id, w.url, w.topics, w.filter, w.secret,
            case when w.previous_secret_until > now() then w.previous_secret end as previous_secret,
            w.last_event_id::text, w.created_at, (w.enabled and w.status = 'ACTIVE') as active
       from ${SCHEMA}.webhook w, (select coalesce(max(id), 0) as id from ${EVENT_LOG_SCHEMA}.event) newest
      where (w.enabled and w.status = 'ACTIVE' and (
               exists (select 1 from ${SCHEMA}.webhook_delivery d
                        where d.webhook_id = w.id and not d.redelivery and d.status = 'PENDING' and d.next_attempt_at <= now())
               or ((w.last_event_id is null or w.last_event_id < newest.id)
                   and not exists (select 1 from ${SCHEMA}.webhook_delivery d where d.webhook_id = w.id and not d.redelivery and d.status = 'PENDING'))))
         or exists (select 1 from ${SCHEMA}.webhook_delivery d
                     where d.webhook_id = w.id and d.redelivery and d.status = 'PENDING' and d.next_attempt_at <= now())`,
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    url: row.url,
    topics: row.topics,
    filter: row.filter ?? {},
    secrets: [row.secret, ...(row.previous_secret ? [row.previous_secret] : [])],
    lastEventId: row.last_event_id,
    createdAt: row.created_at,
    active: row.active,
  }));
}

/** A new webhook's cursor: the last event committed before it was registered (events from then on are its). */
export async function startCursor(db: Db, endpoint: Endpoint): Promise<string> {
  const { rows } = await db.query<{ last_event_id: string }>(
    `update ${SCHEMA}.webhook set last_event_id = coalesce(last_event_id, (select coalesce(max(e.id), 0) from ${EVENT_LOG_SCHEMA}.event e where e.occurred_at < $2))
      where id = $1 returning last_event_id::text`,
    [endpoint.id, endpoint.createdAt],
  );
  return rows[0]?.last_event_id ?? '0';
}

/** Moves the cursor past events the webhook does not receive; false when it moved meanwhile (another deliverer). */
export async function advanceCursor(db: Db, webhookId: string, from: string, to: string): Promise<boolean> {
  const { rowCount } = await db.query(`update ${SCHEMA}.webhook set last_event_id = $3 where id = $1 and last_event_id = $2`, [webhookId, from, to]);
  return rowCount === 1;
}

/**
 * Takes `event` for the endpoint: moves its cursor from `from` to the event and writes the
 * delivery, in one transaction, so each event is taken at most once per endpoint (and, the
 * cursor moving only here, at least once). Undefined when the cursor moved meanwhile.
 */
export async function takeEvent(pool: Pool, webhookId: string, from: string, event: HubEventRow, body: string): Promise<DeliveryRow | undefined> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rowCount } = await client.query(`update ${SCHEMA}.webhook set last_event_id = $3 where id = $1 and last_event_id = $2`, [
      webhookId,
      from,
      event.id,
    ]);
    if (rowCount !== 1) {
      await client.query('rollback');
      return undefined;
    }
    const { rows } = await client.query<DeliveryRow>(
      `insert into ${SCHEMA}.webhook_delivery (id, webhook_id, event_id, topic, body, next_attempt_at)
       values (gen_random_uuid(), $1, $2, $3, $4, now()) returning ${DELIVERY_COLUMNS}`,
      [webhookId, event.id, event.topic, body],
    );
    await client.query('commit');
    return rows[0];
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The oldest delivery not yet made, in event order: nothing newer is sent before it. */
export async function pendingHead(db: Db, webhookId: string): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `select ${DELIVERY_COLUMNS} from ${SCHEMA}.webhook_delivery
      where webhook_id = $1 and not redelivery and status = 'PENDING' order by event_id limit 1`,
    [webhookId],
  );
  return rows[0];
}

/** Redeliveries an admin asked for that are due (sent outside the order of events). */
export async function dueRedeliveries(db: Db, webhookId: string): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `select ${DELIVERY_COLUMNS} from ${SCHEMA}.webhook_delivery
      where webhook_id = $1 and redelivery and status = 'PENDING' and next_attempt_at <= now() order by created_at limit 50`,
    [webhookId],
  );
  return rows;
}

export interface AttemptRecord {
  ok: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
  /** When the next attempt is due; undefined after a success, or when the schedule is exhausted. */
  nextAttemptAt?: Date;
}

/** Records one attempt (only if no other deliverer recorded it first); true when recorded. */
export async function recordAttempt(db: Db, delivery: DeliveryRow, attempt: AttemptRecord): Promise<boolean> {
  const status = attempt.ok ? 'SUCCEEDED' : attempt.nextAttemptAt ? 'PENDING' : 'FAILED';
  const { rowCount } = await db.query(
    `update ${SCHEMA}.webhook_delivery
        set attempts = attempts + 1, last_attempt_at = now(), last_status_code = $3, last_error = $4, last_duration_ms = $5,
            status = $6, next_attempt_at = $7, delivered_at = case when $6 = 'SUCCEEDED' then now() end
      where id = $1 and attempts = $2 and status = 'PENDING'`,
    [delivery.id, delivery.attempts, attempt.statusCode ?? null, attempt.error ?? null, attempt.durationMs, status, attempt.nextAttemptAt ?? null],
  );
  return rowCount === 1;
}

/** Pauses an endpoint whose delivery failed through the whole schedule, saying why. */
export async function markFailing(db: Db, webhookId: string, reason: string): Promise<void> {
  await db.query(`update ${SCHEMA}.webhook set status = 'FAILING', status_reason = $2, updated_at = now() where id = $1`, [webhookId, reason.slice(0, 500)]);
}

/** Drops finished deliveries older than `retentionMs` (pending ones stay whatever their age). */
export async function pruneDeliveries(db: Db, retentionMs: number): Promise<number> {
  const { rowCount } = await db.query(`delete from ${SCHEMA}.webhook_delivery where status <> 'PENDING' and created_at < now() - $1::interval`, [
    `${Math.round(retentionMs / 1000)} seconds`,
  ]);
  return rowCount ?? 0;
}
