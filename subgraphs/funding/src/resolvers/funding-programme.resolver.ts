import { Auth, AuthRule, ConnectionArgs, type HubContext, money, Money, ListOrder, ORDER_BY_DESCRIPTION, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FundingProgramme } from '../entities/funding-programme';
import { organizationRef, OrganizationRef } from '../entities/organization-ref';
import { FundingApplicationsArgs } from '../inputs/funding-application.input';
import { CreateFundingProgrammeInput, FundingProgrammeFilter } from '../inputs/funding-programme.input';
import { applicationsOfProgramme } from '../services/funding-applications';
import { lotsOfProgramme } from '../services/funding-programme-lots';
import { createFundingProgramme, listProgrammes, programmeById } from '../services/funding-programmes';
import { grantsOfProgramme } from '../services/grants';
import { FundingApplicationConnection } from './funding-application-connection';
import { FundingProgrammeConnection } from './funding-programme-connection';
import { FundingProgrammeLotConnection } from './funding-programme-lot-connection';
import { GrantConnection } from './grant-connection';

@ObjectType({ description: 'The result of creating a funding programme.' })
export class FundingProgrammePayload {
  @Field(() => FundingProgramme, { description: 'The programme as stored.' })
  fundingProgramme: FundingProgramme;
}

@Resolver(() => FundingProgramme)
export class FundingProgrammeResolver {
  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => FundingProgramme, { nullable: true, description: 'One funding programme by id; null when there is none.' })
  fundingProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() ctx: HubContext): Promise<FundingProgramme | null> {
    return ctx.loaders.load(programmeById, id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => FundingProgrammeConnection, { description: 'Funding programmes, filtered and paginated, latest year first.' })
  fundingProgrammes(
    @Arg('filter', () => FundingProgrammeFilter, { nullable: true, description: 'Conditions the programmes must meet.' })
    filter: FundingProgrammeFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listProgrammes(ctx.em, filter, page, orderBy);
  }

  @Mutation(() => FundingProgrammePayload, { description: 'Adds a funding programme, with its lots; its funder must exist in the organizations subgraph.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { funderOrganizationId: string } }) => ({ organizationIds: [args.input.funderOrganizationId] }))
  async createFundingProgramme(
    @Arg('input', () => CreateFundingProgrammeInput, { description: 'The programme to add.' }) input: CreateFundingProgrammeInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingProgrammePayload> {
    return { fundingProgramme: await createFundingProgramme(ctx.em, ctx.references, input) };
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Total budget of the programme, when known.' })
  budget(@Root() programme: FundingProgramme): Money | null {
    return programme.budgetAmount && programme.budgetCurrency ? money(programme.budgetAmount, programme.budgetCurrency) : null;
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization that runs and pays for the programme.' })
  funder(@Root() programme: FundingProgramme): OrganizationRef {
    return organizationRef(programme.funderOrganizationId);
  }

  @FieldResolver(() => GrantConnection, { description: 'Grants made under the programme, newest award first.' })
  grants(@Root() programme: FundingProgramme, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(grantsOfProgramme, { parentId: programme.id, args: page });
  }

  @FieldResolver(() => FundingProgrammeLotConnection, { description: 'The lots (categories) of the programme, in its order.' })
  lots(@Root() programme: FundingProgramme, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(lotsOfProgramme, { parentId: programme.id, args: page });
  }

  @FieldResolver(() => FundingApplicationConnection, { description: 'Applications to the programme, latest submitted first.' })
  applications(@Root() programme: FundingProgramme, @Args(() => FundingApplicationsArgs) args: FundingApplicationsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(applicationsOfProgramme, { parentId: programme.id, args });
  }
}
