import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Counter } from 'prom-client';
import type { Pool } from 'pg';
import { readEvents, type HubEventRow } from './event-log';
import type { DirectSend } from './direct-send';
import {
  payloadJson,
  prefetchEvent,
  resolvedEvent,
  resolveEvent,
  sharedEventResolver,
  withBacklog,
  type EventResolver,
  type QueryExecutor,
} from './event-payload';
import { liveEvent, type EventStream, type LiveEvent } from './event-stream';
import { activeSubscriptions, eventsDelivered, eventsSpilled, slowSubscribers } from './metrics';
import { sendTurns } from './send-turns';
import type { SocketPressure } from './socket-pressure';
import type { SubscriptionPlan } from './subscription-plan';

/** Who a subscriber is now: synchronous when the gateway's identity cache holds their rights. */
export interface SubscriberCaller {
  key: string;
  runQuery: QueryExecutor;
}

export interface SubscriberOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  /** The document's text as the client sent it: subscriptions with the same text, variables and caller share one resolver. */
  text: string;
  plan: SubscriptionPlan;
  stream: EventStream;
  pool: Pool;
  /**
   * Who the subscriber is now, asked again for every event (their rights may have changed since
   * they subscribed): `key` says what they may read (subscribers with the same key share
   * resolutions), `runQuery` runs a query with those rights. Throws when they no longer hold any.
   */
  caller: () => SubscriberCaller | Promise<SubscriberCaller>;
  /** Resume after this event id (from `since` or `connectionParams.lastEventId`). */
  resumeAfter?: string;
  /** Live events kept in memory for this subscriber; past that it reads them from the log. */
  bufferSize: number;
  /** Its socket's client, watched for taking nothing of what it is sent. */
  pressure?: SocketPressure;
  /**
   * Writes a result without errors straight to the socket (false when the socket is full):
   * results then go on without coming back through the iterator. Without it, or when it
   * refuses, each result is returned by `next()`.
   */
  send?: DirectSend;
}

const REPLAY_PAGE = 200;
/** Queued events whose entities are fetched ahead of delivery, at most. */
const PREFETCH = 8;

/**
 * One subscription's stream of results: first the events it missed (read from the hub event log
 * after `resumeAfter`), then live ones, in id order, each delivered at most once, filtered by the
 * subscription's arguments and by what the subscriber may read.
 *
 * Live events wait in memory, at most `bufferSize` of them: past that, the subscriber drops them
 * and reads on from the log, as it does when resuming, and returns to live events once it has
 * caught up. A backlog therefore never ends a subscription. What does is a client that stops
 * taking what is sent to it (`pressure`): it gets SUBSCRIBER_TOO_SLOW with the id to resume after.
 */
