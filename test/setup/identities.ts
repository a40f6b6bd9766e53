import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = require('jose') as typeof Jose;

/** Headers of a hub admin: the run's HUB_ADMIN_API_KEY (set by the global setup). */
export function adminHeaders(): Record<string, string> {
  const key = process.env.HUB_ADMIN_API_KEY;
  if (!key) throw new Error('HUB_ADMIN_API_KEY is not set: run through jest (test/jest.config.js)');
  return { 'x-api-key': key };
}

/** Headers of a partner program using an API key. */
export function apiKeyHeaders(key: string): Record<string, string> {
  return { 'x-api-key': key };
}

/** A user's JWT as the identity provider would issue it (HS256, the run's JWT_SECRET): `sub` is their Person id. */
export async function userJwt(
  personId: string,
  options: { admin?: boolean; expiresIn?: string; issuer?: string; audience?: string; secret?: string } = {},
): Promise<string> {
  const secret = options.secret ?? process.env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not set: run through jest (test/jest.config.js)');
  return new jose.SignJWT(options.admin ? { roles: ['admin'] } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setIssuer(options.issuer ?? 'ngo-hub')
    .setAudience(options.audience ?? 'ngo-hub')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(secret));
}

/** Headers of a signed-in user (a Person). */
export async function userHeaders(personId: string, options: { admin?: boolean } = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await userJwt(personId, options)}` };
}
