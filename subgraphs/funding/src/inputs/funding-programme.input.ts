import { MoneyInput } from '@ngo-hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FundingKind } from '../entities/funding-programme';

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
}

@InputType({ description: 'Narrows a list of funding programmes; all given conditions must hold.' })
export class FundingProgrammeFilter {
  @Field(() => ID, { nullable: true, description: 'Run by this organization.' })
  funderId?: string | null;

  @Field(() => FundingKind, { nullable: true, description: 'Of this kind.' })
  kind?: FundingKind | null;

  @Field(() => Int, { nullable: true, description: 'Running in this year.' })
  year?: number | null;
}
