import { ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization';
import { orgIdOf } from '../services/credit-code';
import { CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput } from '../inputs/organization.input';
import { createOrganization, listOrganizations, organizationById, updateOrganization } from '../services/organizations';
import { OrganizationConnection } from './organization-connection';

@ObjectType({ description: 'The result of creating or updating an organization.' })
export class OrganizationPayload {
  @Field(() => Organization)
  organization: Organization;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization by id; null when there is none.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return ctx.loaders.load(organizationById, id);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, filtered and paginated, ordered by name.' })
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listOrganizations(ctx.em, filter, page);
  }

  @Mutation(() => OrganizationPayload, { description: 'Adds an organization to the directory.' })
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: HubContext): Promise<OrganizationPayload> {
    return { organization: await createOrganization(ctx.em, input) };
  }

  @Mutation(() => OrganizationPayload, { description: 'Changes an organization; fields left out stay as they are.' })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationPayload> {
    return { organization: await updateOrganization(ctx.em, id, input) };
  }

  @FieldResolver(() => String, { nullable: true, description: 'org-id.guide identifier, e.g. CN-USCI-<credit code>; used by 360Giving.' })
  orgId(@Root() organization: Organization): string | null {
    return organization.registration.creditCode ? orgIdOf(organization.registration.creditCode) : null;
  }
}
