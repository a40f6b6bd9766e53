import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/**
 * What every live-update payload carries: its place in the hub's event log and its time. Each
 * event type extends it and inherits the fields (type-graphql needs the base decorated for that;
 * the base itself is referenced by no field, so it is not in the schema).
 */
@ObjectType()
export abstract class HubEvent {
  @Field(() => ID, {
    description: 'Position in the hub event log; pass the last one you saw as `since` (or `connectionParams.lastEventId`) to resume without gaps.',
  })
  eventId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  occurredAt!: Date;

  @Field({
    description:
      "Whether the entity, as changed, passes this subscription's filter. False when the change took it out of the filter (e.g. an organization moved to another city): remove it from a filtered view. Such an event is delivered once; later changes outside the filter are not.",
  })
  matches!: boolean;
}
