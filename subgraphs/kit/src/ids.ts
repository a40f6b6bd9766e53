import { createHash, randomUUID } from 'node:crypto';
import { v7 } from 'uuid';

/** A fresh random id for a new row. */
export function newId(): string {
  return randomUUID();
}

/**
 * A fresh id that sorts by creation time (UUID version 7, RFC 9562), for rows written in bulk and
 * never updated: the audit trail. A random id lands on a random page of the primary key's index;
 * on a table of millions of rows that made each insert touch (and, after a checkpoint, log in
 * full) as many index pages as it had rows, and PostgreSQL spent twice the CPU on a hub admin's
 * dashboard's audit rows (bench/README.md). Later ids go to the index's right edge instead.
 */
export function newTimeOrderedId(): string {
  return v7();
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
