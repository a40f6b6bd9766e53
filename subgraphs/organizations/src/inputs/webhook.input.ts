import { CauseArea, ConnectionArgs, MoneyInput } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SectorActivityKind } from '../events/sector-activity.event';
import { WebhookDeliveryStatus } from '../vocabulary/webhook-delivery-status';

@InputType({
  description:
    'Which events of its topics a webhook receives; every field given must match. funder, recipient and minAmount need GRANT_AWARDED among the topics, skill JOB_POSTED, course ENROLLMENT_CHANGED.',
})
export class WebhookFilterInput {
  @Field(() => String, { nullable: true, description: 'City in English, ignoring case (every topic).' })
  city?: string | null;

  @Field(() => CauseArea, { nullable: true, description: 'Events concerning this cause (every topic).' })
  cause?: CauseArea | null;

  @Field(() => ID, { nullable: true, description: 'GRANT_AWARDED: grants made by this funding organization.' })
  funder?: string | null;

  @Field(() => ID, { nullable: true, description: 'GRANT_AWARDED: grants received by this organization.' })
  recipient?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'GRANT_AWARDED: awards of at least this amount, in this currency.' })
  minAmount?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'JOB_POSTED: postings asking for this skill, ignoring case.' })
  skill?: string | null;

  @Field(() => ID, { nullable: true, description: 'ENROLLMENT_CHANGED: enrollments in this course.' })
  course?: string | null;
}

@InputType({ description: "A new webhook: an endpoint of an organization that receives the hub's events." })
export class CreateWebhookInput {
  @Field(() => ID, { description: 'The organization it is for; events are sent only when this organization may read them.' })
  organizationId: string;

  @Field({ description: 'Where events are POSTed: an https:// URL (http://localhost too in development).' })
  url: string;

  @Field(() => [SectorActivityKind], { description: 'The kinds of events to send (at least one).' })
  topics: SectorActivityKind[];

  @Field(() => WebhookFilterInput, { nullable: true, description: 'Which events of those kinds to send; all when omitted.' })
  filter?: WebhookFilterInput | null;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for (at most 300 characters).' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook; fields left out stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true, description: 'A new endpoint URL.' })
  url?: string | null;

  @Field(() => [SectorActivityKind], { nullable: true, description: 'New kinds of events (at least one).' })
  topics?: SectorActivityKind[] | null;

  @Field(() => WebhookFilterInput, { nullable: true, description: 'A new filter, replacing the old one whole.' })
  filter?: WebhookFilterInput | null;

  @Field(() => String, { nullable: true, description: 'A new description; an empty string removes it.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses delivery; true resumes it from where it stopped (also after FAILING).' })
  enabled?: boolean | null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  status?: WebhookDeliveryStatus | null;
}
