import type { Identity } from '@ngo-hub/kit/common';

/**
 * What a caller proved once (a verified JWT, a well-formed API key, no credential at all), from
 * which their rights are resolved again whenever they are needed. An HTTP request resolves it
 * once; a socket resolves it for every operation and event it serves, so a revoked key, a removed
 * membership or an expired token stops taking effect on open sockets within IDENTITY_CACHE_MS.
 */
export interface Credential {
  /** Whether the caller proved who they are (anything but anonymous). */
  authenticated: boolean;
  /** When the credential stops being valid (a JWT's `exp`), in epoch milliseconds; undefined when it does not expire by itself. */
  expiresAt?: number;
  /**
   * The caller's rights now, through the gateway's identity cache; UNAUTHENTICATED once the
   * credential is revoked or expired. Synchronous when the cache holds them: a socket asks for
   * every event it delivers, a thousand times per event at a thousand subscribers.
   */
  identity(): Identity | Promise<Identity>;
}
