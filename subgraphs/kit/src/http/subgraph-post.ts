import { STATUS_CODES } from 'node:http';
import type { Agent } from 'undici';

/**
 * A subgraph's answer with the part of a fetch Response its readers use (@apollo/gateway reads
 * `ok`, `status`, `headers.get`, `json()` or `text()`), over a body already read as text: a fetch
 * Response's body is a WHATWG stream that each reader decodes again. Every `json()` parses the
 * text anew, so callers never share objects.
 */
export class SubgraphResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;

  constructor(
    readonly status: number,
    headers: Headers | [string, string][],
    private readonly body: string,
    url = '',
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = headers instanceof Headers ? headers : new Headers(headers);
    this.url = url;
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }

  json(): Promise<unknown> {
    return new Promise((resolve) => resolve(JSON.parse(this.body) as unknown));
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.body).buffer as ArrayBuffer);
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.status, this.headers, this.body, this.url);
  }
}

/** A POST's headers (lower-case names, as @apollo/gateway and SubgraphClient write them) and JSON body. */
export interface SubgraphPost {
  headers: Record<string, string>;
  body: string;
}

/**
 * undici, loaded by the first POST: 38 ms of CPU to require (5 December 2026), which a process
 * that never calls a subgraph (a subgraph that only serves reads, `migrate`, `seed`) spares.
 */
let undici: { request: typeof import('undici').request; agent: Agent } | undefined;

/**
 * undici's `request`, and keep-alive connections to the subgraphs shared by every caller in the
 * process. undici's own idle timeout (4 s, shortened to a server's `Keep-Alive: timeout` hint), as
 * the global fetch had: kept longer, a connection could be reused just as a server or proxy closes
 * it, and a POST is not retried.
 */
function undiciOnFirstUse(): NonNullable<typeof undici> {
  if (!undici) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
    const library = require('undici') as typeof import('undici');
    undici = { request: library.request, agent: new library.Agent() };
  }
  return undici;
}

/**
 * POSTs to a subgraph with undici's `request`, not the global fetch, which passes both the request
 * body and the answer through WHATWG streams and builds a Request, a Response and their Headers for
 * each: the gateway's planned fetches (subgraph-data-source.ts) and the hub's own calls
 * (SubgraphClient). Under the six-city dashboard this cut the gateway's own CPU per answer by 15%
 * (bench/README.md). Aborts with `signal`'s reason (a TimeoutError for AbortSignal.timeout).
 * Redirects are answered as they come, never followed: a signed identity goes to the URL it was
 * signed for only.
 */
export async function postToSubgraph(url: string, init: SubgraphPost, signal: AbortSignal): Promise<SubgraphResponse> {
  const { request, agent } = undiciOnFirstUse();
  const { statusCode, headers, body } = await request(url, {
    method: 'POST',
    headers: init.headers,
    body: init.body,
    signal,
    dispatcher: agent,
  });
  const text = await body.text();
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const one of value) pairs.push([name, one]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return new SubgraphResponse(statusCode, pairs, text, url);
}
