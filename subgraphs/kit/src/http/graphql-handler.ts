import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { rememberRequestId } from '../errors';
import { withWriterScope } from '../provenance/writer-scope';

export interface GraphQLHandlerOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  /** Builds the operation's context; `body` is the parsed request body (an array for a batch), `requestId` the request's id (`requestIdOf`). */
  context: (req: IncomingMessage, body: unknown, requestId: string) => Promise<C>;
  /** Where an error no GraphQL response could carry is logged. */
  log?: Logger;
  /** Largest request body accepted, in bytes; larger ones are answered with 413. */
  maxBodyBytes?: number;
  /** Most operations one batched request may hold (when the server allows batching); more are answered with 400. */
  maxBatchSize?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Answers an HTTP request the way GraphQL clients expect, with a GraphQL error body. */
export function sendError(res: ServerResponse, status: number, message: string, code: string, extensions: Record<string, unknown> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

/** A request's id, for its log lines and its masked errors: the caller's `x-request-id` when it is a plain token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (!contentType.includes('json')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON', 'BAD_REQUEST');
  }
}

/** Bridges node:http to Apollo Server's `executeHTTPGraphQLRequest`. */
export function graphqlHandler<C extends BaseContext>(options: GraphQLHandlerOptions<C>) {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const maxBatch = options.maxBatchSize ?? 10;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdOf(req);
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = req.method === 'POST' ? parseBody(await readBody(req, limit), headers.get('content-type') ?? '') : undefined;
      if (Array.isArray(body) && body.length > maxBatch) {
        throw new HttpError(400, `a batch may hold at most ${maxBatch} operations; this one holds ${body.length}`, 'BAD_REQUEST');
      }
      const response = await withWriterScope(() =>
        options.server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          // a context that fails (a credential lookup) is answered by Apollo without the request: its error keeps the id
          context: () =>
            options.context(req, body, requestId).catch((error: unknown) => {
              rememberRequestId(error, requestId);
              throw error;
            }),
        }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof HttpError) {
        sendError(res, error.status, error.message, error.code);
      } else {
        options.log?.error({ err: error, requestId }, 'unexpected error while answering');
        sendError(res, 500, `Internal error (request ${requestId})`, 'INTERNAL_SERVER_ERROR', { requestId });
      }
    }
  };
}
