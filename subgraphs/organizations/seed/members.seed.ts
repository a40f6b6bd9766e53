import type { EntityManager } from '@mikro-orm/postgresql';
import { retractSeed, seedId, upsertSeed } from '@ngo-hub/kit';
import { OrganizationMember } from '../src/entities/organization-member';
import { OrganizationRole } from '../src/vocabulary/organization-role';

/**
 * Who may write an organization's data in the seed sector: an illustrative hub account (a
 * fictional person, not NPI staff) administers NPI, so the sign-in example has someone to sign in as.
 */
export const SEED_MEMBERS = [{ organization: 'npi', person: 'npi-hub-admin', role: OrganizationRole.ADMIN }];

/** Memberships an earlier seed gave a real person the sources do not mention (NPI's founder as NPI's admin). */
export const RETRACTED_MEMBERS = [{ organization: 'npi', person: 'lu-zhao' }];

const memberSeedId = (m: { organization: string; person: string }) => seedId(`member:${m.organization}:${m.person}`);

export async function seedMembers(em: EntityManager): Promise<number> {
  return (
    (await retractSeed(em, OrganizationMember, RETRACTED_MEMBERS.map(memberSeedId))) +
    (await upsertSeed(
      em,
      OrganizationMember,
      SEED_MEMBERS.map((m) => ({ id: memberSeedId(m), organization: seedId(`org:${m.organization}`), personId: seedId(`person:${m.person}`), role: m.role })),
    ))
  );
}
