import { WEBHOOK_CHANNEL, type Identity, type Logger } from '@ngo-hub/kit/common';
import type { GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import { LeaderLoop } from '../shared-state/leader-loop';
import { EVENT_LOG_CHANNEL, oldestEventId, readEvents } from '../subscriptions/event-log';
import type { QueryExecutor } from '../subscriptions/event-payload';
import { webhookAttempts, webhookDeliverer } from './metrics';
import { nextAttemptAt } from './retry-schedule';
import type { WebhooksConfig } from './webhooks-config';
import { organizationIdentity, PayloadUnavailable, webhookBody, webhookWants } from './webhook-payload';
import { sendWebhook } from './webhook-request';
import {
  advanceCursor,
  dueRedeliveries,
  endpointsToServe,
  markFailing,
  pendingHead,
  pruneDeliveries,
  recordAttempt,
  startCursor,
  takeEvent,
  webhookTablesExist,
  type DeliveryRow,
  type Endpoint,
} from './webhook-store';

export interface WebhookDelivererOptions {
  pool: Pool;
  log: Logger;
  config: WebhooksConfig;
  /** How often to look for work without a notification (and for retries that fell due). */
  pollMs: number;
  /** The API schema, once the gateway has loaded the supergraph. */
  schema: () => GraphQLSchema | undefined;
  /** Runs a query through the federated graph as `identity`. */
  runAs: (identity: Identity) => QueryExecutor;
}

const LEADER_LOCK = `hashtext('ngo-hub:webhook-deliverer')`;
const EVENT_PAGE = 200;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Delivers the hub event log to the organizations' webhook endpoints. One gateway instance
 * delivers at a time (a session advisory lock; another takes over within a poll when it dies).
 * Each endpoint is served on its own, several at a time: its events in id order, one at a time,
 * the next one only after the one before succeeded or failed through the whole retry schedule.
 * All state is in PostgreSQL (cursor and delivery rows), so a restart resumes where it stopped:
 * an attempt in flight when the process died is made again, under the same webhook-id.
 */
export class WebhookDeliverer {
  private readonly loop: LeaderLoop;
  private readonly serving = new Map<string, Promise<void>>();
  /** Aborts attempts in flight when the gateway stops: they are not recorded, and the next deliverer makes them again. */
  private readonly stopping = new AbortController();
  private warnedNoTables = false;
  private tablesExist = false;
  private lastPrune = 0;

  constructor(private readonly options: WebhookDelivererOptions) {
    this.loop = new LeaderLoop(options.pool, options.log, {
      name: 'webhook deliverer',
      leading: 'this gateway delivers webhooks',
      lock: LEADER_LOCK,
      channels: [EVENT_LOG_CHANNEL, WEBHOOK_CHANNEL],
      pollMs: options.pollMs,
      gauge: webhookDeliverer,
      work: () => this.startServing(),
    });
  }

  get isLeader(): boolean {
    return this.loop.isLeader;
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  /** One pass: the endpoints with something due start being served, as many at a time as the concurrency allows. */
  private async startServing(): Promise<void> {
    const { pool, log, config } = this.options;
    const schema = this.options.schema();
    if (!schema) return;
    this.tablesExist ||= await webhookTablesExist(pool);
    if (!this.tablesExist) {
      if (!this.warnedNoTables)
        log.warn(
          "webhooks wait: organizations.webhook_delivery is not in the gateway's database yet (not migrated, or ORGANIZATIONS_DATABASE_URL is another database)",
        );
      this.warnedNoTables = true;
      return;
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await pruneDeliveries(pool, config.deliveryRetentionMs);
    }
    for (const endpoint of await endpointsToServe(pool)) {
      if (this.loop.isStopped || this.serving.size >= config.concurrency) break;
      if (this.serving.has(endpoint.id)) continue;
      const served = this.serve(endpoint, schema)
        .catch((error: unknown) =>
          error instanceof PayloadUnavailable
            ? log.warn({ webhook: endpoint.id, err: error.message }, 'webhook waits: its next event could not be resolved; trying again')
            : log.error({ webhook: endpoint.id, err: error }, 'webhook delivery failed; trying again'),
        )
        .finally(() => this.serving.delete(endpoint.id));
      this.serving.set(endpoint.id, served);
    }
  }

  /** Everything due for one endpoint: redeliveries asked for, then its events in order until one must wait. */
  private async serve(endpoint: Endpoint, schema: GraphQLSchema): Promise<void> {
    const { pool } = this.options;
    for (const redelivery of await dueRedeliveries(pool, endpoint.id)) {
      if (this.loop.isStopped) return;
      await this.attempt(endpoint, redelivery, false);
    }
    if (!endpoint.active) return;
    while (!this.loop.isStopped && this.loop.isLeader) {
      const head = (await pendingHead(pool, endpoint.id)) ?? (await this.take(endpoint, schema));
      if (!head) return;
      if (head.nextAttemptAt && head.nextAttemptAt.getTime() > Date.now()) return;
      if (!(await this.attempt(endpoint, head, true))) return;
    }
  }

  /**
   * The endpoint's next event: reads the log after its cursor, skips events outside its topics
   * and filter or that its organization may not read (moving the cursor past them), and takes
   * the first it receives. Undefined when there is none yet.
   */
  private async take(endpoint: Endpoint, schema: GraphQLSchema): Promise<DeliveryRow | undefined> {
    const { pool } = this.options;
    let cursor = endpoint.lastEventId ?? (await startCursor(pool, endpoint));
    const identity = organizationIdentity(endpoint.organizationId);
    const runQuery = this.options.runAs(identity);
    const callerKey = JSON.stringify(identity);
    while (!this.loop.isStopped) {
      const events = await readEvents(pool, cursor, EVENT_PAGE);
      if (!events.length) return undefined;
      await this.warnOfPrunedEvents(endpoint, cursor, events[0]!.id);
      for (const event of events) {
        if (!webhookWants(endpoint, event)) continue;
        const body = await webhookBody(schema, event, runQuery, callerKey);
        if (body === undefined) continue;
        // the cursor moves from where it was stored past every event skipped, to this one
        const delivery = await takeEvent(pool, endpoint.id, cursor, event, body);
        endpoint.lastEventId = delivery ? event.id : null;
        return delivery;
      }
      const last = events[events.length - 1]!.id;
      if (!(await advanceCursor(pool, endpoint.id, cursor, last))) return undefined;
      cursor = endpoint.lastEventId = last;
    }
    return undefined;
  }

  /**
   * Says so when an endpoint's cursor fell behind the event log's retention (paused longer than
   * EVENT_RETENTION_HOURS): the events in between are gone and cannot be sent.
   */
  private async warnOfPrunedEvents(endpoint: Endpoint, cursor: string, next: string): Promise<void> {
    if (cursor === '0' || BigInt(next) === BigInt(cursor) + 1n) return;
    if ((await oldestEventId(this.options.pool)) !== next) return;
    this.options.log.warn(
      { webhook: endpoint.id, after: cursor, before: next },
      'webhook resumes after events the event log no longer keeps (EVENT_RETENTION_HOURS): they cannot be sent',
    );
  }

  /** One attempt at one delivery, recorded; true when the endpoint accepted it. */
  private async attempt(endpoint: Endpoint, delivery: DeliveryRow, inOrder: boolean): Promise<boolean> {
    const { pool, log, config } = this.options;
    const outcome = await sendWebhook(
      { url: endpoint.url, secrets: endpoint.secrets },
      { id: delivery.eventId, body: delivery.body, timestamp: new Date() },
      { ...config, signal: this.stopping.signal },
    );
    if (this.stopping.signal.aborted) return false;
    const attempts = delivery.attempts + 1;
    // 410 Gone: the receiver says the endpoint is no more (Standard Webhooks): no retries, the webhook pauses
    const gone = outcome.statusCode === 410;
    const next = outcome.ok || gone ? undefined : nextAttemptAt(config.retrySchedule, attempts);
    const recorded = await recordAttempt(pool, delivery, { ...outcome, nextAttemptAt: next });
    if (!recorded) return false; // another deliverer recorded this attempt first
    webhookAttempts.inc({ outcome: outcome.ok ? 'succeeded' : next ? 'retrying' : 'failed' });
    if (outcome.ok) return true;
    log.info({ webhook: endpoint.id, eventId: delivery.eventId, attempts, error: outcome.error, nextAttemptAt: next }, 'webhook attempt failed');
    if (gone) await markFailing(pool, endpoint.id, `the endpoint answered 410 Gone to event ${delivery.eventId}`);
    else if (!next && inOrder) await markFailing(pool, endpoint.id, `event ${delivery.eventId} failed ${attempts} attempts; the last: ${outcome.error}`);
    return false;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop.stop(() => Promise.allSettled(this.serving.values()));
  }
}
