import { gatewaySecretProblem, gatewaySecretVariable, parseEnv, productionSecretProblem, refuseDevelopmentSecrets } from '@ngo-hub/kit/common';
import { z } from 'zod';

/** How callers prove who they are, and how the gateway vouches for them to subgraphs. */
export interface AuthConfig {
  /** GATEWAY_SECRET: signs the identity forwarded to subgraphs, which share it. */
  gatewaySecret: string;
  /** JWT_SECRET: HS256 secret of users' JWTs (development). */
  jwtSecret?: string;
  /** JWKS_URL: the identity provider's public keys (production); wins over JWT_SECRET. */
  jwksUrl?: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** HUB_ADMIN_API_KEY: a bootstrap credential that acts as a hub admin. */
  hubAdminApiKey?: string;
  /** IDENTITY_CACHE_MS: how long a resolved API key or a user's memberships are reused; a revocation takes effect within it. */
  identityCacheMs: number;
}

/**
 * How callers authenticate, from the environment. In production mode (HUB_MODE, NODE_ENV) the
 * process refuses to start without real secrets: a GATEWAY_SECRET it was given and a JWT_SECRET
 * or JWKS_URL, neither of them one this repository publishes.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  refuseDevelopmentSecrets(env, [
    gatewaySecretProblem(env),
    env.JWKS_URL && !env.JWT_SECRET ? undefined : productionSecretProblem(env, 'JWT_SECRET', 'an HS256 secret of its own, 32 characters or more, or JWKS_URL'),
  ]);
  const parsed = parseEnv(
    z.object({
      GATEWAY_SECRET: gatewaySecretVariable,
      JWT_SECRET: z.string().min(32, 'an HS256 secret of at least 32 characters').optional(),
      JWKS_URL: z
        .string()
        .refine((v) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v), 'an http(s):// URL of a JSON Web Key Set')
        .optional(),
      JWT_ISSUER: z.string().min(1).default('ngo-hub'),
      JWT_AUDIENCE: z.string().min(1).default('ngo-hub'),
      HUB_ADMIN_API_KEY: z.string().min(32, 'a key of at least 32 characters').optional(),
      IDENTITY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    }),
    env,
  );
  return {
    gatewaySecret: parsed.GATEWAY_SECRET,
    jwtSecret: parsed.JWT_SECRET,
    jwksUrl: parsed.JWKS_URL,
    jwtIssuer: parsed.JWT_ISSUER,
    jwtAudience: parsed.JWT_AUDIENCE,
    hubAdminApiKey: parsed.HUB_ADMIN_API_KEY,
    identityCacheMs: parsed.IDENTITY_CACHE_MS,
  };
}
