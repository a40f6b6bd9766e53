import { UnauthenticatedError } from '../auth/authorize';
import { isPerson, isTrusted } from '../auth/identity';
import type { HubContext } from '../context';
import { ForbiddenError } from '../errors';

/**
 * `MyData`: everything the hub holds about the signed-in person, one entity keyed by their person
 * id. The people subgraph owns it and answers `Query.myData`; every subgraph adds its part as
 * fields, so one request gathers a person's data from all four through federation.
 */
export const MY_DATA_DESCRIPTION =
  'Everything the hub holds about the signed-in person (their data export): each subgraph adds its part. Shown to that person only.';

/** The signed-in person's id: UNAUTHENTICATED for anonymous callers, FORBIDDEN for callers who are not a person. */
export function signedInPerson(ctx: HubContext, field: string): string {
  const identity = ctx.identity;
  if (identity.kind === 'anonymous') throw new UnauthenticatedError(`${field} is the signed-in person's own data: sign in with a JWT`);
  if (identity.kind !== 'caller' || !identity.personId)
    throw new ForbiddenError(`${field} is the signed-in person's own data; this credential is not a person`);
  return identity.personId;
}

/**
 * `MyData.__resolveReference` for every subgraph: a subgraph hands a person's data only to that
 * person (or the hub's own services), whatever representation reaches it.
 */
export function resolveMyDataReference(reference: { id: string }, ctx: HubContext): { id: string } {
  if (!isPerson(ctx.identity, reference.id) && !isTrusted(ctx.identity)) throw new ForbiddenError('MyData is shown to the person it is about only');
  return { id: reference.id };
}
