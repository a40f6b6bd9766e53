import { Money } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "An organization's funding in one year and one currency, as recipient and as funder (AWARDED, ACTIVE and COMPLETED grants, by award date). Currencies are never converted.",
})
export class FundingYearSummary {
  @Field(() => Int, { description: 'Year of the awards.' })
  year: number;

  @Field({ description: 'ISO 4217 currency of the amounts.' })
  currency: string;

  @Field(() => Money, { description: 'Money received in grants awarded that year, in this currency.' })
  received: Money;

  @Field(() => Money, { description: 'Money given in grants awarded that year, in this currency.' })
  given: Money;

  @Field(() => Int, { description: 'How many grants in this currency the organization received that year.' })
  grantsReceived: number;

  @Field(() => Int, { description: 'How many grants in this currency the organization made that year.' })
  grantsMade: number;
}
