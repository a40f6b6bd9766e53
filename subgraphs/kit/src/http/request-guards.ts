import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { errorRequestIds } from '../errors';
import { operationResolutionGuard } from './operation-resolution';
import { unsafeTextGuard } from './unsafe-text';

/**
 * What the gateway and every subgraph do to each request in Apollo's pipeline, the same way:
 * refuse text PostgreSQL cannot hold and an `operationName` that names no operation as the
 * caller's mistakes (4xx), and give every masked internal error its request id.
 */
export function requestGuards<C extends BaseContext & { requestId?: string }>(): ApolloServerPlugin<C>[] {
  return [unsafeTextGuard<C>(), operationResolutionGuard<C>(), errorRequestIds<C>()];
}
