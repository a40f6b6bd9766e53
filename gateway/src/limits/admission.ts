import type { Identity } from '@ngo-hub/kit/common';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { callerOf, type Caller } from './caller';
import type { RateLimiter } from './rate-limiter';

/**
 * Identifies a caller with `identify` and spends `cost` tokens of their rate limit; throws
 * RateLimitedError when they have none left. A failed authentication is counted against the
 * caller's address, then rethrown. HTTP requests and WebSockets are admitted alike.
 */
export async function admitCaller(
  limiter: RateLimiter,
  req: IncomingMessage,
  headers: IncomingHttpHeaders,
  cost: number,
  identify: () => Promise<Identity>,
): Promise<{ identity: Identity; caller: Caller }> {
  let identity: Identity;
  try {
    identity = await identify();
  } catch (error) {
    await limiter.take(callerOf(req, undefined, headers).key, cost);
    throw error;
  }
  const caller = callerOf(req, identity, headers);
  await limiter.take(caller.key, cost);
  return { identity, caller };
}
