import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { graphiqlAssetsDir } from '../paths';
import { fileInside, sendFile } from '../static-files';

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
    const file = fileInside(dir, path.slice('/graphiql/'.length));
    if (!file) return false;
    sendFile(res, file, 'public, max-age=3600');
    return true;
  }
  return false;
}
