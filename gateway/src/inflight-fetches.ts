import { IDENTITY_HEADER, SubgraphResponse } from '@ngo-hub/kit/common';
import { Kind, OperationTypeNode, parse } from 'graphql';

interface SharedAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** What a fetch answers, as far as sharing it needs: a fetch Response or a SubgraphResponse. */
type Answer = Pick<Response, 'status' | 'headers' | 'text'>;

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
  async fetch<T extends Answer>(url: string, init: RequestInit, send: () => Promise<T>): Promise<T | SubgraphResponse> {
    const key = readKey(url, init);
    if (key === undefined) return send();
    let shared = this.inflight.get(key);
    if (!shared) {
      shared = send()
        .then(async (response) => ({ status: response.status, headers: [...response.headers], body: await response.text() }))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, shared);
    }
    const answer = await shared;
    return new SubgraphResponse(answer.status, answer.headers, answer.body, url);
  }

  get size(): number {
    return this.inflight.size;
  }
}

/** The key of a read (a `query` operation the gateway planned), or undefined for anything else. */
function readKey(url: string, init: RequestInit): string | undefined {
  if (typeof init.body !== 'string') return undefined;
  const query = queryOf(init.body);
  if (typeof query !== 'string' || !isRead(query)) return undefined;
  return `${url}\n${identityClaims(identityOf(init.headers))}\n${init.body}`;
}

const QUERY_FIRST = '{"query":"';

/**
 * The `query` of a fetch's JSON body. @apollo/gateway writes it first, before the variables (an
 * `_entities` fetch's representations can be most of the body): read just that string, and parse
 * the whole body only when it is written otherwise.
 */
function queryOf(body: string): unknown {
  if (body.startsWith(QUERY_FIRST)) {
    let end = QUERY_FIRST.length - 1;
    do end = body.indexOf('"', end + 1);
    while (end !== -1 && escaped(body, end));
    if (end !== -1) {
      try {
        return JSON.parse(body.slice(QUERY_FIRST.length - 1, end + 1)) as unknown;
      } catch {
        return undefined;
      }
    }
  }
  try {
    return (JSON.parse(body) as { query?: unknown }).query;
  } catch {
    return undefined;
  }
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

/** The identity header of a fetch: @apollo/gateway passes headers as a plain object with lower-case names. */
function identityOf(headers: RequestInit['headers']): string {
  if (headers && !(headers instanceof Headers) && !Array.isArray(headers)) {
    const value = (headers as Record<string, string | undefined>)[IDENTITY_HEADER];
    if (value !== undefined) return value;
  }
  return new Headers(headers).get(IDENTITY_HEADER) ?? '';
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

/** Claims of the identity tokens seen lately: a request's fetches all carry the same token. */
const claimsOf = new Map<string, string>();

/** The payload of the gateway's own identity JWT without its times: who is asking. */
function identityClaims(token: string): string {
  let claims = claimsOf.get(token);
  if (claims === undefined) {
    claims = decodeClaims(token);
    if (claimsOf.size >= MAX_REMEMBERED) claimsOf.clear();
    claimsOf.set(token, claims);
  }
  return claims;
}

function decodeClaims(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return token;
  try {
    const { iat: _iat, exp: _exp, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return JSON.stringify(claims);
  } catch {
    return token;
  }
}
