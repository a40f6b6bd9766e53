import { GatewaySubscription } from '@ngo-hub/kit';
import { Arg, ID, Resolver } from 'type-graphql';
import { GrantAwardedEvent, GrantAwardedFilter } from '../events/grant-awarded.event';

/** Live updates this subgraph declares; the gateway serves them from the hub's event log. */
@Resolver()
export class FundingSubscriptionResolver {
  @GatewaySubscription(() => GrantAwardedEvent, 'Grants as they are awarded.')
  grantAwarded(
    @Arg('filter', () => GrantAwardedFilter, { nullable: true }) _filter?: GrantAwardedFilter,
    @Arg('since', () => ID, { nullable: true, description: 'Resume after this event id: first the events missed, then live ones.' }) _since?: string,
  ): GrantAwardedEvent {
    throw new Error('served by the gateway');
  }
}
