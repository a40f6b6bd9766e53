import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Funding's part of deleting an account. Funding holds organizations' grants and applications,
 * nothing that names a person, so there is nothing to erase; it still confirms, so a deletion
 * is complete only once every subgraph answered, and a person field added here later has its place.
 */
export async function erasePersonInFunding(_em: EntityManager, _personId: string): Promise<number> {
  return 0;
}
