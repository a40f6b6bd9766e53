import type { Logger } from '@ngo-hub/kit/common';
import { Pool } from 'pg';
import { ensureEventLog } from './event-log';
import { EventStream } from './event-stream';
import type { LiveUpdatesConfig } from './live-updates-config';
import { EventRelay } from './relay';

export interface LiveUpdates {
  pool: Pool;
  stream: EventStream;
  relay: EventRelay;
  stop(): Promise<void>;
}

/**
 * The event side of the gateway: the hub event log's tables, this instance's share in relaying
 * the subgraphs' outboxes (one instance at a time), and its tail of the log for its subscribers.
 */
export async function startLiveUpdates(config: LiveUpdatesConfig & { databaseUrl: string }, log: Logger): Promise<LiveUpdates> {
  const pool = new Pool({ connectionString: config.databaseUrl, max: 6, application_name: 'ngo-hub-gateway-events' });
  pool.on('error', (error) => log.warn({ err: error }, 'event database connection error'));
  await ensureEventLog(pool);
  const relay = new EventRelay(pool, log, { sources: config.sources, pollMs: config.pollMs, logRetentionMs: config.retentionHours * 3_600_000 });
  const stream = new EventStream(pool, log, config.pollMs);
  await relay.start();
  await stream.start();
  return {
    pool,
    stream,
    relay,
    async stop() {
      await relay.stop();
      await stream.stop();
      await pool.end();
    },
  };
}
