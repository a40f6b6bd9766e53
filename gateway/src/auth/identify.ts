import { ANONYMOUS, API_KEY_PATTERN, callerIdentity, hashApiKey, type Identity, type Membership } from '@ngo-hub/kit/common';
import { timingSafeEqual } from 'node:crypto';
import type { AuthConfig } from './auth-config';
import type { Credential } from './credential';
import { CredentialDirectory, type ApiKeyRecord } from './credential-directory';
import { JwtVerifier } from './jwt-verifier';
import { UnauthenticatedError } from './unauthenticated';

/** Request headers (lower-case names), from HTTP or from a graphql-ws `connectionParams`. */
export type CredentialHeaders = Record<string, string | string[] | undefined>;

/** Who is calling, from their credential; anonymous without one; UNAUTHENTICATED for a bad one. */
export type Identify = (headers: CredentialHeaders) => Promise<Identity>;

/** The credential a caller sent, verified; UNAUTHENTICATED for a bad one. Its rights are resolved by `identity()`. */
export type Authenticate = (headers: CredentialHeaders) => Promise<Credential>;

/** After a caller's own write: their rights are resolved again on their next request. */
export type RefreshRights = (identity: Identity) => void;

function header(headers: CredentialHeaders, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashApiKey(a), 'hex');
  const y = Buffer.from(hashApiKey(b), 'hex');
  return timingSafeEqual(x, y);
}

const anonymous: Credential = { authenticated: false, identity: () => ANONYMOUS };
const HUB_ADMIN = callerIdentity({ admin: true });
const hubAdmin: Credential = { authenticated: true, identity: () => HUB_ADMIN };

/**
 * The gateway's authentication: `Authorization: Bearer <JWT>` for users (`sub` is their Person
 * id; their organizations are looked up), `x-api-key: <key>` or `Authorization: ApiKey <key>`
 * for partners' programs, HUB_ADMIN_API_KEY for the hub's operators. Independent of HTTP so
 * graphql-ws sockets authenticate the same way. API keys and memberships are looked up through
 * one cache (IDENTITY_CACHE_MS) shared by HTTP requests and sockets.
 */
export function createAuthentication(
  config: AuthConfig,
  organizationsUrl: string,
): { authenticate: Authenticate; identify: Identify; refreshRights: RefreshRights } {
  const jwt = new JwtVerifier(config);
  const directory = new CredentialDirectory(organizationsUrl, config.gatewaySecret, config.identityCacheMs);

  const byApiKey = (key: string): Credential => {
    if (config.hubAdminApiKey && sameSecret(key, config.hubAdminApiKey)) return hubAdmin;
    if (!API_KEY_PATTERN.test(key)) throw new UnauthenticatedError('the API key is malformed: keys look like ngo_ followed by 40 hexadecimal characters');
    const hash = hashApiKey(key);
    // the same identity object while the directory's record is the same (a socket asks for every event)
    let last: { record: object; identity: Identity } | undefined;
    const identityOf = (record: ApiKeyRecord | null): Identity => {
      if (!record) throw new UnauthenticatedError('the API key is unknown or has been revoked');
      if (last?.record !== record) {
        last = { record, identity: callerIdentity({ apiKeyId: record.id, memberships: [{ organizationId: record.organizationId, role: record.role }] }) };
      }
      return last.identity;
    };
    return {
      authenticated: true,
      // a revoked key is cached too (null): refused without a round trip
      identity: () => {
        const cached = directory.cachedApiKey(hash);
        return cached !== undefined ? identityOf(cached) : directory.apiKey(hash).then(identityOf);
      },
    };
  };

  const byJwt = async (token: string): Promise<Credential> => {
    const claims = await jwt.verify(token);
    let last: { memberships: object; identity: Identity } | undefined;
    const identityOf = (memberships: Membership[]): Identity => {
      if (last?.memberships !== memberships) last = { memberships, identity: callerIdentity({ personId: claims.personId, admin: claims.admin, memberships }) };
      return last.identity;
    };
    return {
      authenticated: true,
      expiresAt: claims.expiresAt,
      identity() {
        if (Date.now() >= claims.expiresAt) throw new UnauthenticatedError('the bearer token was refused: it has expired');
        const cached = directory.cachedMembershipsOf(claims.personId);
        return cached ? identityOf(cached) : directory.membershipsOf(claims.personId).then(identityOf);
      },
    };
  };

  const authenticate: Authenticate = async (headers) => {
    const apiKey = header(headers, 'x-api-key');
    const authorization = header(headers, 'authorization')?.trim();
    if (apiKey !== undefined) return byApiKey(apiKey.trim());
    if (!authorization) return anonymous;
    const [scheme, ...rest] = authorization.split(/\s+/);
    const credential = rest.join(' ');
    if (/^apikey$/i.test(scheme) || (/^bearer$/i.test(scheme) && credential.startsWith('ngo_'))) return byApiKey(credential);
    if (/^bearer$/i.test(scheme) && credential) return byJwt(credential);
    throw new UnauthenticatedError('the Authorization header must be "Bearer <JWT>" or "ApiKey <key>"');
  };

  // a user's write can change their own memberships (creating an organization makes them its ADMIN):
  // what this gateway cached of them is dropped, so their next request sees the change; someone
  // else's change to them takes effect within IDENTITY_CACHE_MS
  const refreshRights: RefreshRights = (identity) => {
    if (identity.kind === 'caller' && identity.personId) directory.forgetMembershipsOf(identity.personId);
  };

  return { authenticate, identify: async (headers) => (await authenticate(headers)).identity(), refreshRights };
}
