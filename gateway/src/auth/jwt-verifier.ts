import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import type { AuthConfig } from './auth-config';
import { UnauthenticatedError } from './unauthenticated';

// jose ships ECMAScript modules only; Node 20.19+ requires them from CommonJS
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = require('jose') as typeof Jose;

/** What the hub reads from a user's JWT. */
export interface JwtClaims {
  /** `sub`: the id of the `Person` the user is. */
  personId: string;
  admin: boolean;
  /** `exp`, in epoch milliseconds: every token must expire (a socket opened with it is closed then). */
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies users' JWTs: HS256 with JWT_SECRET (development), or the keys published at JWKS_URL
 * (production; fetched and cached by jose). Issuer, audience and expiry are always checked, and
 * a token without `exp` is refused: it could never be revoked.
 */
export class JwtVerifier {
  private readonly key: Uint8Array | ReturnType<typeof jose.createRemoteJWKSet> | undefined;

  constructor(private readonly config: Pick<AuthConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>) {
    if (config.jwksUrl) this.key = jose.createRemoteJWKSet(new URL(config.jwksUrl));
    else if (config.jwtSecret) this.key = new TextEncoder().encode(config.jwtSecret);
  }

  async verify(token: string): Promise<JwtClaims> {
    if (!this.key) throw new UnauthenticatedError('JWT authentication is not configured on this hub (JWT_SECRET or JWKS_URL); use an API key');
    let payload: Jose.JWTPayload;
    try {
      const options = { issuer: this.config.jwtIssuer, audience: this.config.jwtAudience, requiredClaims: ['exp'] };
      payload = (
        this.key instanceof Uint8Array
          ? await jose.jwtVerify(token, this.key, { ...options, algorithms: ['HS256'] })
          : await jose.jwtVerify(token, this.key, { ...options, algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'] })
      ).payload;
    } catch (error) {
      const reason =
        error instanceof jose.errors.JWTExpired
          ? 'it has expired'
          : error instanceof jose.errors.JWTClaimValidationFailed
            ? `its "${error.claim}" claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}`
            : 'its signature or format is invalid';
      throw new UnauthenticatedError(`the bearer token was refused: ${reason}`);
    }
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub))
      throw new UnauthenticatedError('the bearer token was refused: its "sub" claim must be the id of a Person');
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    return { personId: payload.sub.toLowerCase(), admin: roles.includes('admin'), expiresAt: payload.exp! * 1000 };
  }
}
