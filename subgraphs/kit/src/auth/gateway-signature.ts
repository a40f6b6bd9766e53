import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import { LRUCache } from 'lru-cache';
import { parseIdentity, type Identity } from './identity';

// jose ships ECMAScript modules only; Node 20.19+ requires them from CommonJS
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jwtVerify, SignJWT } = require('jose') as typeof Jose;

/** The header that carries the gateway-signed identity to a subgraph. */
export const IDENTITY_HEADER = 'x-ngo-hub-identity';
export const SIGNATURE_ISSUER = 'ngo-hub-gateway';
export const SIGNATURE_AUDIENCE = 'ngo-hub-subgraph';
/** Short: a captured header is useless a minute later. */
const LIFETIME_SECONDS = 60;

/** The smallest GATEWAY_SECRET accepted (HS256 wants at least 256 bits). */
export const MIN_GATEWAY_SECRET_LENGTH = 32;

export class SignatureError extends Error {}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A JWT (HS256, GATEWAY_SECRET) that tells a subgraph who the caller is. */
export function signIdentity(identity: Identity, secret: string): Promise<string> {
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(SIGNATURE_ISSUER)
    .setAudience(SIGNATURE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key(secret));
}

/** The identity a request carries; SignatureError when it is missing, forged, expired or malformed. */
export async function verifyIdentity(token: string | undefined, secret: string): Promise<Identity> {
  return (await verifySignature(token, secret)).identity;
}

async function verifySignature(token: string | undefined, secret: string): Promise<{ identity: Identity; until: number }> {
  if (!token)
    throw new SignatureError(`this subgraph answers only requests signed by the NGO Hub gateway (header ${IDENTITY_HEADER}); send your request to the gateway`);
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: SIGNATURE_ISSUER,
      audience: SIGNATURE_AUDIENCE,
      maxTokenAge: `${LIFETIME_SECONDS * 2}s`,
    });
    // jwtVerify required both times; the token is refused from the first moment either refuses it
    const until = Math.min(payload.exp! * 1000, (payload.iat! + LIFETIME_SECONDS * 2) * 1000);
    return { identity: frozen(parseIdentity(payload.identity)), until };
  } catch {
    throw new SignatureError('the gateway signature of this request is invalid or expired; send your request to the gateway');
  }
}

function frozen(identity: Identity): Identity {
  if (identity.kind === 'caller') {
    identity.memberships.forEach((m) => Object.freeze(m));
    Object.freeze(identity.memberships);
  }
  return Object.freeze(identity);
}

/** Tokens a subgraph keeps as verified, the least recently presented dropped first. */
const MAX_VERIFIED = 10_000;

/**
 * Verifies the identity tokens of a subgraph's requests, each once while it is valid: the gateway
 * signs a caller's identity once for all their requests of the next 20 s (`IdentitySigner`), and an HMAC check per
 * request through WebCrypto cost ~2% of a subgraph's CPU on the sector dashboard. A token is the
 * same bytes under the same secret, so what was verified once holds until its `exp` (or the
 * largest accepted age) passes; the identity is frozen, as every request that presents the token
 * shares it.
 */
export class IdentityVerifier {
  private readonly verified = new LRUCache<string, { identity: Identity; until: number }>({ max: MAX_VERIFIED });

  constructor(private readonly secret: string) {}

  async verify(token: string | undefined): Promise<Identity> {
    const known = token === undefined ? undefined : this.verified.get(token);
    if (known && Date.now() < known.until) return known.identity;
    const checked = await verifySignature(token, this.secret);
    this.verified.set(token!, checked);
    return checked.identity;
  }
}

/** How long a signed identity is reused: well within its one-minute lifetime, so that a subgraph still accepts it when it arrives. */
const REUSE_MS = (LIFETIME_SECONDS / 3) * 1000;
/** Identities a signer keeps a token for, the least recently used dropped first. */
const MAX_SIGNED = 10_000;

/**
 * Signs each identity once for all the requests it makes in the next `REUSE_MS`: the gateway for
 * its callers' subgraph fetches, the hub's own services for theirs. A token says only who is asking,
 * so a caller's requests may share it; when their rights change, so does their identity, which is
 * the key it is kept under. One HMAC per caller and 20 s rather than per request, and a subgraph
 * verifies the token once (`IdentityVerifier`).
 */
export class IdentitySigner {
  private readonly signed = new LRUCache<string, { token: Promise<string>; until: number }>({ max: MAX_SIGNED });

  constructor(private readonly secret: string) {}

  signatureFor(identity: Identity): Promise<string> {
    const key = JSON.stringify(identity);
    const now = Date.now();
    const known = this.signed.get(key);
    if (known && now < known.until) return known.token;
    const token = signIdentity(identity, this.secret);
    this.signed.set(key, { token, until: now + REUSE_MS });
    token.catch(() => {
      if (this.signed.get(key)?.token === token) this.signed.delete(key);
    });
    return token;
  }
}

/** Headers for the requests one of the hub's own services makes to a subgraph, as `IdentitySigner` signs them. */
export class SignedHeaders {
  private readonly signer: IdentitySigner;

  constructor(
    private readonly identity: Identity,
    secret: string,
  ) {
    this.signer = new IdentitySigner(secret);
  }

  async headers(): Promise<Record<string, string>> {
    return { [IDENTITY_HEADER]: await this.signer.signatureFor(this.identity) };
  }
}
