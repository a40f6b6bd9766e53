import { Connection, Money, ListSize } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { OrganizationRef } from '../entities/organization-ref';

@ObjectType({ description: 'Money from one funder to one recipient: an edge of the sector map, summed over the grants that match the filter.' })
export class FundingFlow {
  @Field(() => OrganizationRef, { description: 'The organization the money comes from.' })
  funder: OrganizationRef;

  @Field(() => OrganizationRef, { description: 'The organization the money goes to.' })
  recipient: OrganizationRef;

  @Field(() => Int, { description: 'How many grants make up the flow, across currencies.' })
  grantCount: number;

  @ListSize(5)
  @Field(() => [Money], { description: 'The sum of the grants, one per currency (never converted), by currency code.' })
  totals: Money[];
}

@ObjectType({ description: 'A page of funding flows, the flow with most grants first.' })
export class FundingFlowConnection extends Connection(() => FundingFlow, 'FundingFlow') {}
