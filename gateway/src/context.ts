import type { BaseContext } from '@apollo/server';

/** What the gateway knows about a request. */
export interface GatewayContext extends BaseContext {
  requestId: string;
}
