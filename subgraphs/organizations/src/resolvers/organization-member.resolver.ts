import { Organization } from '../entities/organization';
import { organizationById } from '../services/organizations';
import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { OrganizationMember } from '../entities/organization-member';
import { PersonRef } from '../entities/person-ref';
import { AddOrganizationMemberInput, RemoveOrganizationMemberInput } from '../inputs/organization-member.input';
import { addOrganizationMember, removeOrganizationMember } from '../services/organization-members';

@ObjectType({ description: 'The result of adding a member.' })
export class OrganizationMemberPayload {
  @Field(() => OrganizationMember, { description: 'The membership as saved.' })
  member: OrganizationMember;
}

@ObjectType({ description: 'The result of removing a member.' })
export class RemoveOrganizationMemberPayload {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'The person who is no longer a member.' })
  personId: string;
}

const organizationOfInput = (_source: unknown, args: { input: { organizationId: string } }) => ({ organizationIds: [args.input.organizationId] });

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the person is a member of.' })
  organization(@Root() member: OrganizationMember, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return ctx.loaders.load(organizationById, member.organization.id);
  }

  @FieldResolver(() => PersonRef, { description: 'The member.' })
  person(@Root() member: OrganizationMember): PersonRef {
    return { id: member.personId };
  }

  @Mutation(() => OrganizationMemberPayload, {
    description: 'Makes a person an EDITOR or ADMIN of an organization (or changes their role); its admins or a hub admin only.',
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, organizationOfInput)
  async addOrganizationMember(
    @Arg('input', () => AddOrganizationMemberInput, { description: 'The organization, the person and the role.' }) input: AddOrganizationMemberInput,
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationMemberPayload> {
    return { member: await addOrganizationMember(ctx.em, ctx.references, input) };
  }

  @Mutation(() => RemoveOrganizationMemberPayload, {
    description: 'Removes a member; its admins or a hub admin only. NOT_FOUND when the person is not a member.',
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, organizationOfInput)
  async removeOrganizationMember(
    @Arg('input', () => RemoveOrganizationMemberInput, { description: 'The organization and the person.' }) input: RemoveOrganizationMemberInput,
    @Ctx() ctx: HubContext,
  ): Promise<RemoveOrganizationMemberPayload> {
    await removeOrganizationMember(ctx.em, input);
    return { organizationId: input.organizationId, personId: input.personId };
  }
}
