import { CauseArea, ConnectionArgs, DateTimeScalar, ILLUSTRATIVE_FILTER_DESCRIPTION, MoneyInput, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GrantStatus } from '../entities/grant';

@InputType({ description: 'A grant to record. Recipient, funder and programme must exist; amounts are exact decimal strings.' })
export class AwardGrantInput {
  @Field(() => String, { nullable: true, description: '360Giving identifier (e.g. 360G-chengdu-2012-001); generated as 360G-ngohub-<uuid> when left out.' })
  identifier?: string | null;

  @Field({ description: 'Title of the grant (English, Chinese or both).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the grant is for.' })
  description?: string | null;

  @Field(() => MoneyInput, { description: "Amount awarded: greater than zero, with at most the currency's minor units." })
  amountAwarded: MoneyInput;

  @Field(() => Date, { description: 'Date of the award (or the planned award, when PROPOSED).' })
  awardDate: string;

  @Field(() => Date, { nullable: true, description: 'Planned start of the funded work.' })
  plannedStartDate?: string | null;

  @Field(() => Date, { nullable: true, description: 'Not before plannedStartDate.' })
  plannedEndDate?: string | null;

  @Field(() => ID, { description: 'The organization that receives the grant; must exist.' })
  recipientOrganizationId: string;

  @Field(() => ID, { description: 'The organization that makes the grant; must exist.' })
  fundingOrganizationId: string;

  @Field(() => ID, { nullable: true, description: "The funding programme the grant belongs to; its funder must be the grant's funder." })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The lot of the programme the grant falls under; needs programmeId.' })
  lotId?: string | null;

  @Field(() => String, { nullable: true, description: 'City or region of the beneficiaries.' })
  beneficiaryLocation?: string | null;

  @Field(() => [CauseArea], { nullable: true, description: 'What the grant is for (360Giving classifications); each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => GrantStatus, { nullable: true, description: 'AWARDED (default) or PROPOSED; a grant starts in one of these.' })
  status?: GrantStatus | null;
}

@InputType({ description: 'Narrows a list of grants; all given conditions must hold.' })
export class GrantFilter {
  @Field(() => ID, { nullable: true, description: 'Made by this organization.' })
  funderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Received by this organization.' })
  recipientId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Made by the organization with this org-id (360Giving's, e.g. GB-CHC-1164021, or CN-USCI-<credit code>).",
  })
  funderOrgId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Received by the organization with this org-id (360Giving's, e.g. GB-COH-01234567, or CN-USCI-<credit code>).",
  })
  recipientOrgId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Part of this funding programme.' })
  programmeId?: string | null;

  @Field(() => GrantStatus, { nullable: true, description: 'In this status.' })
  status?: GrantStatus | null;

  @Field(() => Int, { nullable: true, description: 'Awarded in this year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'In this currency (ISO 4217 code).' })
  currency?: string | null;

  @Field(() => [CauseArea], { nullable: true, description: 'Classified under any of these causes.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true, description: 'Finds the text in the title (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}

@ArgsType()
export class OrganizationGrantsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Only grants awarded in this year.' })
  year?: number | null;

  @Field(() => GrantStatus, { nullable: true, description: 'Only grants in this status.' })
  status?: GrantStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only grants of this funding programme.' })
  programmeId?: string | null;
}
