import type { Identity, Logger } from '@ngo-hub/kit/common';
import type { WebSocket } from 'ws';
import type { Credential } from '../auth/credential';
import { UnauthenticatedError } from '../auth/unauthenticated';
import { CLOSE_FORBIDDEN } from '../limits/socket-limits';
/** setTimeout's longest delay; a later expiry re-arms the timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A WebSocket close reason holds at most 123 bytes. */
const closeReason = (message: string) =>
  Buffer.from(`Forbidden: ${message}`)
    .subarray(0, 123)
    .toString()
    .replace(/\uFFFD$/, '');

/**
 * A socket's caller while the socket is open. The credential was verified on connect; its rights
 * are resolved again for every operation and every event (through the identity cache HTTP uses,
 * IDENTITY_CACHE_MS), so a removed membership narrows what the socket may do and read, and a
 * revoked API key or an expired JWT makes it refuse everything and close with 4403. A JWT's
 * socket is also closed at the token's `exp`, whether or not it is in use.
 */
export class SocketIdentity {
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly credential: Credential,
    private readonly socket: WebSocket,
    private readonly log: Logger,
  ) {
    if (credential.expiresAt !== undefined) this.closeAt(credential.expiresAt);
    socket.once('close', () => {
      this.closed = true;
      clearTimeout(this.timer);
    });
  }

  /**
   * The caller's rights now (synchronous when the identity cache holds them); UNAUTHENTICATED,
   * and the socket closing with 4403, once the credential no longer holds.
   */
  current(): Identity | Promise<Identity> {
    try {
      const identity = this.credential.identity();
      return identity instanceof Promise ? identity.catch((error: unknown) => this.refused(error)) : identity;
    } catch (error) {
      return this.refused(error);
    }
  }

  private refused(error: unknown): never {
    if (error instanceof UnauthenticatedError) this.close(error.message);
    throw error;
  }

  private closeAt(expiresAt: number): void {
    const wait = expiresAt - Date.now();
    if (wait <= 0) return this.close('the bearer token has expired');
    this.timer = setTimeout(() => this.closeAt(expiresAt), Math.min(wait, MAX_TIMER_MS));
    this.timer.unref();
  }

  /** Closes the socket after the answer already being sent (an operation's UNAUTHENTICATED error) has gone out. */
  private close(message: string): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.log.info({ reason: message }, 'socket closed: its credential no longer holds');
    setImmediate(() => this.socket.close(CLOSE_FORBIDDEN, closeReason(message)));
  }
}
