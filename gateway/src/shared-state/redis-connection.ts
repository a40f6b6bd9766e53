import type { RedisClientType } from '@redis/client';
import { redact, type Logger } from '@ngo-hub/kit/common';

export interface SharedRedis {
  client: RedisClientType;
  /** Prefix of every key this gateway writes. */
  keyPrefix: string;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The gateway's one connection to Redis, for the limits its instances share. Commands fail at
 * once while the connection is down (no offline queue), so a request never waits on Redis: the
 * rate limiter falls back to this instance's memory and persisted queries miss until it is back.
 * Starting fails with a clear message when Redis cannot be reached within 10 s.
 */
export async function connectRedis(url: string, keyPrefix: string, log: Logger): Promise<SharedRedis> {
  // loaded when a gateway has Redis: its ~400 modules were a tenth of every gateway's start
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createClient } = require('@redis/client') as typeof import('@redis/client');
  const client: RedisClientType = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    // logged once per distinct failure, not once per reconnection attempt
    if (error.message !== lastError) log.warn({ err: error.message }, 'redis: connection failed; limits fall back to this instance');
    lastError = error.message;
  });
  client.on('ready', () => {
    if (lastError) log.info('redis: connected again');
    lastError = '';
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`REDIS_URL: no answer from ${redact(url)} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (error) {
    client.destroy();
    throw error;
  }
  log.info({ redis: redact(url), keyPrefix }, 'rate limits and persisted queries shared through Redis');
  return {
    client,
    keyPrefix,
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
