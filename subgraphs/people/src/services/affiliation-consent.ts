import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError, findOrNotFound, type Identity, isPerson, isTrusted, roleIn } from '@ngo-hub/kit';
import { Affiliation, AffiliationStatus } from '../entities/affiliation';

/** The sides of an affiliation a caller agrees for. */
export interface ConsentSides {
  person: boolean;
  organization: boolean;
}

/**
 * Who agrees for which side: the person only for themself; the organization through its editors
 * and admins (its API keys too) or a hub admin (or the hub's own services). Nobody agrees for the
 * person but the person, so a confirmed affiliation always has the person's own word, and a
 * PRIVATE person is never listed by an organization they did not confirm.
 */
export function consentSides(identity: Identity, personId: string, organizationId: string): ConsentSides {
  return { person: isPerson(identity, personId), organization: isTrusted(identity) || roleIn(identity, [organizationId]) !== undefined };
}

export function affiliationStatus(affiliation: Pick<Affiliation, 'personConfirmedAt' | 'organizationConfirmedAt'>): AffiliationStatus {
  if (!affiliation.personConfirmedAt) return AffiliationStatus.AWAITING_PERSON;
  if (!affiliation.organizationConfirmedAt) return AffiliationStatus.AWAITING_ORGANIZATION;
  return AffiliationStatus.CONFIRMED;
}

/** Affiliations both sides agreed to: the only ones anyone but the two sides sees. */
export const CONFIRMED: FilterQuery<Affiliation> = { personConfirmedAt: { $ne: null }, organizationConfirmedAt: { $ne: null } };

/** Affiliations that wait for one side. */
export const PENDING: FilterQuery<Affiliation> = { $or: [{ personConfirmedAt: null }, { organizationConfirmedAt: null }] };

/** The consent columns of a new affiliation proposed by a caller who agrees for `sides`. */
export function proposedBy(sides: ConsentSides, at = new Date()): Pick<Affiliation, 'personConfirmedAt' | 'organizationConfirmedAt'> {
  return { personConfirmedAt: sides.person ? at : null, organizationConfirmedAt: sides.organization ? at : null };
}

async function lockedAffiliation(tx: EntityManager, id: string): Promise<Affiliation> {
  const affiliation = await findOrNotFound(tx, Affiliation, id, 'id', { lockMode: LockMode.PESSIMISTIC_WRITE });
  return affiliation;
}

const WAITS_FOR: Record<AffiliationStatus, string> = {
  AWAITING_PERSON: 'it waits for the person to confirm it',
  AWAITING_ORGANIZATION: 'it waits for an editor or admin of the organization to confirm it',
  CONFIRMED: 'both sides already confirmed it',
};

/** Records the caller's agreement for the sides still missing that they speak for; CONFLICT when there is none. */
export async function confirmAffiliation(em: EntityManager, identity: Identity, id: string): Promise<Affiliation> {
  return em.transactional(async (tx) => {
    const affiliation = await lockedAffiliation(tx, id);
    const sides = consentSides(identity, affiliation.person.id, affiliation.organizationId);
    const now = new Date();
    const before = affiliationStatus(affiliation);
    if (sides.person && !affiliation.personConfirmedAt) affiliation.personConfirmedAt = now;
    if (sides.organization && !affiliation.organizationConfirmedAt) affiliation.organizationConfirmedAt = now;
    if (affiliationStatus(affiliation) === before) {
      throw new ConflictError(`nothing for you to confirm: ${WAITS_FOR[before]}`, { field: 'id', status: before });
    }
    await tx.flush();
    return affiliation;
  });
}

/** Either side declines a pending affiliation or withdraws from a confirmed one: it is removed. Returns its id. */
export async function declineAffiliation(em: EntityManager, id: string): Promise<string> {
  return em.transactional(async (tx) => {
    const affiliation = await lockedAffiliation(tx, id);
    tx.remove(affiliation);
    await tx.flush();
    return id;
  });
}
