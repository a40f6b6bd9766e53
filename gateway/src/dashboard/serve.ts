import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { dashboardAssetsDir } from '../paths';
import { fileInside, sendFile } from '../static-files';

/**
 * The page may load only what the gateway serves itself and talk only to its /graphql (HTTP and
 * graphql-ws): no CDN, no third party. ECharts sets inline styles, hence 'unsafe-inline' for style.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The sector dashboard, built with Vite into public/dashboard (no CDN, works offline): the page
 * at /dashboard, its hashed assets under /dashboard/assets/. Returns false for other requests.
 */
export function serveDashboard(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return false;
  const dir = dashboardAssetsDir();
  if (path === '/dashboard' || path === '/dashboard/' || path === '/dashboard/index.html') {
    const page = join(dir, 'index.html');
    if (!existsSync(page)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The dashboard is not built: run `npm run build`.');
      return true;
    }
    sendFile(res, page, 'no-cache', { 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'same-origin' });
    return true;
  }
  const file = fileInside(dir, path.slice('/dashboard/'.length));
  if (!file) return false;
  sendFile(res, file, path.startsWith('/dashboard/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  return true;
}
