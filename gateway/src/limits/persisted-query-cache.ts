import { LRUCache } from 'lru-cache';
import type { TrustedDocuments } from './trusted-documents';

/**
 * Where Apollo Server's automatic persisted queries (APQ) live: the trusted documents first
 * (so a registered operation is found by its hash without ever being sent as text), then the
 * operations clients registered, bounded by total size so a flood of registrations only
 * evicts older ones. Apollo prefixes keys (`apq:<sha256>`).
 */
export class PersistedQueryCache {
  private readonly registered: LRUCache<string, string>;

  constructor(
    private readonly trusted: TrustedDocuments,
    maxBytes = 20_000_000,
  ) {
    this.registered = new LRUCache({ maxSize: maxBytes, sizeCalculation: (value, key) => value.length + key.length });
  }

  async get(key: string): Promise<string | undefined> {
    return this.trusted.get(key.slice(key.lastIndexOf(':') + 1)) ?? this.registered.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.trusted.has(key.slice(key.lastIndexOf(':') + 1))) this.registered.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.registered.delete(key);
  }
}
