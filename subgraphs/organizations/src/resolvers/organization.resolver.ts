import {
  Auth,
  AuthRule,
  ConnectionArgs,
  FewItems,
  type HubContext,
  ListOrder,
  ORDER_BY_DESCRIPTION,
  UserInputError,
  CACHE_MAX_AGE,
  CacheControl,
} from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKey } from '../entities/api-key';
import { Organization } from '../entities/organization';
import { OrganizationMember } from '../entities/organization-member';
import { apiKeysOfOrganization } from '../services/api-keys';
import { membersOfOrganization } from '../services/organization-members';
import { orgIdsOf } from '../services/org-ids';
import { CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput } from '../inputs/organization.input';
import { createOrganization, listOrganizations, organizationById, organizationByOrgId, updateOrganization } from '../services/organizations';
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
  @Query(() => Organization, {
    nullable: true,
    description: 'One organization by id or by one of its org-id.guide identifiers (exactly one of the two); null when there is none.',
  })
  organization(
    @Arg('id', () => ID, { nullable: true, description: "The organization's id." }) id: string | undefined,
    @Arg('orgId', () => String, { nullable: true, description: 'One of its org-ids: GB-CHC-1164859, 360G-EFF-…, CN-USCI-<credit code>.' })
    orgId: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    if ((id === undefined || id === null) === (orgId === undefined || orgId === null)) {
      throw new UserInputError('give either id or orgId', id === undefined || id === null ? 'id' : 'orgId');
    }
    if (orgId !== undefined && orgId !== null) return organizationByOrgId(ctx.em, orgId);
    return ctx.loaders.load(organizationById, id!);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => OrganizationConnection, { description: 'Organizations, filtered and paginated, ordered by name.' })
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listOrganizations(ctx.em, filter, page, orderBy);
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

  @FieldResolver(() => [OrganizationMember], {
    nullable: true,
    description: "People who may write this organization's data on the hub, oldest first; for its own members and hub admins.",
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (organization: Organization) => ({ organizationIds: [organization.id] }))
  members(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return ctx.loaders.load(membersOfOrganization, organization.id);
  }

  @FieldResolver(() => [ApiKey], {
    nullable: true,
    description: "The organization's API keys (never the keys themselves), newest first; for its admins and hub admins.",
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (organization: Organization) => ({ organizationIds: [organization.id] }))
  apiKeys(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<ApiKey[]> {
    return ctx.loaders.load(apiKeysOfOrganization, organization.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The organization's main org-id.guide identifier, as 360Giving uses it: CN-USCI-<credit code> when it has one, else the first it was published with (GB-CHC-…, 360G-…); null when none.",
  })
  orgId(@Root() organization: Organization): string | null {
    return orgIdsOf(organization)[0] ?? null;
  }

  @FieldResolver(() => [String], {
    description:
      'Every org-id.guide identifier the organization is known by: CN-USCI-<credit code> from its registration, then each one it was published with (GB-CHC-…, GB-COH-…, 360G-…).',
  })
  orgIds(@Root() organization: Organization): string[] {
    return orgIdsOf(organization);
  }

  @FieldResolver(() => RegistrationChangeConnection, {
    description:
      'Every change of the registration, oldest first; the last one is the current `registration`. A step back in status (e.g. deregistration) is only taken with registration.changeReason, kept here.',
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

  @FewItems(5)
  @FieldResolver(() => IncubationProgrammeConnection, { description: 'The incubation programmes this organization runs (an INCUBATOR), by name.' })
  incubationProgrammes(@Root() organization: Organization, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(programmesOfIncubator, { parentId: organization.id, args });
  }

  @FieldResolver(() => IncubationMembershipConnection, { description: 'The cohorts this organization applied to or was incubated in, oldest first.' })
  incubationHistory(@Root() organization: Organization, @Args(() => IncubationMembershipsArgs) args: IncubationMembershipsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(incubationHistoryOf, { parentId: organization.id, args });
  }
}
