import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient, type Client } from 'graphql-ws';

/**
 * GraphiQL's fetcher for the hub: queries and mutations over HTTP with the Headers tab, and
 * subscriptions over graphql-ws with the same headers as the socket's `connectionParams` (the
 * gateway authenticates a socket from `authorization` / `x-api-key` there). A change of headers
 * opens a new socket; the old one is closed.
 */
export function hubFetcher(url: string, onRefused: (message: string | undefined) => void): Fetcher {
  const socketUrl = url.replace(/^http/, 'ws');
  let socket: { key: string; client: Client } | undefined;
  const socketFor = (headers: Record<string, unknown> = {}): Client => {
    const key = JSON.stringify(headers);
    if (socket?.key !== key) {
      void socket?.client.dispose();
      socket = { key, client: createClient({ url: socketUrl, lazy: true, retryAttempts: 3, connectionParams: headers }) };
    }
    return socket.client;
  };
  return async (params, options) => {
    const result = await createGraphiQLFetcher({ url, wsClient: socketFor(options?.headers) })(params, options);
    if (params.operationName === 'IntrospectionQuery' && result && typeof result === 'object' && 'errors' in result) {
      const errors = (result as { errors?: { message: string; extensions?: { code?: string } }[] }).errors ?? [];
      onRefused(errors.find((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED')?.message);
    } else if (params.operationName === 'IntrospectionQuery') {
      onRefused(undefined);
    }
    return result;
  };
}
