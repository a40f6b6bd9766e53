import { GatewaySubscription } from '@ngo-hub/kit';
import { Arg, ID, Resolver } from 'type-graphql';
import { OrganizationChangedEvent, OrganizationChangedFilter } from '../events/organization-changed.event';
import { SectorActivityEvent, SectorActivityFilter } from '../events/sector-activity.event';

/** Live updates this subgraph declares; the gateway serves them from the hub's event log. */
@Resolver()
export class OrganizationSubscriptionResolver {
  @GatewaySubscription(() => OrganizationChangedEvent, 'Organizations created or changed, as they are committed.')
  organizationChanged(
    @Arg('filter', () => OrganizationChangedFilter, { nullable: true }) _filter?: OrganizationChangedFilter,
    @Arg('since', () => ID, { nullable: true, description: 'Resume after this event id: first the events missed, then live ones.' }) _since?: string,
  ): OrganizationChangedEvent {
    throw new Error('served by the gateway');
  }

  @GatewaySubscription(
    () => SectorActivityEvent,
    'Everything that changes in the sector (organizations, grants, job postings, enrollments), for a dashboard feed.',
  )
  sectorActivity(
    @Arg('filter', () => SectorActivityFilter, { nullable: true }) _filter?: SectorActivityFilter,
    @Arg('since', () => ID, { nullable: true, description: 'Resume after this event id: first the events missed, then live ones.' }) _since?: string,
  ): SectorActivityEvent {
    throw new Error('served by the gateway');
  }
}
