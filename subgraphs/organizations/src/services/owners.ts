import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, NotFoundError, type AuthSubject } from '@ngo-hub/kit';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationProgramme } from '../entities/incubation-programme';
import { OrganizationRelation } from '../entities/organization-relation';

/**
 * The organizations whose editors may change a row, for `@Auth` rules on mutations. A row that
 * does not exist is NOT_FOUND here, before any rights are weighed.
 */
export async function incubatorOfProgramme(em: EntityManager, programmeId: string, field = 'programmeId'): Promise<AuthSubject> {
  const programme = isUuid(programmeId) ? await em.findOne(IncubationProgramme, programmeId) : null;
  if (!programme) throw new NotFoundError('IncubationProgramme', programmeId, field);
  return { organizationIds: [programme.incubator.id] };
}

export async function incubatorOfCohort(em: EntityManager, cohortId: string, field = 'cohortId'): Promise<AuthSubject> {
  const cohort = isUuid(cohortId) ? await em.findOne(IncubationCohort, cohortId, { populate: ['programme'] }) : null;
  if (!cohort) throw new NotFoundError('IncubationCohort', cohortId, field);
  return { organizationIds: [cohort.programme.incubator.id] };
}

export async function organizationsOfRelation(em: EntityManager, relationId: string, field = 'id'): Promise<AuthSubject> {
  const relation = isUuid(relationId) ? await em.findOne(OrganizationRelation, relationId) : null;
  if (!relation) throw new NotFoundError('OrganizationRelation', relationId, field);
  return { organizationIds: [relation.fromOrganization.id] };
}
