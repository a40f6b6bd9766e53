/**
 * Secrets written in this repository, for development and tests only. Anyone can read them, so
 * a process in production mode refuses to start with one of them (see `hub-mode.ts`).
 */

/** The HS256 secret of development JWTs under `npm start` when neither JWT_SECRET nor JWKS_URL is set (README shows how to sign a token with it). */
export const DEVELOPMENT_JWT_SECRET = 'ngo-hub-development-jwt-secret-do-not-use-in-production';

/** The GATEWAY_SECRET of in-process test subgraphs when the environment sets none. */
export const TEST_GATEWAY_SECRET = 'ngo-hub-test-gateway-secret-0123456789abcdef';

export const PUBLISHED_SECRETS: readonly string[] = [DEVELOPMENT_JWT_SECRET, TEST_GATEWAY_SECRET];
