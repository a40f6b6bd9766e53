// The live feed: `sectorActivity` over graphql-ws on the same origin's /graphql. The socket
// retries for ever; on reconnecting it sends the last event id it saw (connectionParams
// `lastEventId`), so the hub replays what the page missed. When the subscription itself ends
// with an error (the hub cut it off, its resume point expired…), the page subscribes again with
// `since` and shows that it is catching up until the hub says nothing more is queued for it.

import { createClient, type Client } from 'graphql-ws';
import { authorization } from './auth';
import { GRAPHQL_PATH } from './api';
import type { Filters } from './filters';
import { SECTOR_ACTIVITY, type Money, type OrganizationRef, type Part } from './queries';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'catching-up' | 'offline';

export interface ActivityEvent {
  eventId: string;
  occurredAt: string;
  kind: 'ORGANIZATION_CHANGED' | 'GRANT_AWARDED' | 'JOB_POSTED' | 'ENROLLMENT_CHANGED' | string;
  summary: string;
  /** False when the change took the entity out of the page's filter (it left the view). */
  matches: boolean;
  city: string | null;
  causes: string[];
  organization: (OrganizationRef & { city: string | null }) | null;
  grant: { id: string; title: string; amountAwarded: Money; funder: OrganizationRef; recipient: OrganizationRef } | null;
  jobPosting: { id: string; title: string; titleZh: string | null; organization: OrganizationRef } | null;
  enrollment: { id: string; status: string; course: { id: string; title: string; titleZh: string | null } } | null;
}

/** The parts of the page an event changes, refreshed after it. */
export function partsAffectedBy(kind: ActivityEvent['kind']): Part[] {
  switch (kind) {
    case 'ORGANIZATION_CHANGED':
      return ['sector', 'incubation'];
    case 'GRANT_AWARDED':
      return ['funding'];
    case 'JOB_POSTED':
      return ['jobs'];
    case 'ENROLLMENT_CHANGED':
      return ['courses'];
    default:
      return ['sector', 'funding', 'incubation', 'jobs', 'courses'];
  }
}

export interface LiveFeedHandlers {
  onEvent(event: ActivityEvent): void;
  onState(state: ConnectionState): void;
  onError(message: string): void;
  /** The page missed events the hub no longer keeps (or its resume point is unknown): reload everything. */
  onGap(): void;
}

/** A subscription error as the hub sends it. */
interface HubError {
  message?: string;
  extensions?: { code?: string; lastEventId?: string; resumeAfter?: string; field?: string };
}

/** After a resumed subscription's last queued event, or this long without one, the page is caught up. */
const CATCH_UP_QUIET_MS = 2000;

const newer = (a: string | null, b: string | null | undefined): string | null => (!b ? a : !a || BigInt(b) > BigInt(a) ? b : a);

export class LiveFeed {
  private client: Client | null = null;
  private dispose: (() => void) | null = null;
  private lastEventId: string | null = null;
  private connectedOnce = false;
  private filters: Filters | null = null;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private catchingUp = false;
  private connected = false;
  /** Which subscription is current: an earlier one ending (disposed by the page) is not an error. */
  private generation = 0;

  constructor(private readonly handlers: LiveFeedHandlers) {}

