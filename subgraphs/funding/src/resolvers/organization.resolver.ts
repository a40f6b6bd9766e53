import { Money, type HubContext, ListSize, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationRef } from '../entities/organization-ref';
import { FundingApplicationsArgs } from '../inputs/funding-application.input';
import { OrganizationGrantsArgs } from '../inputs/grant.input';
import { applicationsOfOrganization } from '../services/funding-applications';
import { fundingSummaryOf } from '../services/funding-summary';
import { totalAwardedBy, totalReceivedBy } from '../services/funding-totals';
import { grantsMadeBy, grantsReceivedBy } from '../services/grants';
import { FundingYearSummary } from '../types/funding-year-summary';
import { FundingApplicationConnection } from './funding-application-connection';
import { GrantConnection } from './grant-connection';

/** What funding adds to the organizations subgraph's `Organization`. */
// Fields added to another subgraph's entity are nullable: while this subgraph is down, the
// gateway still answers the rest of a query (partial data) instead of nulling the whole entity.
@Resolver(() => OrganizationRef)
export class OrganizationFundingResolver {
  @FieldResolver(() => GrantConnection, {
    nullable: true,
    description: 'Grants the organization received, newest award first; filtered by year, status and programme.',
  })
  grantsReceived(@Root() organization: OrganizationRef, @Args(() => OrganizationGrantsArgs) args: OrganizationGrantsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(grantsReceivedBy, { parentId: organization.id, args });
  }

  @FieldResolver(() => GrantConnection, {
    nullable: true,
    description: 'Grants the organization made as funder, newest award first; filtered by year, status and programme.',
  })
  grantsMade(@Root() organization: OrganizationRef, @Args(() => OrganizationGrantsArgs) args: OrganizationGrantsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(grantsMadeBy, { parentId: organization.id, args });
  }

  @ListSize(5)
  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @FieldResolver(() => [Money], {
    nullable: true,
    description: 'Money received, one sum per currency (never converted), over AWARDED, ACTIVE and COMPLETED grants.',
  })
  totalReceived(@Root() organization: OrganizationRef, @Ctx() ctx: HubContext): Promise<Money[]> {
    return ctx.loaders.load(totalReceivedBy, organization.id);
  }

  @ListSize(5)
  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @FieldResolver(() => [Money], {
    nullable: true,
    description: 'Money awarded as funder, one sum per currency (never converted), over AWARDED, ACTIVE and COMPLETED grants.',
  })
  totalAwarded(@Root() organization: OrganizationRef, @Ctx() ctx: HubContext): Promise<Money[]> {
    return ctx.loaders.load(totalAwardedBy, organization.id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @FieldResolver(() => [FundingYearSummary], {
    nullable: true,
    description: 'Funding received and given, per year and currency (never converted), over AWARDED, ACTIVE and COMPLETED grants; earliest year first.',
  })
  fundingSummary(@Root() organization: OrganizationRef, @Ctx() ctx: HubContext): Promise<FundingYearSummary[]> {
    return ctx.loaders.load(fundingSummaryOf, organization.id);
  }

  @FieldResolver(() => FundingApplicationConnection, {
    nullable: true,
    description: 'Applications the organization made to funding programmes, latest submitted first.',
  })
  fundingApplications(@Root() organization: OrganizationRef, @Args(() => FundingApplicationsArgs) args: FundingApplicationsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(applicationsOfOrganization, { parentId: organization.id, args });
  }
}
