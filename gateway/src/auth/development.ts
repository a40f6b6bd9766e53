/**
 * The HS256 secret of development JWTs under `npm start` when neither JWT_SECRET nor JWKS_URL
 * is set. Public on purpose (README shows how to sign a token with it): never use it in production.
 */
export const DEVELOPMENT_JWT_SECRET = 'ngo-hub-development-jwt-secret-do-not-use-in-production';
