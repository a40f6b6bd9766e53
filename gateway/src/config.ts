import { DEFAULT_PORTS, hubMode, parseEnv, subgraphUrls, subgraphUrlVariables, type SubgraphName } from '@ngo-hub/kit/common';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadCorsConfig, type CorsConfig } from './http/cors';
import { checkSharedRateLimit, loadLimitsConfig, type LimitsConfig } from './limits/limits-config';
import { loadAuthConfig, type AuthConfig } from './auth/auth-config';
import { repositoryRoot } from './paths';
import { loadSharedStateConfig, type SharedStateConfig } from './shared-state/shared-state-config';
import { loadLiveUpdatesConfig, type LiveUpdatesConfig } from './subscriptions/live-updates-config';
import { loadWebhooksConfig, type WebhooksConfig } from './webhooks/webhooks-config';

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** How often the supergraph file is checked for a new composition (SUPERGRAPH_POLL_MS). */
  supergraphPollMs: number;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  maxBodyBytes: number;
  logLevel: string;
  /** How callers authenticate and how the gateway signs their identity for subgraphs (gateway/src/auth). */
  auth: AuthConfig;
  /** What callers may send: depth, cost, rate, trusted documents, introspection (gateway/src/limits). */
  limits: LimitsConfig;
  /** Subscriptions over graphql-ws from the hub event log (gateway/src/subscriptions). */
  liveUpdates: LiveUpdatesConfig;
  /** Delivery of the hub event log to organizations' webhook endpoints (gateway/src/webhooks). */
  webhooks: WebhooksConfig;
  /** Which pages on other origins may call /graphql from a browser (CORS_ORIGINS). */
  cors: CorsConfig;
  /** Redis for what gateway instances share (gateway/src/shared-state). */
  sharedState: SharedStateConfig;
  /** Anonymous and API-key reads of public data answered from the response cache (RESPONSE_CACHE, on by default). */
  responseCache: boolean;
}

/** The gateway's configuration from its environment; a bad value stops it with the variable's name. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnv(
    z.object({
      HOST: z.string().min(1).default('127.0.0.1'),
      PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS.gateway),
      SUPERGRAPH_PATH: z
        .string()
        .min(1)
        .default(resolve(repositoryRoot(), 'schema', 'supergraph.graphql')),
      SUPERGRAPH_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
      MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
      ...subgraphUrlVariables(),
    }),
    env,
  ) as {
    HOST: string;
    PORT: number;
    SUPERGRAPH_PATH: string;
    SUPERGRAPH_POLL_MS: number;
    SUBGRAPH_TIMEOUT_MS: number;
    MAX_BODY_BYTES: number;
    LOG_LEVEL: string;
    RESPONSE_CACHE: 'on' | 'off';
  };
  const limits = loadLimitsConfig(env);
  const sharedState = loadSharedStateConfig(env);
  checkSharedRateLimit(limits, sharedState.redisUrl);
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    supergraphPollMs: parsed.SUPERGRAPH_POLL_MS,
    subgraphUrls: subgraphUrls(env),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    logLevel: parsed.LOG_LEVEL,
    auth: loadAuthConfig(env),
    limits,
    liveUpdates: loadLiveUpdatesConfig(env),
    webhooks: loadWebhooksConfig(env),
    cors: loadCorsConfig(env, hubMode(env)),
    sharedState,
    responseCache: parsed.RESPONSE_CACHE === 'on',
  };
}
