import type { BaseContext } from '@apollo/server';
import type { Identity } from '@ngo-hub/kit/common';
import type { Caller } from './limits/caller';

/** What the gateway knows about a request. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  /** Who is calling, from their credential (gateway/src/auth); signed into every subgraph fetch. */
  identity: Identity;
  /** Who is calling, as the limits see it (rate-limit key, authenticated or not, client name); a socket's is found on connect. */
  caller?: Caller;
  /** A query the gateway built itself to resolve an admitted subscription's events, not the caller's text. */
  derived?: boolean;
}
