import { GatewaySubscription } from '@ngo-hub/kit';
import { Arg, ID, Resolver } from 'type-graphql';
import { JobPostedEvent, JobPostedFilter } from '../events/job-posted.event';

/** Live updates this subgraph declares; the gateway serves them from the hub's event log. */
@Resolver()
export class PeopleSubscriptionResolver {
  @GatewaySubscription(() => JobPostedEvent, 'Job postings as they open (posted open, or a draft published).')
  jobPosted(
    @Arg('filter', () => JobPostedFilter, { nullable: true }) _filter?: JobPostedFilter,
    @Arg('since', () => ID, { nullable: true, description: 'Resume after this event id: first the events missed, then live ones.' }) _since?: string,
  ): JobPostedEvent {
    throw new Error('served by the gateway');
  }
}
