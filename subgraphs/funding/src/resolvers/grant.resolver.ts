import { Auth, AuthRule, ConnectionArgs, type HubContext, money, Money, ListOrder, ORDER_BY_DESCRIPTION, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FundingApplication } from '../entities/funding-application';
import { FundingProgramme } from '../entities/funding-programme';
import { FundingProgrammeLot } from '../entities/funding-programme-lot';
import { Grant, GrantStatus } from '../entities/grant';
import { organizationRef, OrganizationRef } from '../entities/organization-ref';
import { ChangeGrantStatusInput } from '../inputs/grant-status.input';
import { AwardGrantInput, GrantFilter } from '../inputs/grant.input';
import { awardGrant } from '../services/award-grant';
import { disbursedAmountsOf, disbursementsOfGrant } from '../services/disbursements';
import { applicationOfGrant } from '../services/funding-applications';
import { lotById } from '../services/funding-programme-lots';
import { programmeById } from '../services/funding-programmes';
import { changeGrantStatus } from '../services/grant-status';
import { grantById, listGrants } from '../services/grants';
import { OrganizationDirectory } from '../services/organization-directory';
import { DisbursementConnection } from './disbursement-connection';
import { GrantConnection } from './grant-connection';
import { grantFunder } from '../services/auth-subjects';
import { objectsOf, publishedOf, publishedOrganization, textOf } from '../services/grant-published';
import { BeneficiaryLocation, GrantClassification, PublishedGrantProgramme, PublishedOrganization } from '../types/grant-as-published';

@ObjectType({ description: 'The result of awarding a grant.' })
export class GrantPayload {
  @Field(() => Grant, { description: 'The grant as stored.' })
  grant: Grant;
}

@ObjectType({ description: 'The result of moving a grant to another status.' })
export class GrantStatusPayload {
  @Field(() => Grant, { description: 'The grant in its new status.' })
  grant: Grant;

  @Field(() => GrantStatus, { description: 'The status the grant had before.' })
  previousStatus: GrantStatus;
}

@Resolver(() => Grant)
export class GrantResolver {
  @Query(() => Grant, { nullable: true, description: 'One grant by id; null when there is none.' })
  grant(@Arg('id', () => ID, { description: "The grant's id." }) id: string, @Ctx() ctx: HubContext): Promise<Grant | null> {
    return ctx.loaders.load(grantById, id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => GrantConnection, { description: 'Grants, filtered and paginated, newest award first.' })
  grants(
    @Arg('filter', () => GrantFilter, { nullable: true, description: 'Conditions the grants must meet.' }) filter: GrantFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listGrants(ctx.em, OrganizationDirectory.of(ctx), filter, page, orderBy);
  }

  @Mutation(() => GrantPayload, { description: 'Records a grant from a funder to a recipient organization (AWARDED unless PROPOSED is asked for).' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { fundingOrganizationId: string } }) => ({
    organizationIds: [args.input.fundingOrganizationId],
  }))
  async awardGrant(
    @Arg('input', () => AwardGrantInput, { description: 'The grant to record.' }) input: AwardGrantInput,
    @Ctx() ctx: HubContext,
  ): Promise<GrantPayload> {
    return { grant: await awardGrant(ctx.em, ctx.references, input) };
  }

