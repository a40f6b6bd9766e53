import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Compresses answers of 1 KB and more (brotli or gzip, as the client's Accept-Encoding asks)
 * through the `compression` package: a sector map or a dashboard's combined query is 100+ KB of
 * JSON that compresses tenfold. Graphql-ws frames are not touched (they never pass here).
 */
export function compressResponses(): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = compression({ threshold: 1024 });
  return (req, res) => middleware(req as never, res as never, () => undefined);
}
