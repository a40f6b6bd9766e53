import { createHash, randomBytes } from 'node:crypto';

/** An API key as partners see it once: `ngo_` and 40 hex characters. */
export const API_KEY_PATTERN = /^ngo_[0-9a-f]{40}$/;

/** What is stored and looked up: the SHA-256 of the key, never the key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key, its hash, and the prefix shown in lists to tell keys apart. */
export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `ngo_${randomBytes(20).toString('hex')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 12) };
}
