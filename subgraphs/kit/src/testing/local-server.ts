import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a local server got: its method, headers and whole body. */
export interface ReceivedRequest {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LocalServer {
  /** Its GraphQL endpoint, `http://127.0.0.1:<port>/graphql` (any path is answered). */
  url: string;
  /** Every request so far, in order. */
  received: ReceivedRequest[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * An HTTP server on a free port of 127.0.0.1 for unit tests that need something at the other end
 * of a connection (a subgraph, a redirect target): `answer` gets each request once its body has been
 * read, and every request is recorded.
 */
export async function localServer(answer: (req: IncomingMessage, res: ServerResponse, body: string) => unknown): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      void answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
