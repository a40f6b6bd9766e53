import { parseEnv } from '@ngo-hub/kit/common';
import { z } from 'zod';

/** Where gateway instances keep what they share (rate-limit budgets, persisted queries). */
export interface SharedStateConfig {
  /** REDIS_URL: shared by every gateway instance; unset, each instance keeps its own in memory. */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX: prefix of every key the gateway writes (several hubs, or test runs, on one Redis). */
  keyPrefix: string;
}

export function loadSharedStateConfig(env: NodeJS.ProcessEnv): SharedStateConfig {
  const parsed = parseEnv(
    z.object({
      REDIS_URL: z
        .string()
        .refine((v) => /^rediss?:\/\/\S+$/.test(v) && URL.canParse(v), 'a redis:// (or rediss://) URL, e.g. redis://127.0.0.1:6379')
        .optional(),
      REDIS_KEY_PREFIX: z.string().max(100).default('ngohub:'),
    }),
    env,
  ) as { REDIS_URL?: string; REDIS_KEY_PREFIX: string };
  return { redisUrl: parsed.REDIS_URL, keyPrefix: parsed.REDIS_KEY_PREFIX };
}
