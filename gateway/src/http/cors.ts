import { parseEnv } from '@ngo-hub/kit/common';
import cors from 'cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { HubMode } from '../limits/limits-config';

/**
 * Which web pages on other origins may call the hub from a browser:
 * `listed` the origins of CORS_ORIGINS (with credentials), `localhost` any page served from this
 * machine (development's default), `any` every origin without credentials (`CORS_ORIGINS=*`),
 * `none` no other origin (production's default).
 */
export type CorsConfig = { allow: 'listed'; origins: string[] } | { allow: 'localhost' } | { allow: 'any' } | { allow: 'none' };

/** The headers GraphQL clients send (Apollo Client, urql, graphql-request, GraphiQL, graphql-ws's HTTP siblings). */
export const CORS_REQUEST_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const originsOf = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);

/** CORS_ORIGINS: comma-separated origins, `*`, or unset for the mode's default. */
export function loadCorsConfig(env: NodeJS.ProcessEnv, mode: HubMode): CorsConfig {
  const parsed = parseEnv(
    z.object({
      CORS_ORIGINS: z
        .string()
        .trim()
        .refine(
          (value) => value === '*' || originsOf(value).every(isOrigin),
          '*, or origins separated by commas such as https://partner.example.org (scheme, host and port; no path or trailing slash)',
        )
        .optional(),
    }),
    env,
  ) as { CORS_ORIGINS?: string };
  const value = parsed.CORS_ORIGINS;
  if (value === undefined || value === '') return mode === 'production' ? { allow: 'none' } : { allow: 'localhost' };
  if (value === '*') return { allow: 'any' };
  return { allow: 'listed', origins: originsOf(value) };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a page served from `requestOrigin` may read the hub's answers. */
export function originAllowed(config: CorsConfig, requestOrigin: string): boolean {
  switch (config.allow) {
    case 'any':
      return true;
    case 'none':
      return false;
    case 'listed':
      return config.origins.includes(requestOrigin.toLowerCase());
    case 'localhost':
      try {
        return LOCAL_HOSTS.has(new URL(requestOrigin).hostname);
      } catch {
        return false;
      }
  }
}

/**
 * Answers preflights and adds the CORS headers for allowed origins (the `cors` package does the
 * protocol). Returns true when it answered the request itself: a preflight, allowed or not (a
 * refused one gets no CORS headers, so the browser stops there). CSRF prevention is untouched: a
 * cross-origin POST without a JSON body or a preflight header is still refused by Apollo.
 */
export function corsHandler(config: CorsConfig): (req: IncomingMessage, res: ServerResponse) => boolean {
  const middleware = cors({
    origin: (requestOrigin, callback) => callback(null, requestOrigin !== undefined && originAllowed(config, requestOrigin)),
    credentials: config.allow !== 'any',
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) => {
    // with an origin callback that answers at once, `cors` runs synchronously
    middleware(req, res, () => undefined);
    if (res.writableEnded) return true;
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204, { 'content-length': '0' }).end();
    return true;
  };
}
