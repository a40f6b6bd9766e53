import { IDENTITY_HEADER } from '@ngo-hub/kit';
import { Kind, OperationTypeNode, parse } from 'graphql';

interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * Identical subgraph reads in flight at the same time are sent once: when many dashboards ask the
 * same thing at once, the subgraph answers one fetch and every caller gets its own copy of the
 * answer (its own Response to parse, so nothing is shared after). Only reads, and only between
 * callers with the same identity: the key holds the signed identity's claims (not the signature,
 * which differs by the second it was made) and the exact operation and variables.
 */
export class InflightFetches {
  private readonly inflight = new Map<string, Promise<SharedAnswer>>();

  /** Fetches through `send`, or joins the identical fetch already under way. */
  async fetch(url: string, init: RequestInit, send: () => Promise<Response>): Promise<Response> {
    const key = readKey(url, init);
    if (key === undefined) return send();
    let shared = this.inflight.get(key);
    if (!shared) {
      shared = send()
        .then(async (response) => ({ status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() }))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, shared);
    }
    const answer = await shared;
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  }

  get size(): number {
    return this.inflight.size;
  }
}

/** The key of a read (a `query` operation the gateway planned), or undefined for anything else. */
function readKey(url: string, init: RequestInit): string | undefined {
  if (typeof init.body !== 'string') return undefined;
  let query: unknown;
  try {
    ({ query } = JSON.parse(init.body) as { query?: unknown });
  } catch {
    return undefined;
  }
  if (typeof query !== 'string' || !isRead(query)) return undefined;
  const token = new Headers(init.headers).get(IDENTITY_HEADER) ?? '';
  return `${url}\n${identityClaims(token)}\n${init.body}`;
}

/** Documents the planner sends, parsed once each: true when every operation in them is a query. */
const reads = new Map<string, boolean>();
const MAX_REMEMBERED = 5000;

function isRead(query: string): boolean {
  let read = reads.get(query);
  if (read === undefined) {
    try {
      const { definitions } = parse(query, { noLocation: true });
      read = definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === OperationTypeNode.QUERY);
    } catch {
      read = false;
    }
    if (reads.size >= MAX_REMEMBERED) reads.clear();
    reads.set(query, read);
  }
  return read;
}

/** The payload of the gateway's own identity JWT without its times: who is asking. */
function identityClaims(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return token;
  try {
    const { iat: _iat, exp: _exp, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return JSON.stringify(claims);
  } catch {
    return token;
  }
}
