import type { EntityManager } from '@mikro-orm/postgresql';
import { HubEvent, JOB_POSTED, publishEvent, type References } from '@ngo-hub/kit';
import { Field, InputType, ObjectType } from 'type-graphql';
import { JobKind, JobPosting } from '../entities/job-posting';

@ObjectType({ description: 'A job posting opened: posted open, or a draft published.' })
export class JobPostedEvent extends HubEvent {
  @Field(() => JobPosting, { nullable: true, description: 'The posting as it is now; null if you may no longer read it.' })
  jobPosting?: JobPosting;
}

@InputType({ description: 'Which postings to hear about; every field given must match.' })
export class JobPostedFilter {
  @Field({ nullable: true, description: 'City of the workplace in English, ignoring case.' })
  city?: string;

  @Field(() => JobKind, { nullable: true })
  kind?: JobKind;

  @Field({ nullable: true, description: 'Postings asking for this skill, ignoring case.' })
  skill?: string;
}

interface HiringOrganization {
  id: string;
  name: string;
  causeAreas: string[];
}

/** Reads what the feed says of the hiring organization (its name and causes) from its owner. */
export async function hiringOrganization(references: References, organizationId: string): Promise<HiringOrganization | undefined> {
  return (await references.fetch<HiringOrganization>('Organization', [organizationId], 'name causeAreas')).get(organizationId);
}

/** Records the opening in the outbox, in the transaction that opens the posting. */
export function publishJobPosted(em: EntityManager, posting: JobPosting, organization: HiringOrganization | undefined): void {
  const where = posting.city ? ` in ${posting.city}` : posting.remote ? ' (remote)' : '';
  publishEvent(em, JOB_POSTED, {
    summary: `${organization?.name ?? 'An organization'} is hiring: ${posting.title}${where}`,
    city: posting.city ?? null,
    causes: organization?.causeAreas ?? [],
    refs: { jobPosting: { id: posting.id }, organization: { id: posting.organizationId } },
    match: {
      city: posting.city ?? null,
      kind: posting.kind,
      skill: posting.skills,
      cause: organization?.causeAreas ?? [],
      organization: posting.organizationId,
    },
  });
}
