// The live feed: `sectorActivity` over graphql-ws on the same origin's /graphql. The socket
// retries for ever; on reconnecting it sends the last event id it saw (connectionParams
// `lastEventId`), so the hub replays what the page missed.

import { createClient, type Client } from 'graphql-ws';
import { authorization } from './auth';
import { GRAPHQL_PATH } from './api';
import type { Filters } from './filters';
import { SECTOR_ACTIVITY, type Money, type OrganizationRef, type Part } from './queries';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ActivityEvent {
  eventId: string;
  occurredAt: string;
  kind: 'ORGANIZATION_CHANGED' | 'GRANT_AWARDED' | 'JOB_POSTED' | 'ENROLLMENT_CHANGED' | string;
  summary: string;
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
}

export class LiveFeed {
  private client: Client | null = null;
  private dispose: (() => void) | null = null;
  private lastEventId: string | null = null;
  private connectedOnce = false;

  constructor(private readonly handlers: LiveFeedHandlers) {}

  /** (Re)subscribes with these filters, on a new connection carrying the current credentials. */
  start(filters: Filters): void {
    this.stop();
    this.connectedOnce = false;
    const url = new URL(GRAPHQL_PATH, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.client = createClient({
      url: url.toString(),
      lazy: false,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // 0.5 s, 1 s, 2 s … at most 8 s between attempts, with jitter so clients do not return together
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** retries) + Math.random() * 500)),
      connectionParams: () => {
        const params: Record<string, string> = {};
        const auth = authorization();
        if (auth) params.authorization = auth;
        if (this.lastEventId) params.lastEventId = this.lastEventId;
        return params;
      },
    });
    this.client.on('connecting', () => this.handlers.onState(this.connectedOnce ? 'reconnecting' : 'connecting'));
    this.client.on('connected', () => {
      this.connectedOnce = true;
      this.handlers.onState('live');
    });
    this.client.on('closed', () => this.handlers.onState(this.connectedOnce ? 'reconnecting' : 'offline'));
    const filter = {
      city: filters.city ?? undefined,
      cause: filters.cause ?? undefined,
    };
    this.dispose = this.client.subscribe<{ sectorActivity: ActivityEvent }>(
      { query: SECTOR_ACTIVITY, variables: { filter } },
      {
        next: (result) => {
          if (result.errors?.length) {
            this.handlers.onState('offline');
            return this.handlers.onError(result.errors[0].message);
          }
          const event = result.data?.sectorActivity;
          if (!event) return;
          this.lastEventId = event.eventId;
          this.handlers.onEvent(event);
        },
        error: (error) => {
          this.handlers.onState('offline');
          this.handlers.onError(Array.isArray(error) ? String(error[0]?.message) : error instanceof Error ? error.message : 'live updates stopped');
        },
        complete: () => undefined,
      },
    );
  }

  stop(): void {
    this.dispose?.();
    this.dispose = null;
    void this.client?.dispose();
    this.client = null;
  }
}
