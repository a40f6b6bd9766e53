import { parseEnv, SUBGRAPHS } from '@ngo-hub/kit/common';
import { z } from 'zod';

export interface LiveUpdatesConfig {
  /** The database holding the subgraphs' outboxes and the hub event log; live updates are off without it. */
  databaseUrl?: string;
  /** Schemas whose `outbox_event` tables feed the log (the subgraphs'). */
  sources: readonly string[];
  /** Live events kept in memory per subscriber; a subscriber further behind reads on from the log. */
  subscriberBuffer: number;
  /** A socket whose client takes none of the bytes waiting for it this long has its subscriptions ended (SUBSCRIBER_TOO_SLOW). */
  subscriberStallMs: number;
  /** How often the relay and the stream look for events without a notification. */
  pollMs: number;
  /** How long the hub event log keeps events (how far back a client can resume). */
  retentionHours: number;
}

export function loadLiveUpdatesConfig(env: NodeJS.ProcessEnv): LiveUpdatesConfig {
  const parsed = parseEnv(
    z.object({
      DATABASE_URL: z.string().url().optional(),
      SUBSCRIBER_BUFFER: z.coerce.number().int().min(1).max(1_000_000).default(1000),
      SUBSCRIBER_STALL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
      EVENT_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
      EVENT_RETENTION_HOURS: z.coerce
        .number()
        .positive()
        .max(24 * 365)
        .default(24 * 7),
    }),
    env,
  ) as { DATABASE_URL?: string; SUBSCRIBER_BUFFER: number; SUBSCRIBER_STALL_MS: number; EVENT_POLL_MS: number; EVENT_RETENTION_HOURS: number };
  return {
    databaseUrl: parsed.DATABASE_URL,
    sources: SUBGRAPHS,
    subscriberBuffer: parsed.SUBSCRIBER_BUFFER,
    subscriberStallMs: parsed.SUBSCRIBER_STALL_MS,
    pollMs: parsed.EVENT_POLL_MS,
    retentionHours: parsed.EVENT_RETENTION_HOURS,
  };
}
