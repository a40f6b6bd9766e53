import { ConfigError, hubMode, parseEnv, type HubMode } from '@ngo-hub/kit/common';
import { join } from 'node:path';
import { z } from 'zod';
import { gatewayRoot } from '../paths';
import type { WorkLimits } from './operation-work';

export type { HubMode };

/** Who may use a development aid (introspection, "did you mean" suggestions). */
export type Audience = 'everyone' | 'authenticated' | 'nobody';

/**
 * `off`: any operation runs (registered ones may still be sent by hash);
 * `flagged`: clients named in TRUSTED_DOCUMENT_CLIENTS may run registered operations only;
 * `all`: every HTTP operation must be registered.
 */
export type TrustedDocumentsMode = 'off' | 'flagged' | 'all';

export interface LimitsConfig {
  mode: HubMode;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Validation work one document may ask for, checked in one cheap pass before graphql validates it (see operation-work.ts); anonymous callers get less. */
  work: { authenticated: WorkLimits; anonymous: WorkLimits };
  /** Operations allowed in one batched HTTP request; 1 turns batching off. */
  maxBatch: number;
  introspection: Audience;
  fieldSuggestions: Audience;
  /** Tokens refilled per second in each caller's bucket; 0 turns rate limiting off. */
  rateLimitPerSecond: number;
  /** A bucket's size: how many operations a caller may send at once after a quiet spell. */
  rateLimitBurst: number;
  trustedDocuments: TrustedDocumentsMode;
  trustedDocumentClients: string[];
  trustedDocumentsPath: string;
  /** Longest time a whole HTTP request (body included) may take. */
  requestTimeoutMs: number;
  /** Subscriptions one WebSocket may hold open at once. */
  maxSubscriptionsPerSocket: number;
}

const count = (min: number) => z.coerce.number().int().min(min);
const audience = z.enum(['everyone', 'authenticated', 'nobody']);