export class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  private queue: LiveEvent[] = [];
  /** Live events that arrived while reading the log, and how many times there were too many to keep. */
  private held: LiveEvent[] = [];
  private heldDropped = 0;
  /** The last id delivered (or passed over as not wanted). */
  private position: bigint;
  /** Set while reading missed events from the log: the id read up to. */
  private replayFrom?: bigint;
  private readonly unsubscribe: () => void;
  private readonly offStall: () => void;
  private wakeUp?: () => void;
  private done = false;
  private ending?: GraphQLError;
  /** Built for the caller's rights of the last event; built again when they change. */
  private resolver?: EventResolver;
  private readonly delivered: Counter.Internal;

  constructor(private readonly options: SubscriberOptions) {
    // everything that can throw comes before the subscription to the stream: nothing is left attached
    const resume = options.resumeAfter !== undefined ? BigInt(options.resumeAfter) : undefined;
    const { position, unsubscribe } = options.stream.subscribe((event) => this.offer(event));
    this.unsubscribe = unsubscribe;
    this.offStall = options.pressure?.onStall(() => this.tooSlow()) ?? (() => undefined);
    const streamPosition = BigInt(position);
    this.position = resume ?? streamPosition;
    if (resume !== undefined && resume < streamPosition) this.replayFrom = resume;
    activeSubscriptions.inc({ field: options.plan.field });
    this.delivered = eventsDelivered.labels({ field: options.plan.field });
  }

  /** Events that pass the filter, and those about an entity the change took out of it (delivered as leaving). */
  private wanted(event: HubEventRow): boolean {
    const { topics, passes } = this.options.plan;
    if (!topics.includes(event.topic)) return false;
    const { match, previousMatch } = event.payload;
    return passes(event.topic, match) || (previousMatch !== undefined && passes(event.topic, previousMatch));
  }

  private offer(event: LiveEvent): void {
    if (this.done || !this.wanted(event)) return;
    if (this.replayFrom !== undefined) {
      this.held.push(event);
      if (this.held.length > this.options.bufferSize) {
        // the log has them: read on from it
        this.held = [];
        this.heldDropped += 1;
      }
    } else {
      this.queue.push(event);
      // join the event's entity fetch now, while every subscriber is handed the event: one merged fetch for all
      if (this.resolver) prefetchEvent(this.resolver, event);
      if (this.queue.length > this.options.bufferSize) {
        this.queue = [];
        this.replayFrom = this.position;
        eventsSpilled.inc();
      }
    }
    this.wakeUp?.();
  }

  /**
   * Reads the next page of events from the log. Once a page is short and no live event was dropped
   * while it was read, every event after it arrived live and is held: those follow, and the
   * subscriber is live again.
   */
  private async replayPage(): Promise<void> {
    const drops = this.heldDropped;
    const rows = await readEvents(this.options.pool, this.replayFrom!.toString(), REPLAY_PAGE);
    if (this.done) return;
    for (const row of rows) if (this.wanted(row)) this.queue.push(liveEvent(row));
    if (rows.length) this.replayFrom = BigInt(rows[rows.length - 1]!.id);
    if (rows.length < REPLAY_PAGE && this.heldDropped === drops) {
      const readTo = this.replayFrom!;
      this.replayFrom = undefined;
      for (const event of this.held) if (event.seq > readTo) this.queue.push(event);
      this.held = [];
    }
  }

  private async nextEvent(): Promise<LiveEvent | undefined> {
    for (;;) {
      if (this.done) return undefined;
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

  /** The client stopped taking what it is sent: end now (nothing more is read or fetched for it), saying where to resume. */
  private tooSlow(): void {
    if (this.done) return;
    const resumeAfter = this.position.toString();
    this.ending = new GraphQLError(
      `This subscriber's client took nothing of what was sent to it for too long and the subscription was ended; subscribe again with since: "${resumeAfter}" to resume without a gap.`,
      { extensions: { code: 'SUBSCRIBER_TOO_SLOW', lastEventId: resumeAfter } },
    );
    slowSubscribers.inc();
    void this.return();
  }

  /** The event resolver for the caller's current rights (synchronous when the identity cache holds them). */
  private currentResolver(): EventResolver | Promise<EventResolver> {
    const caller = this.options.caller();
    return caller instanceof Promise ? caller.then((c) => this.resolverFor(c)) : this.resolverFor(caller);
  }

  private resolverFor({ key, runQuery }: SubscriberCaller): EventResolver {
    if (this.resolver?.callerKey !== key) this.resolver = sharedEventResolver({ ...this.options, runQuery, callerKey: key });
    return this.resolver;
  }

  /** Ends the subscription with `error` (its caller's rights could not be resolved), saying where to resume. */
  private async endWith(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    const lastEventId = this.position.toString();
    await this.return();
    const cause =
      error instanceof GraphQLError
        ? error
        : new GraphQLError("The subscriber's credentials could not be checked.", { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const { http: _http, ...extensions } = cause.extensions;
    return { done: false, value: { errors: [new GraphQLError(cause.message, { extensions: { ...extensions, lastEventId } })] } };
  }

  /**
   * The next result. A thousand subscribers run this for every event, so what is at hand is not
   * awaited: a queued event, the caller's cached rights and a delivery another subscriber already
   * resolved are taken as they are, and only what is not there yet is waited for.
   */
  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const event = (this.done ? undefined : this.queue.shift()) ?? (await this.nextEvent());
      if (!event) {
        const ending = this.ending;
        this.ending = undefined;
        return ending ? { done: false, value: { errors: [ending] } } : { done: true, value: undefined };
      }
      if (event.seq <= this.position) continue; // already delivered (a resume point ahead of this instance)
      let resolver: EventResolver;
      try {
        const current = this.currentResolver();
        resolver = current instanceof Promise ? await current : current;
      } catch (error) {
        return this.endWith(error);
      }
      this.position = event.seq;
      for (let k = 0; k < this.queue.length && k < PREFETCH; k++) prefetchEvent(resolver, this.queue[k]!);
      const delivery = resolvedEvent(resolver, event) ?? (await resolveEvent(resolver, event));
      if (delivery.hidden || !delivery.result) continue;
      // a thousand subscribers' deliveries of one event resolve at once: they go in turns, between the loop's I/O
      const turn = sendTurns.take();
      if (turn) await turn;
      if (this.done) continue;
      this.delivered.inc();
      // how many events are still queued for this subscriber: a resuming client shows it is catching up until 0
      const backlog = this.queue.length + this.held.length + (this.replayFrom !== undefined ? 1 : 0);
      if (!delivery.result.errors && this.options.send?.(payloadJson(delivery, delivery.result, backlog))) continue;
      return { done: false, value: withBacklog(delivery, delivery.result, backlog) };
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.done = true;
      this.unsubscribe();
      this.offStall();
      this.queue = [];
      this.held = [];
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
