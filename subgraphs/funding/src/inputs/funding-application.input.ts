import { CauseArea, ConnectionArgs, MoneyInput } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { FundingApplicationStatus } from '../entities/funding-application';

@InputType({ description: "An organization's application to a funding programme." })
export class SubmitFundingApplicationInput {
  @Field(() => ID, { description: 'The programme applied to.' })
  programmeId: string;

  @Field(() => ID, { description: "The applying organization; must exist, and must not be the programme's funder." })
  applicantOrganizationId: string;

  @Field({ description: 'Title of the proposed project.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the applicant proposes to do with the money.' })
  description?: string | null;

  @Field(() => MoneyInput, { description: "Amount asked for: greater than zero; in the programme's budget currency and within its budget, when it has one." })
  requestedAmount: MoneyInput;
}

@InputType({ description: 'Names an application to move on.' })
export class FundingApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId: string;
}

@InputType({ description: 'Declines or withdraws an application, with the reason.' })
export class CloseFundingApplicationInput extends FundingApplicationInput {
  @Field(() => String, { nullable: true, description: 'Why: kept with the application as its decision note.' })
  note?: string | null;
}

@InputType({ description: 'Awards an application under review: creates its grant in the same transaction.' })
export class AwardFundingApplicationInput extends FundingApplicationInput {
  @Field(() => MoneyInput, { nullable: true, description: 'Amount awarded; the amount requested when left out. May differ from it.' })
  amountAwarded?: MoneyInput | null;

  @Field(() => Date, { nullable: true, description: 'Date of the award; today when left out.' })
  awardDate?: string | null;

  @Field(() => String, { nullable: true, description: '360Giving identifier of the grant; generated as 360G-ngohub-<uuid> when left out.' })
  identifier?: string | null;

  @Field(() => Date, { nullable: true, description: 'Planned start of the funded work.' })
  plannedStartDate?: string | null;

  @Field(() => Date, { nullable: true, description: 'Not before plannedStartDate.' })
  plannedEndDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The lot of the programme the grant falls under.' })
  lotId?: string | null;

  @Field(() => String, { nullable: true, description: 'City or region of the beneficiaries.' })
  beneficiaryLocation?: string | null;

  @Field(() => [CauseArea], { nullable: true, description: "What the grant is for; the programme's causes when left out." })
  causeAreas?: CauseArea[] | null;
}

@ArgsType()
export class FundingApplicationsArgs extends ConnectionArgs {
  @Field(() => FundingApplicationStatus, { nullable: true, description: 'Only applications in this status.' })
  status?: FundingApplicationStatus | null;
}