/** The gateway's limits from its environment, with the defaults of its mode. */
export function loadLimitsConfig(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const mode = hubMode(env);
  const production = mode === 'production';
  const parsed = parseEnv(
    z.object({
      MAX_DEPTH: count(1).default(16),
      MAX_COST: count(1).default(100_000),
      MAX_ALIASES: count(0).default(50),
      MAX_DIRECTIVES: count(0).default(30),
      MAX_TOKENS: count(10).default(5000),
      MAX_SELECTIONS: count(1).default(1000),
      MAX_SELECTIONS_ANONYMOUS: count(1).default(500),
      MAX_FIELD_PAIRS: count(0).default(1000),
      MAX_FIELD_PAIRS_ANONYMOUS: count(0).default(200),
      MAX_BATCH: count(1).max(1000).default(10),
      INTROSPECTION: audience.default(production ? 'authenticated' : 'everyone'),
      FIELD_SUGGESTIONS: audience.default(production ? 'authenticated' : 'everyone'),
      RATE_LIMIT_PER_SECOND: z.coerce
        .number()
        .min(0)
        .default(production ? 20 : 0),
      RATE_LIMIT_BURST: count(1).optional(),
      TRUSTED_DOCUMENTS: z.enum(['off', 'flagged', 'all']).default(production ? 'flagged' : 'off'),
      TRUSTED_DOCUMENT_CLIENTS: z.string().default('ngo-hub-dashboard'),
      TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(join(gatewayRoot(), 'trusted-documents.json')),
      REQUEST_TIMEOUT_MS: count(1000).max(600_000).default(30_000),
      MAX_SUBSCRIPTIONS_PER_SOCKET: count(1).default(100),
    }),
    env,
  ) as {
    MAX_DEPTH: number;
    MAX_COST: number;
    MAX_ALIASES: number;
    MAX_DIRECTIVES: number;
    MAX_TOKENS: number;
    MAX_SELECTIONS: number;
    MAX_SELECTIONS_ANONYMOUS: number;
    MAX_FIELD_PAIRS: number;
    MAX_FIELD_PAIRS_ANONYMOUS: number;
    MAX_BATCH: number;
    INTROSPECTION: Audience;
    FIELD_SUGGESTIONS: Audience;
    RATE_LIMIT_PER_SECOND: number;
    RATE_LIMIT_BURST?: number;
    TRUSTED_DOCUMENTS: TrustedDocumentsMode;
    TRUSTED_DOCUMENT_CLIENTS: string;
    TRUSTED_DOCUMENTS_PATH: string;
    REQUEST_TIMEOUT_MS: number;
    MAX_SUBSCRIPTIONS_PER_SOCKET: number;
  };
  return {
    mode,
    maxDepth: parsed.MAX_DEPTH,
    maxCost: parsed.MAX_COST,
    maxAliases: parsed.MAX_ALIASES,
    maxDirectives: parsed.MAX_DIRECTIVES,
    maxTokens: parsed.MAX_TOKENS,
    work: {
      authenticated: { maxSelections: parsed.MAX_SELECTIONS, maxFieldPairs: parsed.MAX_FIELD_PAIRS },
      // never more for anonymous callers than for authenticated ones
      anonymous: {
        maxSelections: Math.min(parsed.MAX_SELECTIONS_ANONYMOUS, parsed.MAX_SELECTIONS),
        maxFieldPairs: Math.min(parsed.MAX_FIELD_PAIRS_ANONYMOUS, parsed.MAX_FIELD_PAIRS),
      },
    },
    maxBatch: parsed.MAX_BATCH,
    introspection: parsed.INTROSPECTION,
    fieldSuggestions: parsed.FIELD_SUGGESTIONS,
    rateLimitPerSecond: parsed.RATE_LIMIT_PER_SECOND,
    rateLimitBurst: parsed.RATE_LIMIT_BURST ?? Math.max(1, Math.ceil(parsed.RATE_LIMIT_PER_SECOND * 5)),
    trustedDocuments: parsed.TRUSTED_DOCUMENTS,
    trustedDocumentClients: parsed.TRUSTED_DOCUMENT_CLIENTS.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    trustedDocumentsPath: parsed.TRUSTED_DOCUMENTS_PATH,
    requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
    maxSubscriptionsPerSocket: parsed.MAX_SUBSCRIPTIONS_PER_SOCKET,
  };
}

/**
 * How many operations the shared (Redis) rate limit lets through at once at `perSecond`: it counts
 * in fixed windows of whole seconds (one second, or the seconds one operation takes to come back
 * below 1 a second), so a window's whole allowance can be spent at once. A RATE_LIMIT_BURST below
 * this cannot be kept with REDIS_URL.
 */
export function sharedWindowAllowance(perSecond: number): { windowSeconds: number; operations: number } {
  const windowSeconds = Math.max(1, Math.ceil(1 / perSecond));
  return { windowSeconds, operations: Math.max(1, Math.floor(perSecond * windowSeconds)) };
}

/**
 * Refuses a RATE_LIMIT_BURST the shared rate limit would not keep: with REDIS_URL a caller could
 * spend a whole window's allowance at once, more than the burst the operator set (the in-memory
 * token bucket keeps any burst).
 */
export function checkSharedRateLimit(limits: LimitsConfig, redisUrl: string | undefined): void {
  if (!redisUrl || !(limits.rateLimitPerSecond > 0)) return;
  const { windowSeconds, operations } = sharedWindowAllowance(limits.rateLimitPerSecond);
  if (limits.rateLimitBurst >= operations) return;
  const window = windowSeconds === 1 ? 'each second' : `every ${windowSeconds} s`;
  throw new ConfigError(
    `RATE_LIMIT_BURST=${limits.rateLimitBurst}: with REDIS_URL the shared rate limit counts ${limits.rateLimitPerSecond} operations ${window} and lets them all through at once, more than this burst; set RATE_LIMIT_BURST to at least ${operations}, or unset it (5 × the rate)`,
  );
}
