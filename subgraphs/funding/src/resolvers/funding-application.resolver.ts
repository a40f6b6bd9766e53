import { Auth, AuthRule, type HubContext, money, Money } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FundingApplication, FundingApplicationStatus } from '../entities/funding-application';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';
import { organizationRef, OrganizationRef } from '../entities/organization-ref';
import {
  AwardFundingApplicationInput,
  CloseFundingApplicationInput,
  FundingApplicationInput,
  SubmitFundingApplicationInput,
} from '../inputs/funding-application.input';
import { applicationById, awardFundingApplication, moveFundingApplication, submitFundingApplication } from '../services/funding-applications';
import { programmeById } from '../services/funding-programmes';
import { grantById } from '../services/grants';
import { applicationApplicant, applicationFunder } from '../services/auth-subjects';

@ObjectType({ description: 'The result of a step of a funding application.' })
export class FundingApplicationPayload {
  @Field(() => FundingApplication, { description: 'The application in its new status.' })
  fundingApplication: FundingApplication;

  @Field(() => Grant, { nullable: true, description: 'The grant created, when the application was awarded.' })
  grant?: Grant | null;
}

@Resolver(() => FundingApplication)
export class FundingApplicationResolver {
  @Query(() => FundingApplication, { nullable: true, description: 'One funding application by id; null when there is none.' })
  fundingApplication(@Arg('id', () => ID, { description: "The application's id." }) id: string, @Ctx() ctx: HubContext): Promise<FundingApplication | null> {
    return ctx.loaders.load(applicationById, id);
  }

  @Mutation(() => FundingApplicationPayload, { description: "Files an organization's application to a programme (SUBMITTED)." })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { applicantOrganizationId: string } }) => ({
    organizationIds: [args.input.applicantOrganizationId],
  }))
  async submitFundingApplication(
    @Arg('input', () => SubmitFundingApplicationInput, { description: 'The application.' }) input: SubmitFundingApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingApplicationPayload> {
    return { fundingApplication: await submitFundingApplication(ctx.em, ctx.references, input) };
  }

  @Mutation(() => FundingApplicationPayload, { description: 'The funder starts reviewing a SUBMITTED application (UNDER_REVIEW).' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { applicationId: string } }, ctx: HubContext) =>
    applicationFunder(ctx, args.input.applicationId),
  )
  async startFundingApplicationReview(
    @Arg('input', () => FundingApplicationInput, { description: 'The application.' }) input: FundingApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingApplicationPayload> {
    return { fundingApplication: await moveFundingApplication(ctx.em, input, FundingApplicationStatus.UNDER_REVIEW) };
  }

  @Mutation(() => FundingApplicationPayload, {
    description:
      'Awards an application UNDER_REVIEW: creates its grant (AWARDED, possibly for another amount than requested) in the same transaction and links the two.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { applicationId: string } }, ctx: HubContext) =>
    applicationFunder(ctx, args.input.applicationId),
  )
  async awardFundingApplication(
    @Arg('input', () => AwardFundingApplicationInput, { description: "The application and the grant's details." }) input: AwardFundingApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingApplicationPayload> {
    const { application, grant } = await awardFundingApplication(ctx.em, ctx.references, input);
    return { fundingApplication: application, grant };
  }

  @Mutation(() => FundingApplicationPayload, { description: 'The funder declines an application UNDER_REVIEW (DECLINED).' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { applicationId: string } }, ctx: HubContext) =>
    applicationFunder(ctx, args.input.applicationId),
  )
  async declineFundingApplication(
    @Arg('input', () => CloseFundingApplicationInput, { description: 'The application and the reason.' }) input: CloseFundingApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingApplicationPayload> {
    return { fundingApplication: await moveFundingApplication(ctx.em, input, FundingApplicationStatus.DECLINED) };
  }

  @Mutation(() => FundingApplicationPayload, { description: 'The applicant withdraws an application before the decision (WITHDRAWN).' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { applicationId: string } }, ctx: HubContext) =>
    applicationApplicant(ctx, args.input.applicationId),
  )
  async withdrawFundingApplication(
    @Arg('input', () => CloseFundingApplicationInput, { description: 'The application and the reason.' }) input: CloseFundingApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingApplicationPayload> {
    return { fundingApplication: await moveFundingApplication(ctx.em, input, FundingApplicationStatus.WITHDRAWN) };
  }

  @FieldResolver(() => Money, { description: 'Amount asked for, exact.' })
  requestedAmount(@Root() application: FundingApplication): Money {
    return money(application.requestedAmount, application.requestedCurrency);
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization that applied.' })
  applicant(@Root() application: FundingApplication): OrganizationRef {
    return organizationRef(application.applicantOrganizationId);
  }

  @FieldResolver(() => FundingProgramme, { description: 'The programme applied to.' })
  async programme(@Root() application: FundingApplication, @Ctx() ctx: HubContext): Promise<FundingProgramme> {
    return (await ctx.loaders.load(programmeById, application.programme.id))!;
  }

  @FieldResolver(() => Grant, { nullable: true, description: 'The grant awarded from the application, once AWARDED.' })
  async grant(@Root() application: FundingApplication, @Ctx() ctx: HubContext): Promise<Grant | null> {
    return application.grant ? ctx.loaders.load(grantById, application.grant.id) : null;
  }
}
