import { Field, ID } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/**
 * What every live-update payload carries: its place in the hub's event log and its time. Not a
 * GraphQL type of its own: each event type extends it and inherits the fields.
 */
export abstract class HubEvent {
  @Field(() => ID, { description: 'Position in the hub event log; pass the last one you saw as `since` (or `connectionParams.lastEventId`) to resume without gaps.' })
  eventId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  occurredAt!: Date;
}
