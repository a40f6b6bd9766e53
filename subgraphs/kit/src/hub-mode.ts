import { z } from 'zod';
import { ConfigError, parseEnv } from './config';
import { PUBLISHED_SECRETS } from './published-secrets';

export * from './published-secrets';

/** `development` serves analysts and engineers generously; `production` closes what anonymous callers need not see and wants real secrets. */
export type HubMode = 'development' | 'production';

/** HUB_MODE, else `production` when NODE_ENV is, else `development`. */
export function hubMode(env: NodeJS.ProcessEnv = process.env): HubMode {
  const parsed = parseEnv(z.object({ HUB_MODE: z.enum(['development', 'production']).optional() }), env) as { HUB_MODE?: HubMode };
  return parsed.HUB_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development');
}

/** What is wrong with a secret in production: missing, or one this repository publishes. Undefined when it will do. */
export function productionSecretProblem(env: NodeJS.ProcessEnv, variable: string, wanted: string): string | undefined {
  const value = env[variable];
  // the value is not echoed: a real secret must not reach a log
  if (!value) return `${variable} is not set: production needs ${wanted}, given to the process (never generated at start)`;
  if (PUBLISHED_SECRETS.includes(value)) return `${variable} is a development secret published in this repository: production needs ${wanted}`;
  return undefined;
}

/** Stops a process in production mode that lacks real secrets, naming each variable (the caller exits with code 2). */
export function refuseDevelopmentSecrets(env: NodeJS.ProcessEnv, problems: (string | undefined)[]): void {
  if (hubMode(env) !== 'production') return;
  const found = problems.filter((problem): problem is string => !!problem);
  if (found.length) throw new ConfigError(`invalid configuration for production (HUB_MODE or NODE_ENV):\n  ${found.join('\n  ')}`);
}

/** GATEWAY_SECRET's problem in production, if any. */
export const gatewaySecretProblem = (env: NodeJS.ProcessEnv) =>
  productionSecretProblem(env, 'GATEWAY_SECRET', 'the secret shared by the gateway and every subgraph, 32 characters or more (e.g. `openssl rand -hex 32`)');
