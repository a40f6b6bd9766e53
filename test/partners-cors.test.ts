import { freePort } from '@ngo-hub/kit/processes';
import { createServer, request, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium, newContext } from './setup/browser';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayUrl } from './setup/hub';
import { adminHeaders } from './setup/identities';

// Browser clients on other origins: CORS preflights as browsers send them, a real page in Debian's
// Chromium on another origin, and compressed answers.
const CLIENT_HEADERS = 'content-type,authorization,x-api-key,apollographql-client-name,apollo-require-preflight';
const QUERY = '{ organizations(first: 30) { totalCount nodes { id name nameZh description city } } }';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with exactly these headers (a browser's Origin included), the body as sent on the wire. */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const preflight = (url: string, origin: string) =>
  raw(url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': CLIENT_HEADERS });

describe('partners: browser clients on other origins (CORS) and compressed answers', () => {
  it('answers a preflight from a page on this machine in development, with every header a GraphQL client sends', async () => {
    const answer = await preflight(gatewayUrl(), 'http://localhost:5173');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    expect(String(answer.headers['access-control-allow-methods']).split(',')).toEqual(expect.arrayContaining(['GET', 'POST']));
    const allowed = String(answer.headers['access-control-allow-headers']).split(',');
    expect(allowed).toEqual(expect.arrayContaining(CLIENT_HEADERS.split(',')));
    expect(String(answer.headers.vary)).toMatch(/Origin/i);
  });

  it('gives a page from an origin it does not allow no CORS headers, so the browser withholds the answer', async () => {
    const answer = await preflight(gatewayUrl(), 'https://attacker.example');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const post = await raw(
      gatewayUrl(),
      'POST',
      { origin: 'https://attacker.example', 'content-type': 'application/json' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps CSRF prevention for cross-origin simple requests', async () => {
    const post = await raw(
      gatewayUrl(),
      'POST',
      { origin: 'http://localhost:5173', 'content-type': 'text/plain' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(post.status).toBe(400);
    expect(post.body.toString()).toMatch(/preflight/i);
  });

  it('compresses large answers with brotli or gzip, as the client asks, and leaves small ones alone', async () => {
    const body = JSON.stringify({ query: QUERY });
    const plain = await raw(gatewayUrl(), 'POST', { 'content-type': 'application/json' }, body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await raw(gatewayUrl(), 'POST', { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' }, body);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gzip = await raw(gatewayUrl(), 'POST', { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const small = await raw(
      gatewayUrl(),
      'POST',
      { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  describe('with CORS_ORIGINS, in a real browser', () => {
    let browser: Browser;
    let pages: Server;
    let pageOrigin: string;
    let otherOrigin: string;
    let listed: Awaited<ReturnType<typeof startGatewayProcess>>;
    let production: Awaited<ReturnType<typeof startGatewayProcess>>;

    beforeAll(async () => {
      // a partner's web app: the same page served on two origins of this machine, one of them listed
      const port = await freePort();
      pageOrigin = `http://127.0.0.1:${port}`;
      otherOrigin = `http://localhost:${port}`;
      pages = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>partner app</title>'));
      await new Promise<void>((resolve) => pages.listen(port, '127.0.0.1', resolve));
      [listed, production] = await Promise.all([
        startGatewayProcess({ CORS_ORIGINS: `${pageOrigin}, https://partner.example.org` }),
        startGatewayProcess({ HUB_MODE: 'production' }),
      ]);
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all([listed?.stop(), production?.stop()]);
      await new Promise((resolve) => pages?.close(resolve));
    });

    /** Runs a partner's fetch of /graphql (JSON, bearer-style credentials) from a page served at `origin`. */
    async function fetchFrom(origin: string, url: string): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/`);
        return await page.evaluate(
          async ([target, key]) => {
            try {
              const response = await fetch(target, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-api-key': key, 'apollographql-client-name': 'partner-app' },
                body: JSON.stringify({ query: '{ organizations(first: 2) { totalCount nodes { name } } }' }),
              });
              return { ok: true as const, data: (await response.json()).data };
            } catch (error) {
              return { ok: false as const, error: String(error) };
            }
          },
          [url, adminHeaders()['x-api-key']] as const,
        );
      } finally {
        await context.close();
      }
    }

    it("lets a listed origin's page call /graphql with credentials, and stops an unlisted one", async () => {
      const allowed = await fetchFrom(pageOrigin, listed.url);
      expect(allowed).toEqual({ ok: true, data: { organizations: { totalCount: expect.any(Number), nodes: expect.any(Array) } } });
      // localhost is allowed by default in development, but not once CORS_ORIGINS lists the origins
      const refused = await fetchFrom(otherOrigin, listed.url);
      expect(refused.ok).toBe(false);
      const listedPreflight = await preflight(listed.url, 'https://partner.example.org');
      expect(listedPreflight.headers['access-control-allow-origin']).toBe('https://partner.example.org');
    });

    it('allows no other origin in production unless CORS_ORIGINS lists it', async () => {
      expect((await preflight(production.url, 'http://localhost:5173')).headers['access-control-allow-origin']).toBeUndefined();
      expect((await fetchFrom(pageOrigin, production.url)).ok).toBe(false);
    });
  });
});