  @Mutation(() => GrantStatusPayload, {
    description:
      'Moves a grant to another status along PROPOSED → AWARDED → ACTIVE → COMPLETED (or CANCELLED before it is ACTIVE); CONFLICT for any other move.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { grantId: string } }, ctx: HubContext) => grantFunder(ctx, args.input.grantId))
  async changeGrantStatus(
    @Arg('input', () => ChangeGrantStatusInput, { description: 'The grant and its new status.' }) input: ChangeGrantStatusInput,
    @Ctx() ctx: HubContext,
  ): Promise<GrantStatusPayload> {
    return changeGrantStatus(ctx.em, ctx.references, input);
  }

  @FieldResolver(() => Money, { description: "Amount awarded, exact, in the grant's currency." })
  amountAwarded(@Root() grant: Grant): Money {
    return money(grant.amount, grant.currency);
  }

  @FieldResolver(() => Money, { description: "Sum of the disbursements so far, in the grant's currency." })
  async amountDisbursed(@Root() grant: Grant, @Ctx() ctx: HubContext): Promise<Money> {
    return (await ctx.loaders.load(disbursedAmountsOf, grant.id))?.disbursed ?? money('0', grant.currency);
  }

  @FieldResolver(() => Money, { description: "Amount awarded not yet disbursed, in the grant's currency; never negative." })
  async amountRemaining(@Root() grant: Grant, @Ctx() ctx: HubContext): Promise<Money> {
    return (await ctx.loaders.load(disbursedAmountsOf, grant.id))?.remaining ?? money(grant.amount, grant.currency);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "Amount disbursed as the grant's 360Giving publisher stated it (amountDisbursed), exact; null when the file did not say or the grant was made on the hub. Disbursements recorded on the hub are in amountDisbursed.",
  })
  publishedAmountDisbursed(@Root() grant: Grant): Money | null {
    return grant.publishedAmountDisbursed === undefined || grant.publishedAmountDisbursed === null
      ? null
      : money(grant.publishedAmountDisbursed, grant.currency);
  }

  @FieldResolver(() => PublishedOrganization, {
    nullable: true,
    description: "The recipient as the grant's 360Giving file named it: identifiers and address as published; null for grants made on the hub.",
  })
  recipientAsPublished(@Root() grant: Grant): PublishedOrganization | null {
    return publishedOrganization(publishedOf(grant).recipientOrganization);
  }

  @FieldResolver(() => PublishedOrganization, {
    nullable: true,
    description: "The funder as the grant's 360Giving file named it: identifiers and address as published; null for grants made on the hub.",
  })
  funderAsPublished(@Root() grant: Grant): PublishedOrganization | null {
    return publishedOrganization(publishedOf(grant).fundingOrganization);
  }

  @FieldResolver(() => [BeneficiaryLocation], {
    description: "Where the beneficiaries are, as the grant's 360Giving file says (names and geographic codes); empty when it does not.",
  })
  beneficiaryLocations(@Root() grant: Grant): BeneficiaryLocation[] {
    return objectsOf(publishedOf(grant).beneficiaryLocation).map((l) => ({
      name: textOf(l.name),
      countryCode: textOf(l.countryCode),
      geoCode: textOf(l.geoCode),
      geoCodeType: textOf(l.geoCodeType),
    }));
  }

  @FieldResolver(() => [GrantClassification], {
    description: "The grant's classifications as its 360Giving file gives them (causeAreas are the hub's reading of them); empty when it gives none.",
  })
  classifications(@Root() grant: Grant): GrantClassification[] {
    return objectsOf(publishedOf(grant).classifications).map((c) => ({ vocabulary: textOf(c.vocabulary), code: textOf(c.code), title: textOf(c.title) }));
  }

  @FieldResolver(() => PublishedGrantProgramme, {
    nullable: true,
    description: "The grant programme as the grant's 360Giving file names it (code, title, url); the hub's programme is `programme`.",
  })
  grantProgramme(@Root() grant: Grant): PublishedGrantProgramme | null {
    const [programme] = objectsOf(publishedOf(grant).grantProgramme);
    return programme ? { code: textOf(programme.code), title: textOf(programme.title), url: textOf(programme.url) } : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "additional_data of the grant's 360Giving file, verbatim JSON text (numbers as written); null when it had none.",
  })
  additionalData(@Root() grant: Grant): string | null {
    return grant.additionalData ?? null;
  }

  @FieldResolver(() => DisbursementConnection, { description: 'Payments made against the grant, earliest first.' })
  disbursements(@Root() grant: Grant, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(disbursementsOfGrant, { parentId: grant.id, args: page });
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization that receives the grant.' })
  recipient(@Root() grant: Grant): OrganizationRef {
    return organizationRef(grant.recipientOrganizationId);
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization that makes the grant.' })
  funder(@Root() grant: Grant): OrganizationRef {
    return organizationRef(grant.fundingOrganizationId);
  }

  @FieldResolver(() => FundingProgramme, { nullable: true, description: 'The funding programme the grant belongs to, if any.' })
  async programme(@Root() grant: Grant, @Ctx() ctx: HubContext): Promise<FundingProgramme | null> {
    return grant.programme ? ctx.loaders.load(programmeById, grant.programme.id) : null;
  }

  @FieldResolver(() => FundingProgrammeLot, { nullable: true, description: 'The lot (category) of its programme the grant falls under, if any.' })
  async lot(@Root() grant: Grant, @Ctx() ctx: HubContext): Promise<FundingProgrammeLot | null> {
    return grant.lot ? ctx.loaders.load(lotById, grant.lot.id) : null;
  }

  @FieldResolver(() => FundingApplication, { nullable: true, description: 'The application the grant was awarded from, if it came from one.' })
  application(@Root() grant: Grant, @Ctx() ctx: HubContext): Promise<FundingApplication | null> {
    return ctx.loaders.load(applicationOfGrant, grant.id);
  }
}
