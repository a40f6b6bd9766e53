import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';
import { graphiqlAssetsDir } from '../paths';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

function sendFile(res: ServerResponse, file: string, cache: string): void {
  const extension = file.slice(file.lastIndexOf('.'));
  res.writeHead(200, { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'cache-control': cache });
  createReadStream(file).pipe(res);
}

/**
 * GraphiQL, built locally from npm packages into public/graphiql (no CDN, works offline):
 * the page at / (and at /graphql for browsers), its assets under /graphiql/.
 * Returns false when the request is not for GraphiQL.
 */
export function serveGraphiql(req: IncomingMessage, res: ServerResponse, path: string, wantsHtml: boolean): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const dir = graphiqlAssetsDir();
  if (path === '/' || (path === '/graphql' && wantsHtml && !(req.url ?? '').includes('query='))) {
    const page = join(dir, 'index.html');
    if (!existsSync(page)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('GraphiQL is not built: run `npm run build`.');
      return true;
    }
    sendFile(res, page, 'no-cache');
    return true;
  }
  if (path.startsWith('/graphiql/')) {
    const file = normalize(join(dir, path.slice('/graphiql/'.length)));
    if (!file.startsWith(dir) || !existsSync(file)) return false;
    sendFile(res, file, 'public, max-age=3600');
    return true;
  }
  return false;
}
