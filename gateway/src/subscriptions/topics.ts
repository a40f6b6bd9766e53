import { EVENT_TOPICS, type EventTopic } from '@ngo-hub/kit';

/**
 * Which topics of the hub event log feed each subscription field of the supergraph. A field
 * declared in a subgraph's SDL but missing here is refused with a clear error.
 */
export const SUBSCRIPTION_TOPICS: Readonly<Record<string, readonly EventTopic[]>> = {
  organizationChanged: ['ORGANIZATION_CHANGED'],
  grantAwarded: ['GRANT_AWARDED'],
  jobPosted: ['JOB_POSTED'],
  enrollmentChanged: ['ENROLLMENT_CHANGED'],
  sectorActivity: EVENT_TOPICS,
};

/** Arguments that are not filters. */
export const RESUME_ARGUMENT = 'since';
