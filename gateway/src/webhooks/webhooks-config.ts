import { ConfigError, hubMode, parseEnv, type HubMode } from '@ngo-hub/kit/common';
import { z } from 'zod';
import { DEFAULT_RETRY_SCHEDULE, MIN_PRODUCTION_RETRY_SPAN_MS, parseRetrySchedule, retrySpan } from './retry-schedule';

export interface WebhooksConfig {
  /** Whether this gateway instance may deliver (one instance at a time does); off for instances that should only serve. */
  deliver: boolean;
  /** Delays after each failed attempt, in milliseconds (WEBHOOK_RETRY_SCHEDULE). */
  retrySchedule: number[];
  /** How long an endpoint has to answer one attempt. */
  timeoutMs: number;
  /** Endpoints delivered to at the same time. */
  concurrency: number;
  /** How long finished deliveries stay in the delivery log admins read. */
  deliveryRetentionMs: number;
  /** Production refuses endpoints on private networks, also when a hostname resolves to one. */
  mode: HubMode;
}

export function loadWebhooksConfig(env: NodeJS.ProcessEnv): WebhooksConfig {
  const parsed = parseEnv(
    z.object({
      WEBHOOK_DELIVERY: z.enum(['on', 'off']).default('on'),
      WEBHOOK_RETRY_SCHEDULE: z
        .string()
        .default(DEFAULT_RETRY_SCHEDULE)
        .superRefine((text, ctx) => {
          try {
            parseRetrySchedule(text);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
          }
        }),
      WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
      WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
      WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(30),
    }),
    env,
  ) as {
    WEBHOOK_DELIVERY: 'on' | 'off';
    WEBHOOK_RETRY_SCHEDULE: string;
    WEBHOOK_TIMEOUT_MS: number;
    WEBHOOK_CONCURRENCY: number;
    WEBHOOK_DELIVERY_RETENTION_DAYS: number;
  };
  const mode = hubMode(env);
  const retrySchedule = parseRetrySchedule(parsed.WEBHOOK_RETRY_SCHEDULE);
  if (mode === 'production' && retrySpan(retrySchedule) < MIN_PRODUCTION_RETRY_SPAN_MS) {
    throw new ConfigError(
      `invalid configuration:\n  WEBHOOK_RETRY_SCHEDULE=${JSON.stringify(parsed.WEBHOOK_RETRY_SCHEDULE)}: expected retries spanning at least 24 hours in production`,
    );
  }
  return {
    deliver: parsed.WEBHOOK_DELIVERY === 'on',
    retrySchedule,
    timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
    concurrency: parsed.WEBHOOK_CONCURRENCY,
    deliveryRetentionMs: parsed.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000,
    mode,
  };
}
