import type { AuthSubject, HubContext } from '@ngo-hub/kit';
import { defineLoader } from '@ngo-hub/kit';
import type { JobApplication } from '../entities/job-application';
import type { Person } from '../entities/person';
import { postingById } from './posting-by-id';

/**
 * What the `@Auth` rules on the people subgraph's entity fields look at, given the row: whom it is
 * about and which organizations it relates to. An organization is related to a person once the
 * person applied to one of its postings: it then sees their contact details and their
 * applications to it, nothing else. Entities import this module, so it imports no entity (types
 * only; tables by name): no import cycle through the entities.
 */
export const organizationsAppliedTo = defineLoader<string, string[]>('organizationsAppliedTo', async (personIds, ctx) => {
  const rows = await ctx.em
    .createQueryBuilder<JobApplication, 'a'>('JobApplication', 'a')
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
