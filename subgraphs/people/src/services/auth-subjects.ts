import { type AuthSubject, findOrNotFound, type HubContext } from '@ngo-hub/kit';
import { Affiliation } from '../entities/affiliation';
import { JobApplication } from '../entities/job-application';
import { JobPosting } from '../entities/job-posting';
import { applicationSubject } from './row-subjects';

/**
 * The subjects of the people subgraph's mutations, found from their arguments (NOT_FOUND naming
 * the argument when there is none); the subjects of rows are in row-subjects.ts.
 */
export async function postingOrganization(ctx: HubContext, postingId: string, field: string): Promise<AuthSubject> {
  const posting = await findOrNotFound(ctx.em, JobPosting, postingId, field);
  return { organizationIds: [posting.organizationId] };
}

export async function applicationById(ctx: HubContext, id: string, field: string): Promise<AuthSubject> {
  const application = await findOrNotFound(ctx.em, JobApplication, id, field);
  return applicationSubject(application, ctx);
}

export async function affiliationSubject(ctx: HubContext, id: string, field: string): Promise<AuthSubject> {
  const affiliation = await findOrNotFound(ctx.em, Affiliation, id, field);
  return { personId: affiliation.person.id, organizationIds: [affiliation.organizationId] };
}
