import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../entities/api-key';
import { OrganizationMember } from '../entities/organization-member';
import { personActor } from './api-keys';

/** Who created an API key, once its creator deleted their account. */
export const ERASED_ACTOR = 'person:erased';

/**
 * Organizations' part of deleting an account: the person's memberships go (they no longer write
 * for anyone); the API keys they created stay with their organizations, no longer naming them.
 * Idempotent.
 */
export async function erasePersonInOrganizations(em: EntityManager, personId: string): Promise<number> {
  const memberships = await em.nativeDelete(OrganizationMember, { personId });
  const keys = await em.nativeUpdate(ApiKey, { createdBy: personActor(personId) }, { createdBy: ERASED_ACTOR });
  return memberships + keys;
}
