import type { Logger } from '@ngo-hub/kit/common';
import type { Pool, PoolClient } from 'pg';
import { EVENT_LOG_CHANNEL, newestEventId, readEvents, type HubEventRow } from './event-log';
import { Rerun } from '../shared-state/rerun';
import { streamListeners } from './metrics';

/** An event as dispatched to this instance's subscribers: one object shared by all of them. */
export interface LiveEvent extends HubEventRow {
  /** Payload resolutions made for this event, by selection and caller: shared, so fetched once. */
  readonly resolutions: Map<string, unknown>;
  /** The names of the entities it refers to (`payload.refs`), joined: subscribers' queries are kept by it. */
  readonly refsKey: string;
  /** Its id as a number, to compare with a subscriber's position. */
  readonly seq: bigint;
}

/** An event read from the log, ready to hand to subscribers. */
export function liveEvent(row: HubEventRow): LiveEvent {
  return { ...row, resolutions: new Map(), refsKey: Object.keys(row.payload.refs ?? {}).join(','), seq: BigInt(row.id) };
}

export type EventListener = (event: LiveEvent) => void;

const BATCH = 500;

/**
 * This gateway instance's tail of the hub event log: woken by NOTIFY (and a poll), it reads the
 * events after the last one it dispatched, in id order, and hands each to every listener.
 */
export class EventStream {
  private cursor = '0';
  private readonly listeners = new Set<EventListener>();
  private client?: PoolClient;
  private timer?: NodeJS.Timeout;
  private readonly passes = new Rerun(() => this.drain().catch((error: unknown) => this.log.error({ err: error }, 'reading the event log failed; retrying')));

  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  /** The id of the newest event dispatched: a listener added now receives every later one. */
  get position(): string {
    return this.cursor;
  }

  async start(): Promise<void> {
    this.cursor = await newestEventId(this.pool);
    await this.listen();
    this.schedule();
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === EVENT_LOG_CHANNEL) this.wake();
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'event stream connection lost; reconnecting');
      this.client = undefined;
      client.release(error);
      if (!this.passes.isStopped)
        setTimeout(() => void this.listen().catch((e: unknown) => this.log.error({ err: e }, 'event stream cannot listen')), 500).unref();
    });
    await client.query(`listen ${EVENT_LOG_CHANNEL}`);
    this.client = client;
    this.wake(); // whatever arrived while not listening
  }

  /** Listeners that serve subscribers: what `ngohub_event_stream_listeners` counts. */
  private subscriberListeners = 0;

  /**
   * Adds a listener and returns the position it starts after, in one step: events up to that
   * position were dispatched before, every later one reaches the listener. `internal` marks the
   * hub's own followers (the response cache), which the listener gauge leaves out: it counts
   * what subscribers hold, so that a leak shows.
   */
  subscribe(listener: EventListener, options: { internal?: boolean } = {}): { position: string; unsubscribe: () => void } {
    const counted = !options.internal;
    this.listeners.add(listener);
    if (counted) streamListeners.set(++this.subscriberListeners);
    return {
      position: this.cursor,
      unsubscribe: () => {
        if (!this.listeners.delete(listener)) return;
        if (counted) streamListeners.set(--this.subscriberListeners);
      },
    };
  }

  wake(): void {
    this.passes.wake();
  }

  private schedule(): void {
    if (this.passes.isStopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedule();
    }, this.pollMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const events = await readEvents(this.pool, this.cursor, BATCH);
      for (const row of events) {
        const event = liveEvent(row);
        this.cursor = event.id;
        for (const listener of this.listeners) listener(event);
      }
      if (events.length < BATCH) return;
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.passes.stop();
    this.listeners.clear();
    streamListeners.set((this.subscriberListeners = 0));
    if (this.client) {
      this.client.release();
      this.client = undefined;
    }
  }
}
