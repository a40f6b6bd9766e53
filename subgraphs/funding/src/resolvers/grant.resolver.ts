import { ConnectionArgs, money, Money, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';
import { organizationRef, OrganizationRef } from '../entities/organization-ref';
import { AwardGrantInput, GrantFilter } from '../inputs/grant.input';
import { awardGrant } from '../services/award-grant';
import { programmeById } from '../services/funding-programmes';
import { grantById, listGrants } from '../services/grants';
import { GrantConnection } from './grant-connection';

@ObjectType({ description: 'The result of awarding a grant.' })
export class GrantPayload {
  @Field(() => Grant, { description: 'The grant as stored.' })
  grant: Grant;
}

@Resolver(() => Grant)
export class GrantResolver {
  @Query(() => Grant, { nullable: true, description: 'One grant by id; null when there is none.' })
  grant(@Arg('id', () => ID, { description: 'The grant\'s id.' }) id: string, @Ctx() ctx: HubContext): Promise<Grant | null> {
    return ctx.loaders.load(grantById, id);
  }

  @Query(() => GrantConnection, { description: 'Grants, filtered and paginated, newest award first.' })
  grants(
    @Arg('filter', () => GrantFilter, { nullable: true, description: 'Conditions the grants must meet.' }) filter: GrantFilter | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listGrants(ctx.em, filter, page);
  }

  @Mutation(() => GrantPayload, { description: 'Records a grant from a funder to a recipient organization (AWARDED unless PROPOSED is asked for).' })
  async awardGrant(@Arg('input', () => AwardGrantInput, { description: 'The grant to record.' }) input: AwardGrantInput, @Ctx() ctx: HubContext): Promise<GrantPayload> {
    return { grant: await awardGrant(ctx.em, ctx.references, input) };
  }

  @FieldResolver(() => Money, { description: 'Amount awarded, exact, in the grant\'s currency.' })
  amountAwarded(@Root() grant: Grant): Money {
    return money(grant.amount, grant.currency);
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
}
