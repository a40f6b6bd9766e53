import type { EntityManager } from '@mikro-orm/postgresql';
import { defineLoader, findOrNotFound, isUuid, NotFoundError, type References, UserInputError } from '@ngo-hub/kit';
import { OrganizationMember } from '../entities/organization-member';
import { Organization } from '../entities/organization';
import type { AddOrganizationMemberInput, RemoveOrganizationMemberInput } from '../inputs/organization-member.input';

/** Adds a member, or changes the role of one; the person must exist in the people subgraph. */
export async function addOrganizationMember(em: EntityManager, references: References, input: AddOrganizationMemberInput): Promise<OrganizationMember> {
  if (!isUuid(input.personId)) throw new UserInputError('personId must be the id (a UUID) of a Person', 'personId');
  await references.assertExist('Person', [input.personId], 'personId');
  return em.transactional(async (tx) => {
    const organization = await findOrNotFound(tx, Organization, input.organizationId, 'organizationId');
    const existing = await tx.findOne(OrganizationMember, { organization, personId: input.personId });
    const member = existing ?? tx.create(OrganizationMember, { organization, personId: input.personId, role: input.role });
    member.role = input.role;
    await tx.flush();
    return member;
  });
}

export async function removeOrganizationMember(em: EntityManager, input: RemoveOrganizationMemberInput): Promise<void> {
  const removed =
    isUuid(input.organizationId) && isUuid(input.personId)
      ? await em.nativeDelete(OrganizationMember, { organization: input.organizationId, personId: input.personId })
      : 0;
  if (removed === 0) throw new NotFoundError('OrganizationMember', `${input.organizationId}/${input.personId}`, 'personId');
}

/** A person's memberships, for the gateway's identity of a signed-in user. */
export function membershipsOfPerson(em: EntityManager, personId: string): Promise<OrganizationMember[]> {
  return isUuid(personId) ? em.find(OrganizationMember, { personId }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : Promise.resolve([]);
}

/** Members of many organizations, oldest first, in one statement. */
export const membersOfOrganization = defineLoader<string, OrganizationMember[]>('membersOfOrganization', async (ids, ctx) => {
  const rows = await ctx.em.find(OrganizationMember, { organization: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return ids.map((id) => rows.filter((row) => row.organization.id === id));
});
