import { CacheControl, CACHE_MAX_AGE } from '@ngo-hub/kit';
import type { HubContext } from '@ngo-hub/kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { FundingFlowsArgs } from '../inputs/funding-flow.input';
import { fundingFlows } from '../services/funding-flows';
import { OrganizationDirectory } from '../services/organization-directory';
import { FundingFlow, FundingFlowConnection } from '../types/funding-flow';

@Resolver(() => FundingFlow)
export class FundingFlowResolver {
  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @Query(() => FundingFlowConnection, {
    description:
      "The sector map's money: funder → recipient flows with grant counts and totals per currency, over AWARDED, ACTIVE and COMPLETED grants; the flow with most grants first, at most 100 a page.",
  })
  fundingFlows(@Args(() => FundingFlowsArgs) args: FundingFlowsArgs, @Ctx() ctx: HubContext) {
    return fundingFlows(ctx.em, OrganizationDirectory.of(ctx), args);
  }
}
