import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@ngo-hub/kit';
import { Affiliation } from '../src/entities/affiliation';
import { seedPeople } from './people.seed';

/**
 * The seed's affiliations are roles the source documents publish, which the hub's operators vouch
 * for on both sides. The seed inserts them as plain rows, recording neither side's agreement; this
 * marks every such row confirmed. Only seed rows are in that state: `addAffiliation` always records
 * the proposer's side, and the migration that introduced consent confirmed the rows already there.
 */
export async function confirmSeededAffiliations(em: EntityManager): Promise<number> {
  const now = new Date();
  return em.nativeUpdate(Affiliation, { personConfirmedAt: null, organizationConfirmedAt: null }, { personConfirmedAt: now, organizationConfirmedAt: now });
}

/** The people seed, with its affiliations confirmed. */
export async function seedPeopleConfirmed(em: EntityManager, log: Logger): Promise<number> {
  const written = await seedPeople(em, log);
  await confirmSeededAffiliations(em);
  return written;
}
