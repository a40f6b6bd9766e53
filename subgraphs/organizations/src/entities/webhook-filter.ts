import { CauseArea, Money } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Which events of its topics a webhook receives: the filters of the hub's subscriptions. `city`
 * and `cause` apply to every topic; the others to the one topic whose subscription has them
 * (`funder`, `recipient`, `minAmount`: GRANT_AWARDED; `skill`: JOB_POSTED; `course`: ENROLLMENT_CHANGED).
 */
@ObjectType({ description: "Which events of its topics a webhook receives; every field set must match (as in the subscriptions' filters)." })
export class WebhookFilter {
  @Field(() => String, { nullable: true, description: 'City in English, ignoring case (every topic).' })
  city?: string | null;

  @Field(() => CauseArea, { nullable: true, description: 'Events concerning this cause (every topic).' })
  cause?: CauseArea | null;

  @Field(() => ID, { nullable: true, description: 'GRANT_AWARDED: grants made by this funding organization.' })
  funder?: string | null;

  @Field(() => ID, { nullable: true, description: 'GRANT_AWARDED: grants received by this organization.' })
  recipient?: string | null;

  @Field(() => Money, { nullable: true, description: 'GRANT_AWARDED: awards of at least this amount, in this currency.' })
  minAmount?: Money | null;

  @Field(() => String, { nullable: true, description: 'JOB_POSTED: postings asking for this skill, ignoring case.' })
  skill?: string | null;

  @Field(() => ID, { nullable: true, description: 'ENROLLMENT_CHANGED: enrollments in this course.' })
  course?: string | null;
}
