import { GatewaySubscription } from '@ngo-hub/kit';
import { Arg, ID, Resolver } from 'type-graphql';
import { EnrollmentChangedEvent } from '../events/enrollment-changed.event';

/** Live updates this subgraph declares; the gateway serves them from the hub's event log. */
@Resolver()
export class TrainingSubscriptionResolver {
  @GatewaySubscription(() => EnrollmentChangedEvent, 'Enrollments in a course as they are made or change status; only those you may read.')
  enrollmentChanged(
    @Arg('course', () => ID, { description: 'The course.' }) _course: string,
    @Arg('since', () => ID, { nullable: true, description: 'Resume after this event id: first the events missed, then live ones.' }) _since?: string,
  ): EnrollmentChangedEvent {
    throw new Error('served by the gateway');
  }
}