  /** (Re)subscribes with these filters, on a new connection carrying the current credentials. */
  start(filters: Filters): void {
    this.stop();
    this.filters = filters;
    this.connectedOnce = false;
    this.retries = 0;
    const url = new URL(GRAPHQL_PATH, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.client = createClient({
      url: url.toString(),
      lazy: false,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoff(retries))),
      connectionParams: () => {
        const params: Record<string, string> = {};
        const auth = authorization();
        if (auth) params.authorization = auth;
        if (this.lastEventId) params.lastEventId = this.lastEventId;
        return params;
      },
    });
    this.client.on('connecting', () => {
      this.connected = false;
      this.handlers.onState(this.connectedOnce ? 'reconnecting' : 'connecting');
    });
    this.client.on('connected', () => {
      const reconnected = this.connectedOnce;
      this.connectedOnce = true;
      this.connected = true;
      if (reconnected) {
        // graphql-ws subscribes again with the first variables: subscribe afresh from the last event seen
        this.catchUp();
      } else {
        this.handlers.onState(this.catchingUp ? 'catching-up' : 'live');
      }
    });
    this.client.on('closed', () => {
      this.connected = false;
      this.handlers.onState(this.connectedOnce ? 'reconnecting' : 'offline');
    });
    this.subscribe();
  }

  /** Subscribes from the last event seen (all new ones when none was seen yet). */
  private subscribe(): void {
    const client = this.client;
    if (!client || !this.filters) return;
    const generation = ++this.generation;
    this.dispose?.();
    const filter = { city: this.filters.city ?? undefined, cause: this.filters.cause ?? undefined };
    let ended = false;
    const end = (error: HubError | null) => {
      if (ended) return;
      ended = true;
      if (this.generation === generation) this.recover(error);
    };
    this.dispose = client.subscribe<{ sectorActivity: ActivityEvent }>(
      { query: SECTOR_ACTIVITY, variables: { filter, since: this.lastEventId ?? undefined } },
      {
        next: (result) => {
          if (this.generation !== generation) return;
          if (result.errors?.length) return end(result.errors[0] as HubError);
          const event = result.data?.sectorActivity;
          if (!event) return;
          this.retries = 0;
          this.lastEventId = newer(this.lastEventId, event.eventId);
          this.handlers.onEvent(event);
          if (this.catchingUp) {
            const backlog = (result.extensions as { backlog?: number } | undefined)?.backlog;
            if (backlog === 0) this.caughtUp();
            else this.armQuietTimer();
          }
        },
        // a closed socket is the client's to retry (it resumes with lastEventId); anything else ends the subscription
        error: (error) => end(Array.isArray(error) ? (error[0] as HubError) : { message: error instanceof Error ? error.message : 'live updates stopped' }),
        complete: () => end(null),
      },
    );
  }

  /** The subscription ended: subscribe again with `since`, after a pause that grows with each failure in a row. */
  private recover(error: HubError | null): void {
    this.dispose = null;
    const code = error?.extensions?.code;
    if (error) this.handlers.onError(error.message ?? String(code));
    if (code === 'EVENTS_EXPIRED') {
      // the hub no longer has what the page missed: reload, then follow from where the log begins
      this.lastEventId = error!.extensions!.resumeAfter ?? null;
      this.handlers.onGap();
    } else if (code === 'BAD_USER_INPUT' && (error!.extensions!.field === 'since' || error!.extensions!.field === 'connectionParams.lastEventId')) {
      this.lastEventId = null; // an id this hub does not know (e.g. its log was reset)
      this.handlers.onGap();
    } else {
      this.lastEventId = newer(this.lastEventId, error?.extensions?.lastEventId);
    }
    this.handlers.onState(this.connected ? 'catching-up' : 'reconnecting');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.catchUp();
    }, backoff(this.retries++));
  }

  private catchUp(): void {
    this.catchingUp = true;
    if (this.connected) this.handlers.onState('catching-up');
    this.armQuietTimer();
    this.subscribe();
  }

  private armQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.caughtUp(), CATCH_UP_QUIET_MS);
  }

  private caughtUp(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    if (!this.catchingUp || !this.dispose) return;
    this.catchingUp = false;
    if (this.connected) this.handlers.onState('live');
  }

  stop(): void {
    this.generation += 1;
    for (const timer of [this.retryTimer, this.quietTimer]) if (timer) clearTimeout(timer);
    this.retryTimer = this.quietTimer = null;
    this.catchingUp = false;
    this.dispose?.();
    this.dispose = null;
    void this.client?.dispose();
    this.client = null;
  }
}

/** 0.5 s, 1 s, 2 s … at most 8 s between attempts, with jitter so clients do not return together. */
function backoff(retries: number): number {
  return Math.min(8000, 500 * 2 ** retries) + Math.random() * 500;
}
