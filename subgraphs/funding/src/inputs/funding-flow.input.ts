import { CauseArea, ConnectionArgs, ILLUSTRATIVE_FILTER_DESCRIPTION } from '@ngo-hub/kit';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { OrganizationKind } from '@ngo-hub/kit';

@InputType({ description: 'Narrows funding flows; all given conditions must hold. Only AWARDED, ACTIVE and COMPLETED grants count.' })
export class FundingFlowFilter {
  @Field(() => Int, { nullable: true, description: 'Grants awarded in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grants awarded in this year or earlier.' })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Recipients in this city (as the organizations directory writes it, e.g. Chengdu; case-insensitive).' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Recipients in this province (e.g. Sichuan; case-insensitive).' })
  province?: string | null;

  @Field(() => [OrganizationKind], {
    nullable: true,
    description: 'Funders of any of these kinds, e.g. GOVERNMENT_AGENCY for government purchase of services.',
  })
  funderKinds?: OrganizationKind[] | null;

  @Field(() => [CauseArea], { nullable: true, description: 'Grants classified under any of these causes.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;
}

@ArgsType()
export class FundingFlowsArgs extends ConnectionArgs {
  @Field(() => FundingFlowFilter, { nullable: true, description: 'Conditions the grants and organizations must meet.' })
  filter?: FundingFlowFilter | null;
}
