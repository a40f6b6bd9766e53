import type { Identity } from '@ngo-hub/kit/common';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Who is calling, as far as the limits care: a key to count their requests by, and whether they proved who they are. */
export interface Caller {
  /** `key:<API key id>` or `person:<id>` for members, `admin` for the hub's operators, `ip:<address>` for anonymous callers. */
  key: string;
  authenticated: boolean;
  /** The `apollographql-client-name` header: which client application says it sent the request. */
  clientName?: string;
}

function keyOf(identity: Identity | undefined, req: IncomingMessage): string {
  if (identity?.kind === 'caller') {
    if (identity.apiKeyId) return `key:${identity.apiKeyId}`;
    if (identity.personId) return `person:${identity.personId}`;
    return 'admin';
  }
  if (identity?.kind === 'service') return `service:${identity.service}`;
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * The caller of an HTTP request or a WebSocket, from the identity the gateway's authentication
 * found (undefined when it failed). The address is the request's socket's; `headers` are the
 * request's own, or for a WebSocket its upgrade request's overlaid with its connectionParams.
 */
export function callerOf(req: IncomingMessage, identity: Identity | undefined, headers: IncomingHttpHeaders = req.headers): Caller {
  const header = headers['apollographql-client-name'];
  return {
    key: keyOf(identity, req),
    authenticated: identity?.kind === 'caller' || identity?.kind === 'service',
    clientName: typeof header === 'string' && header ? header : undefined,
  };
}

/** Whether a development aid offered to `audience` is offered to this caller. */
export function isIn(audience: 'everyone' | 'authenticated' | 'nobody', caller: Caller | undefined): boolean {
  return audience === 'everyone' || (audience === 'authenticated' && !!caller?.authenticated);
}
