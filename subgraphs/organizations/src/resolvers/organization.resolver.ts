import { Auth, AuthRule, ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKey } from '../entities/api-key';
import { Organization } from '../entities/organization';
import { OrganizationMember } from '../entities/organization-member';
import { apiKeysOfOrganization } from '../services/api-keys';
import { membersOfOrganization } from '../services/organization-members';
import { orgIdOf } from '../services/credit-code';
import { CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput } from '../inputs/organization.input';
import { createOrganization, listOrganizations, organizationById, updateOrganization } from '../services/organizations';
import { IncubationMembershipsArgs } from '../inputs/incubation-membership.input';
import { OrganizationRelationsArgs } from '../inputs/organization-relation.input';
import { incubationHistoryOf } from '../services/incubation-memberships';
import { programmesOfIncubator } from '../services/incubation-programmes';
import { relationsOfOrganization } from '../services/organization-relations';
import { registrationHistoryOf } from '../services/registration-history';
import { IncubationMembershipConnection } from './incubation-membership-connection';
import { IncubationProgrammeConnection } from './incubation-programme-connection';
import { OrganizationConnection } from './organization-connection';
import { OrganizationRelationConnection } from './organization-relation-connection';
import { RegistrationChangeConnection } from './registration-change-connection';

@ObjectType({ description: 'The result of creating or updating an organization.' })
export class OrganizationPayload {
  @Field(() => Organization, { description: 'The organization as saved.' })
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

  @Mutation(() => OrganizationPayload, { description: 'Adds an organization to the directory; a signed-in person who adds one becomes its ADMIN member.' })
  @Auth(AuthRule.AUTHENTICATED)
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: HubContext): Promise<OrganizationPayload> {
    return { organization: await createOrganization(ctx.em, input, ctx.identity.kind === 'caller' ? ctx.identity.personId : null) };
  }

  @Mutation(() => OrganizationPayload, { description: 'Changes an organization; fields left out stay as they are.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { id: string }) => ({ organizationIds: [args.id] }))
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationPayload> {
    return { organization: await updateOrganization(ctx.em, id, input) };
  }

  @FieldResolver(() => [OrganizationMember], { nullable: true, description: 'People who may write this organization\'s data on the hub, oldest first; for its own members and hub admins.' })
  @Auth(AuthRule.ORGANIZATION_MEMBER, (organization: Organization) => ({ organizationIds: [organization.id] }))
  members(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return ctx.loaders.load(membersOfOrganization, organization.id);
  }

  @FieldResolver(() => [ApiKey], { nullable: true, description: 'The organization\'s API keys (never the keys themselves), newest first; for its admins and hub admins.' })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (organization: Organization) => ({ organizationIds: [organization.id] }))
  apiKeys(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<ApiKey[]> {
    return ctx.loaders.load(apiKeysOfOrganization, organization.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'org-id.guide identifier, e.g. CN-USCI-<credit code>; used by 360Giving.' })
  orgId(@Root() organization: Organization): string | null {
    return organization.registration.creditCode ? orgIdOf(organization.registration.creditCode) : null;
  }

  @FieldResolver(() => RegistrationChangeConnection, {
    description: 'Every change of the registration, oldest first; the last one is the current `registration`. A step back in status (e.g. deregistration) is only taken with registration.changeReason, kept here.',
  })
  registrationHistory(@Root() organization: Organization, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(registrationHistoryOf, { parentId: organization.id, args });
  }

  @FieldResolver(() => OrganizationRelationConnection, {
    description: 'Relations with other organizations, both ways by default; each edge tells its direction and the organization at the other end.',
  })
  relations(@Root() organization: Organization, @Args(() => OrganizationRelationsArgs) args: OrganizationRelationsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(relationsOfOrganization, { parentId: organization.id, args });
  }

  @FieldResolver(() => IncubationProgrammeConnection, { description: 'The incubation programmes this organization runs (an INCUBATOR), by name.' })
  incubationProgrammes(@Root() organization: Organization, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(programmesOfIncubator, { parentId: organization.id, args });
  }

  @FieldResolver(() => IncubationMembershipConnection, { description: 'The cohorts this organization applied to or was incubated in, oldest first.' })
  incubationHistory(@Root() organization: Organization, @Args(() => IncubationMembershipsArgs) args: IncubationMembershipsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(incubationHistoryOf, { parentId: organization.id, args });
  }
}
