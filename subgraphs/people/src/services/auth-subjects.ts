import { defineLoader, isUuid, NotFoundError, type AuthSubject, type HubContext } from '@ngo-hub/kit';
import { Affiliation } from '../entities/affiliation';
import { JobApplication } from '../entities/job-application';
import type { Person } from '../entities/person';
import { postingById } from './posting-by-id';

/**
 * What the people subgraph's `@Auth` rules look at: whom a row is about and which organizations
 * it relates to. An organization is related to a person once the person applied to one of its
 * postings: it then sees their contact details and their applications to it, nothing else.
 */
export const organizationsAppliedTo = defineLoader<string, string[]>('organizationsAppliedTo', async (personIds, ctx) => {
  const rows = await ctx.em
    .createQueryBuilder(JobApplication, 'a')
    .select(['a.person', 'p.organizationId'], true)
    .join('a.posting', 'p')
    .where({ person: { $in: [...personIds] } })
    .execute<{ person_id: string; organization_id: string }[]>('all', false);
  return personIds.map((id) => rows.filter((row) => row.person_id === id).map((row) => row.organization_id));
});

export async function personContactSubject(person: Person, ctx: HubContext): Promise<AuthSubject> {
  return { personId: person.id, organizationIds: await ctx.loaders.load(organizationsAppliedTo, person.id) };
}

export function profileSubject(person: Person): AuthSubject {
  return { personId: person.id, visibility: person.visibility };
}

export async function applicationSubject(application: JobApplication, ctx: HubContext): Promise<AuthSubject> {
  const posting = await ctx.loaders.load(postingById, application.posting.id);
  return { personId: application.person.id, organizationIds: [posting?.organizationId] };
}

export async function postingOrganization(ctx: HubContext, postingId: string, field: string): Promise<AuthSubject> {
  const posting = isUuid(postingId) ? await ctx.loaders.load(postingById, postingId) : null;
  if (!posting) throw new NotFoundError('JobPosting', postingId, field);
  return { organizationIds: [posting.organizationId] };
}

export async function applicationById(ctx: HubContext, id: string, field: string): Promise<AuthSubject> {
  const application = isUuid(id) ? await ctx.em.findOne(JobApplication, id) : null;
  if (!application) throw new NotFoundError('JobApplication', id, field);
  return applicationSubject(application, ctx);
}

export async function affiliationSubject(ctx: HubContext, id: string, field: string): Promise<AuthSubject> {
  const affiliation = isUuid(id) ? await ctx.em.findOne(Affiliation, id) : null;
  if (!affiliation) throw new NotFoundError('Affiliation', id, field);
  return { personId: affiliation.person.id, organizationIds: [affiliation.organizationId] };
}
