import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import { readEvents, type HubEventRow } from './event-log';
import { matchesFilter } from './event-filter';
import { eventResolver, prefetchEvent, resolveEvent, type EventResolver, type QueryExecutor } from './event-payload';
import type { EventStream, LiveEvent } from './event-stream';
import { activeSubscriptions, eventsDelivered, slowSubscribers } from './metrics';
import type { SubscriptionPlan } from './subscription-plan';

export interface SubscriberOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  plan: SubscriptionPlan;
  stream: EventStream;
  pool: Pool;
  /**
   * Who the subscriber is now, asked again for every event (their rights may have changed since
   * they subscribed): `key` says what they may read (subscribers with the same key share
   * resolutions), `runQuery` runs a query with those rights. Throws when they no longer hold any.
   */
  caller: () => Promise<{ key: string; runQuery: QueryExecutor }>;
  /** Resume after this event id (from `since` or `connectionParams.lastEventId`). */
  resumeAfter?: string;
  /** Events waiting for this subscriber before it is cut off as too slow. */
  bufferSize: number;
}

const REPLAY_PAGE = 200;
/** Queued events whose entities are fetched ahead of delivery, at most. */
const PREFETCH = 8;

/**
 * One subscription's stream of results: first the events it missed (read from the hub event log
 * after `resumeAfter`), then live ones, in id order, each delivered at most once, filtered by the
 * subscription's arguments and by what the subscriber may read. Events wait in a bounded buffer:
 * a subscriber that falls `bufferSize` events behind gets an error saying where to resume and is ended.
 */
export class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: LiveEvent[] = [];
  private readonly heldDuringReplay: LiveEvent[] = [];
  private position: bigint;
  private replayFrom?: bigint;
  private readonly replayTo: bigint;
  private readonly unsubscribe: () => void;
  private wakeUp?: () => void;
  private done = false;
  private overflowed = false;
  /** Built for the caller's rights of the last event; built again when they change. */
  private resolver?: EventResolver;

  constructor(private readonly options: SubscriberOptions) {
    // everything that can throw comes before the subscription to the stream: nothing is left attached
    const resume = options.resumeAfter !== undefined ? BigInt(options.resumeAfter) : undefined;
    const { position, unsubscribe } = options.stream.subscribe((event) => this.offer(event));
    this.unsubscribe = unsubscribe;
    this.replayTo = BigInt(position);
    this.position = resume ?? this.replayTo;
    if (resume !== undefined && resume < this.replayTo) this.replayFrom = resume;
    activeSubscriptions.inc({ field: options.plan.field });
  }

  /** Events that pass the filter, and those about an entity the change took out of it (delivered as leaving). */
  private wanted(event: HubEventRow): boolean {
    const { topics, filter } = this.options.plan;
    if (!topics.includes(event.topic)) return false;
    const { match, previousMatch } = event.payload;
    return matchesFilter(filter, event.topic, match) || (previousMatch !== undefined && matchesFilter(filter, event.topic, previousMatch));
  }

  private offer(event: LiveEvent): void {
    if (this.done || !this.wanted(event)) return;
    const target = this.replayFrom !== undefined ? this.heldDuringReplay : this.queue;
    target.push(event);
    if (this.queue.length + this.heldDuringReplay.length > this.options.bufferSize) this.overflowed = true;
    this.wakeUp?.();
  }

  /** Loads the next page of missed events; when the replay is over, the live events held meanwhile follow. */
  private async replayPage(): Promise<void> {
    const rows = await readEvents(this.options.pool, this.replayFrom!.toString(), REPLAY_PAGE, this.replayTo.toString());
    for (const row of rows) if (this.wanted(row)) this.queue.push({ ...row, resolutions: new Map() });
    if (rows.length < REPLAY_PAGE) {
      this.replayFrom = undefined;
      this.queue.push(...this.heldDuringReplay.splice(0));
    } else {
      this.replayFrom = BigInt(rows[rows.length - 1]!.id);
    }
  }

  private async nextEvent(): Promise<LiveEvent | undefined> {
    for (;;) {
      if (this.done) return undefined;
      if (this.overflowed) return undefined;
      if (!this.queue.length && this.replayFrom !== undefined) {
        await this.replayPage();
        continue;
      }
      const event = this.queue.shift();
      if (event) return event;
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
      this.wakeUp = undefined;
    }
  }

  /** The event resolver for the caller's current rights. */
  private async currentResolver(): Promise<EventResolver> {
    const { key, runQuery } = await this.options.caller();
    if (this.resolver?.callerKey !== key) this.resolver = eventResolver({ ...this.options, runQuery, callerKey: key });
    return this.resolver;
  }

  /** Ends the subscription with `error` (its caller's rights could not be resolved), saying where to resume. */
  private async endWith(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    const lastEventId = this.position.toString();
    await this.return();
    const cause =
      error instanceof GraphQLError
        ? error
        : new GraphQLError('The subscriber\'s credentials could not be checked.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const { http: _http, ...extensions } = cause.extensions;
    return { done: false, value: { errors: [new GraphQLError(cause.message, { extensions: { ...extensions, lastEventId } })] } };
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const event = await this.nextEvent();
      if (!event) {
        if (this.overflowed && !this.done) {
          const resumeAfter = this.position.toString();
          await this.return();
          slowSubscribers.inc();
          return {
            done: false,
            value: {
              errors: [
                new GraphQLError(
                  `This subscriber fell more than ${this.options.bufferSize} events behind and was ended; subscribe again with since: "${resumeAfter}" to resume without a gap.`,
                  { extensions: { code: 'SUBSCRIBER_TOO_SLOW', lastEventId: resumeAfter } },
                ),
              ],
            },
          };
        }
        return { done: true, value: undefined };
      }
      const id = BigInt(event.id);
      if (id <= this.position) continue; // already delivered (a resume point ahead of this instance)
      let resolver: EventResolver;
      try {
        resolver = await this.currentResolver();
      } catch (error) {
        return this.endWith(error);
      }
      this.position = id;
      for (const next of this.queue.slice(0, PREFETCH)) prefetchEvent(resolver, next);
      const delivery = await resolveEvent(resolver, event);
      if (delivery.hidden || !delivery.result) continue;
      eventsDelivered.inc({ field: this.options.plan.field });
      // how many events are still queued for this subscriber: a resuming client shows it is catching up until 0
      const backlog = this.queue.length + this.heldDuringReplay.length + (this.replayFrom !== undefined ? 1 : 0);
      return { done: false, value: { ...delivery.result, extensions: { ...delivery.result.extensions, backlog } } };
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.done = true;
      this.unsubscribe();
      activeSubscriptions.dec({ field: this.options.plan.field });
      this.wakeUp?.();
    }
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
