import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization';
import { OrganizationRelation } from '../entities/organization-relation';
import { AddOrganizationRelationInput, EndOrganizationRelationInput } from '../inputs/organization-relation.input';
import { addOrganizationRelation, endOrganizationRelation } from '../services/organization-relations';
import { organizationById } from '../services/organizations';
import { OrganizationRelationEdge } from './organization-relation-connection';
import { organizationsOfRelation } from '../services/owners';

@ObjectType({ description: 'The result of adding or ending a relation between organizations.' })
export class OrganizationRelationPayload {
  @Field(() => OrganizationRelation, { description: 'The relation as saved.' })
  relation: OrganizationRelation;
}

async function organizationOf(ctx: HubContext, id: string, holder: string): Promise<Organization> {
  const organization = await ctx.loaders.load(organizationById, id);
  if (!organization) throw new Error(`${holder} points at missing organization ${id}`);
  return organization;
}

@Resolver(() => OrganizationRelation)
export class OrganizationRelationResolver {
  @Mutation(() => OrganizationRelationPayload, {
    description: 'Adds a relation from one organization to another; no self-relation, and no second active relation of the same kind between them (CONFLICT).',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { fromOrganizationId: string } }) => ({ organizationIds: [args.input.fromOrganizationId] }))
  async addOrganizationRelation(
    @Arg('input', () => AddOrganizationRelationInput, { description: 'The relation.' }) input: AddOrganizationRelationInput,
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationRelationPayload> {
    return { relation: await addOrganizationRelation(ctx.em, input) };
  }

  @Mutation(() => OrganizationRelationPayload, { description: 'Ends an active relation; it stays in the history with its end date.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { id: string } }, ctx: HubContext) => organizationsOfRelation(ctx.em, args.input.id))
  async endOrganizationRelation(
    @Arg('input', () => EndOrganizationRelationInput, { description: 'The relation and when it ended.' }) input: EndOrganizationRelationInput,
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationRelationPayload> {
    return { relation: await endOrganizationRelation(ctx.em, input) };
  }

  @FieldResolver(() => Organization, { description: 'The organization the relation starts from.' })
  from(@Root() relation: OrganizationRelation, @Ctx() ctx: HubContext): Promise<Organization> {
    return organizationOf(ctx, relation.fromOrganization.id, `relation ${relation.id}`);
  }

  @FieldResolver(() => Organization, { description: 'The organization the relation points to.' })
  to(@Root() relation: OrganizationRelation, @Ctx() ctx: HubContext): Promise<Organization> {
    return organizationOf(ctx, relation.toOrganization.id, `relation ${relation.id}`);
  }

  @FieldResolver(() => Boolean, { description: 'True while the relation has not ended.' })
  active(@Root() relation: OrganizationRelation): boolean {
    return !relation.endedOn;
  }
}

@Resolver(() => OrganizationRelationEdge)
export class OrganizationRelationEdgeResolver {
  @FieldResolver(() => Organization, { description: 'The organization at the other end of the relation.' })
  relatedOrganization(@Root() edge: OrganizationRelationEdge, @Ctx() ctx: HubContext): Promise<Organization> {
    return organizationOf(ctx, edge.relatedOrganizationId, `relation ${edge.node.id}`);
  }
}
