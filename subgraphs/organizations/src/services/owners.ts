import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuthSubject, findOrNotFound } from '@ngo-hub/kit';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationProgramme } from '../entities/incubation-programme';
import { OrganizationRelation } from '../entities/organization-relation';

/**
 * The organizations whose editors may change a row, for `@Auth` rules on mutations. A row that
 * does not exist is NOT_FOUND here, before any rights are weighed.
 */
export async function incubatorOfProgramme(em: EntityManager, programmeId: string, field = 'programmeId'): Promise<AuthSubject> {
  const programme = await findOrNotFound(em, IncubationProgramme, programmeId, field);
  return { organizationIds: [programme.incubator.id] };
}

export async function incubatorOfCohort(em: EntityManager, cohortId: string, field = 'cohortId'): Promise<AuthSubject> {
  const cohort = await findOrNotFound(em, IncubationCohort, cohortId, field, { populate: ['programme'] });
  return { organizationIds: [cohort.programme.incubator.id] };
}

export async function organizationsOfRelation(em: EntityManager, relationId: string, field = 'id'): Promise<AuthSubject> {
  const relation = await findOrNotFound(em, OrganizationRelation, relationId, field);
  return { organizationIds: [relation.fromOrganization.id] };
}
