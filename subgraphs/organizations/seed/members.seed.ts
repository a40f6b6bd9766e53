import type { EntityManager } from '@mikro-orm/postgresql';
import { insertMissing, seedId } from '@ngo-hub/kit';
import { OrganizationMember } from '../src/entities/organization-member';
import { OrganizationRole } from '../src/vocabulary/organization-role';

/** Who may write an organization's data in the seed sector: Lü Zhao, NPI's founder, administers NPI. */
export const SEED_MEMBERS = [{ organization: 'npi', person: 'lu-zhao', role: OrganizationRole.ADMIN }];

export function seedMembers(em: EntityManager): Promise<number> {
  return insertMissing(
    em,
    OrganizationMember,
    SEED_MEMBERS.map((m) => ({ id: seedId(`member:${m.organization}:${m.person}`), organization: seedId(`org:${m.organization}`), personId: seedId(`person:${m.person}`), role: m.role })),
  );
}
