import { createHash, randomUUID } from 'node:crypto';

/** A fresh random id for a new row. */
export function newId(): string {
  return randomUUID();
}

const SEED_NAMESPACE = 'ngo-hub.seed';

/**
 * A stable UUID (version 5 layout) derived from a readable slug, so that seed rows keep the same
 * id on every machine and subgraphs can refer to each other's seed rows without a lookup.
 */
export function seedId(slug: string): string {
  const hash = createHash('sha1').update(`${SEED_NAMESPACE}:${slug}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
