import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ApplicationStatus } from '../entities/job-application';

@InputType({ description: 'A person applying to a posting that takes applications today.' })
export class ApplyForJobInput {
  @Field(() => ID, { description: 'The posting applied to.' })
  postingId: string;

  @Field(() => ID, { description: 'The applicant.' })
  personId: string;

  @Field(() => String, { nullable: true, description: 'A note to the organization (at most 5000 characters).' })
  coverNote?: string | null;
}

@InputType({
  description:
    "The organization's decision on an application: SHORTLISTED, OFFERED, HIRED or REJECTED (withdrawing is the applicant's: `withdrawApplication`).",
})
export class ChangeApplicationStatusInput {
  @Field(() => ID, { description: 'The application.' })
  id: string;

  @Field(() => ApplicationStatus, { description: 'The new status; must follow from the current one (see `JobApplication.nextStatuses`).' })
  status: ApplicationStatus;
}

@InputType({ description: 'The applicant withdrawing an application that is not yet final.' })
export class WithdrawApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  id: string;
}

@ArgsType()
export class ApplicationListArgs extends ConnectionArgs {
  @Field(() => [ApplicationStatus], { nullable: true, description: 'Only applications in any of these statuses.' })
  statuses?: ApplicationStatus[];
}
