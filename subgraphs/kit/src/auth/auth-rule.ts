/**
 * Who may read or write a field, as declared in the schema with `@auth(requires: RULE)`. Hub
 * admins and the hub's own services pass every rule. "The subject" is the row the field belongs
 * to (or, for a mutation, what its arguments point at): the person it is about and the
 * organizations it relates to.
 */
export enum AuthRule {
  AUTHENTICATED = 'AUTHENTICATED',
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
  SELF = 'SELF',
  ORGANIZATION_EDITOR = 'ORGANIZATION_EDITOR',
  ORGANIZATION_ADMIN = 'ORGANIZATION_ADMIN',
  SELF_OR_ORGANIZATION_EDITOR = 'SELF_OR_ORGANIZATION_EDITOR',
  PROFILE = 'PROFILE',
}

/** What each rule allows, for the schema's readers and for the errors callers get. */
export const AUTH_RULE_DESCRIPTIONS: Record<AuthRule, string> = {
  AUTHENTICATED: "any authenticated caller (a person, an organization's API key, a hub admin)",
  ADMIN: 'hub admins only',
  SERVICE: "the hub's own services only (internal)",
  SELF: 'the person it is about, and hub admins',
  ORGANIZATION_EDITOR: 'editors and admins (every member) of the organization it belongs to, and hub admins',
  ORGANIZATION_ADMIN: 'admins of the organization, and hub admins',
  SELF_OR_ORGANIZATION_EDITOR: 'the person it is about, editors and admins of the organizations it belongs or relates to, and hub admins',
  PROFILE:
    'whom the person allowed by their profile visibility: anyone (PUBLIC), authenticated partners (PARTNERS) or nobody but themself (PRIVATE); hub admins always',
};

/** The directive definition every subgraph's SDL carries. */
export const AUTH_DIRECTIVE_SDL = `
"""Who may read or write this field; enforced by the subgraph that resolves it."""
directive @auth(requires: AuthRule!) on FIELD_DEFINITION

"""Rules of the @auth directive."""
enum AuthRule @inaccessible {
${Object.entries(AUTH_RULE_DESCRIPTIONS)
  .map(([rule, description]) => `  """${description.charAt(0).toUpperCase()}${description.slice(1)}."""\n  ${rule}`)
  .join('\n')}
}
`;
