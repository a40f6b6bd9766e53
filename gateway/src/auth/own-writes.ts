import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { RefreshRights } from './identify';

/**
 * Resolves a caller's rights again after each mutation of theirs, before its answer goes out: a
 * person who just created an organization may create its API key with their next request, on
 * HTTP and on a socket alike (both run operations through Apollo).
 */
export function refreshRightsAfterWrites(refreshRights: RefreshRights): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation') refreshRights(contextValue.identity);
        },
      };
    },
  };
}
