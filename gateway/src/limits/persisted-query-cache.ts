import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import Keyv from 'keyv';
import { LRUCache } from 'lru-cache';
import type { SharedRedis } from '../shared-state/redis-connection';
import type { TrustedDocuments } from './trusted-documents';

/** Where operations registered by clients are kept: Apollo's KeyValueCache. */
interface RegisteredOperations {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** This process's memory, bounded by total size so a flood of registrations only evicts older ones. */
function inMemory(maxBytes: number): RegisteredOperations {
  const cache = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (value, key) => value.length + key.length });
  return {
    get: async (key) => cache.get(key),
    set: async (key, value) => void cache.set(key, value),
    delete: async (key) => cache.delete(key),
  };
}

/** How long Redis keeps a registered operation: a client re-registers one it still uses on a miss. */
const REDIS_TTL_SECONDS = 24 * 60 * 60;

/**
 * Shared by every gateway instance (REDIS_URL), through Apollo's KeyvAdapter over @keyv/redis:
 * an operation registered on one instance is found by its hash on all. Entries expire after a
 * day, so registrations cannot fill Redis. While Redis cannot be reached, lookups miss (the
 * client sends the text again) rather than fail.
 */
function inRedis(redis: SharedRedis): RegisteredOperations {
  // loaded only with Redis (see connectRedis)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const KeyvRedis = (require('@keyv/redis') as typeof import('@keyv/redis')).default;
  const keyv = new Keyv<string>({ store: new KeyvRedis(redis.client, { useUnlink: true }), namespace: `${redis.keyPrefix}apq`, useKeyPrefix: false });
  keyv.on('error', () => undefined); // reported by the connection's own error handler
  const adapter = new KeyvAdapter(keyv, { disableBatchReads: true });
  return {
    get: (key) => adapter.get(key),
    set: (key, value, options) => adapter.set(key, value, { ttl: options?.ttl ?? REDIS_TTL_SECONDS }),
    delete: (key) => adapter.delete(key),
  };
}

/**
 * Where Apollo Server's automatic persisted queries (APQ) live: the trusted documents first
 * (so a registered operation is found by its hash without ever being sent as text), then the
 * operations clients registered, in Redis when the gateway has one, else in memory (20 MB).
 * Apollo prefixes keys (`apq:<sha256>`).
 */
export class PersistedQueryCache {
  private readonly registered: RegisteredOperations;

  constructor(
    private readonly trusted: TrustedDocuments,
    options: { redis?: SharedRedis; maxBytes?: number } = {},
  ) {
    this.registered = options.redis ? inRedis(options.redis) : inMemory(options.maxBytes ?? 20_000_000);
  }

  async get(key: string): Promise<string | undefined> {
    return this.trusted.get(key.slice(key.lastIndexOf(':') + 1)) ?? (await this.registered.get(key).catch(() => undefined));
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    if (!this.trusted.has(key.slice(key.lastIndexOf(':') + 1))) await this.registered.set(key, value, options).catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.registered.delete(key).catch(() => false)) !== false;
  }
}
