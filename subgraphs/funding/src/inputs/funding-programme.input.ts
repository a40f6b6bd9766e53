import { CauseArea, MoneyInput, DateTimeScalar, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FundingKind } from '../entities/funding-programme';

@InputType({ description: 'A lot (category) of a programme, e.g. "Community elderly care".' })
export class FundingProgrammeLotInput {
  @Field({ description: 'Name in English; unique within the programme.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes the lot funds; each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true, description: 'What the lot buys or funds.' })
  description?: string | null;
}

@InputType({ description: 'A new funding programme, run by a funder organization that must exist.' })
export class CreateFundingProgrammeInput {
  @Field({ description: 'Name in English.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => FundingKind, { description: 'How the programme gives its money.' })
  kind: FundingKind;

  @Field(() => Int, { description: 'The year the programme runs, e.g. 2012.' })
  year: number;

  @Field(() => ID, { description: 'The organization that runs and pays for the programme.' })
  funderOrganizationId: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Total budget, if known; greater than zero.' })
  budget?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'What the programme funds and how.' })
  description?: string | null;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes the programme funds; each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => Int, { nullable: true, description: 'How many projects the programme sets out to fund; greater than zero.' })
  plannedProjects?: number | null;

  @Field(() => String, { nullable: true, description: "The funder's code for the programme (360Giving grantProgramme.code); unique per funder." })
  code?: string | null;

  @Field(() => [FundingProgrammeLotInput], { nullable: true, description: 'The lots (categories) of the programme, in order.' })
  lots?: FundingProgrammeLotInput[] | null;
}

@InputType({ description: "A lot to add at the end of an existing programme's lots." })
export class AddFundingProgrammeLotInput extends FundingProgrammeLotInput {
  @Field(() => ID, { description: 'The programme the lot belongs to.' })
  programmeId: string;
}

@InputType({ description: 'Narrows a list of funding programmes; all given conditions must hold.' })
export class FundingProgrammeFilter {
  @Field(() => ID, { nullable: true, description: 'Run by this organization.' })
  funderId?: string | null;

  @Field(() => FundingKind, { nullable: true, description: 'Of this kind.' })
  kind?: FundingKind | null;

  @Field(() => Int, { nullable: true, description: 'Running in this year.' })
  year?: number | null;

  @Field(() => [CauseArea], { nullable: true, description: 'Funding any of these causes.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}
