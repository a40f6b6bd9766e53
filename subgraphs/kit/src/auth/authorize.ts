import { GraphQLError } from 'graphql';
import { ErrorCode, ForbiddenError } from '../errors';
import { AUTH_RULE_DESCRIPTIONS, AuthRule } from './auth-rule';
import { isOrganizationMember, isPerson, isTrusted, roleIn, type Identity } from './identity';

/** Profile visibility as the people subgraph stores it. */
export type ProfileVisibilityValue = 'PUBLIC' | 'PARTNERS' | 'PRIVATE';

/** What a field is about: the person and the organizations a rule looks at. */
export interface AuthSubject {
  personId?: string | null;
  /** When a row is about several people (a mentorship's mentor and mentee): each of them is "self". */
  personIds?: readonly (string | null | undefined)[];
  organizationIds?: readonly (string | null | undefined)[];
  visibility?: ProfileVisibilityValue;
}

/** Rules that decide from the identity alone, without a subject. */
export const RULES_WITHOUT_SUBJECT = new Set<AuthRule>([AuthRule.AUTHENTICATED, AuthRule.ADMIN, AuthRule.SERVICE]);

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

/** True when `identity` passes `rule` for `subject`. */
export function allows(rule: AuthRule, identity: Identity, subject: AuthSubject = {}): boolean {
  if (rule === AuthRule.SERVICE) return identity.kind === 'service';
  if (isTrusted(identity)) return true;
  const organizations = (subject.organizationIds ?? []).filter((id): id is string => typeof id === 'string');
  const self = isPerson(identity, subject.personId) || (subject.personIds ?? []).some((id) => isPerson(identity, id));
  const role = roleIn(identity, organizations);
  switch (rule) {
    case AuthRule.AUTHENTICATED:
      return identity.kind !== 'anonymous';
    case AuthRule.ADMIN:
      return false;
    case AuthRule.SELF:
      return self;
    case AuthRule.ORGANIZATION_EDITOR:
      return role !== undefined;
    case AuthRule.ORGANIZATION_ADMIN:
      return role === 'ADMIN';
    case AuthRule.SELF_OR_ORGANIZATION_EDITOR:
      return self || role !== undefined;
    case AuthRule.PROFILE:
      if (self || subject.visibility === 'PUBLIC' || subject.visibility === undefined) return true;
      return subject.visibility === 'PARTNERS' && isOrganizationMember(identity);
  }
}

/** The error for a refused field: UNAUTHENTICATED for anonymous callers, else FORBIDDEN. */
export function refusal(rule: AuthRule, identity: Identity, field: string): GraphQLError {
  const who = AUTH_RULE_DESCRIPTIONS[rule];
  if (identity.kind === 'anonymous') return new UnauthenticatedError(`${field} is for ${who}: authenticate with an API key or a JWT`);
  return new ForbiddenError(`${field} is for ${who}`);
}
