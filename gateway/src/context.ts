import type { BaseContext } from '@apollo/server';
import type { Identity } from '@ngo-hub/kit';

/** What the gateway knows about a request. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  /** Who is calling, from their credential (gateway/src/auth); signed into every subgraph fetch. */
  identity: Identity;
}
