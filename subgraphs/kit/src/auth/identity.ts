/** A caller's role in one organization: editors write its data, admins also manage its members and keys. */
export type OrganizationRole = 'EDITOR' | 'ADMIN';

export interface Membership {
  organizationId: string;
  role: OrganizationRole;
}

/** Nobody signed in: reads the public directory only. */
export interface AnonymousIdentity {
  kind: 'anonymous';
}

/**
 * Someone who proved who they are: a user with a JWT (`personId`: the `Person` they are; their
 * memberships looked up by the gateway), or a partner's API key (`apiKeyId`, one membership).
 * `admin`: a hub admin, who may read and write everything.
 */
export interface CallerIdentity {
  kind: 'caller';
  personId: string | null;
  memberships: readonly Membership[];
  admin: boolean;
  apiKeyId: string | null;
}

/** The hub's own components (gateway lookups, subgraph → subgraph checks, operator tools). */
export interface ServiceIdentity {
  kind: 'service';
  service: string;
}

export type Identity = AnonymousIdentity | CallerIdentity | ServiceIdentity;

export const ANONYMOUS: AnonymousIdentity = Object.freeze({ kind: 'anonymous' });

export function callerIdentity(fields: Partial<Omit<CallerIdentity, 'kind'>>): CallerIdentity {
  return {
    kind: 'caller',
    personId: fields.personId ?? null,
    memberships: fields.memberships ?? [],
    admin: fields.admin ?? false,
    apiKeyId: fields.apiKeyId ?? null,
  };
}

export function serviceIdentity(service: string): ServiceIdentity {
  return { kind: 'service', service };
}

/** Hub admins and the hub's own services may do anything. */
export function isTrusted(identity: Identity): boolean {
  return identity.kind === 'service' || (identity.kind === 'caller' && identity.admin);
}

export function isPerson(identity: Identity, personId: string | null | undefined): boolean {
  return identity.kind === 'caller' && identity.personId !== null && !!personId && identity.personId === personId;
}

/** The caller's role in any of `organizationIds` (ADMIN wins over EDITOR), or undefined. */
export function roleIn(identity: Identity, organizationIds: readonly string[]): OrganizationRole | undefined {
  if (identity.kind !== 'caller') return undefined;
  const roles = identity.memberships.filter((m) => organizationIds.includes(m.organizationId)).map((m) => m.role);
  return roles.includes('ADMIN') ? 'ADMIN' : roles[0];
}

/** A partner: a caller who edits or administers at least one organization. */
export function isOrganizationMember(identity: Identity): boolean {
  return identity.kind === 'caller' && identity.memberships.length > 0;
}

/**
 * Whether a shared response cache may keep an answer given to this caller: anonymous callers and
 * partners' API keys read the public directory, which the gateway's response cache keeps; answers
 * to people, hub admins and the hub's own services are never kept, so their subgraph answers need
 * no cache hints.
 */
export function sharedCacheMayKeep(identity: Identity): boolean {
  if (identity.kind === 'anonymous') return true;
  return identity.kind === 'caller' && identity.apiKeyId !== null && !identity.admin && identity.personId === null;
}

/** Parses an identity that crossed a process boundary; anything malformed is refused. */
export function parseIdentity(value: unknown): Identity {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') throw new Error('identity is not an object');
  if (v.kind === 'anonymous') return ANONYMOUS;
  if (v.kind === 'service' && typeof v.service === 'string') return serviceIdentity(v.service);
  if (v.kind === 'caller') {
    const memberships = Array.isArray(v.memberships) ? v.memberships : [];
    const parsed = memberships.map((m: Record<string, unknown>) => {
      if (typeof m?.organizationId !== 'string' || (m.role !== 'EDITOR' && m.role !== 'ADMIN')) throw new Error('bad membership');
      return { organizationId: m.organizationId, role: m.role } as Membership;
    });
    return callerIdentity({
      personId: typeof v.personId === 'string' ? v.personId : null,
      memberships: parsed,
      admin: v.admin === true,
      apiKeyId: typeof v.apiKeyId === 'string' ? v.apiKeyId : null,
    });
  }
  throw new Error('unknown identity kind');
}
