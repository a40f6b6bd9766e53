import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationMembership } from '../entities/incubation-membership';
import { Organization } from '../entities/organization';
import {
  AdmitToIncubationInput,
  ApplyForIncubationInput,
  GraduateFromIncubationInput,
  WithdrawFromIncubationInput,
} from '../inputs/incubation-membership.input';
import { cohortById } from '../services/incubation-cohorts';
import { admitToIncubation, applyForIncubation, graduateFromIncubation, withdrawFromIncubation } from '../services/incubation-memberships';
import { organizationById } from '../services/organizations';
import { incubatorOfCohort } from '../services/owners';

@ObjectType({ description: 'The result of a change to an incubation membership.' })
export class IncubationMembershipPayload {
  @Field(() => IncubationMembership, { description: 'The membership as saved.' })
  membership: IncubationMembership;
}

@Resolver(() => IncubationMembership)
export class IncubationMembershipResolver {
  @Mutation(() => IncubationMembershipPayload, { description: 'An organization applies to a cohort (APPLIED); once per cohort.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { organizationId: string } }) => ({ organizationIds: [args.input.organizationId] }))
  async applyForIncubation(
    @Arg('input', () => ApplyForIncubationInput, { description: 'The cohort and the organization.' }) input: ApplyForIncubationInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationMembershipPayload> {
    return { membership: await applyForIncubation(ctx.em, input) };
  }

  @Mutation(() => IncubationMembershipPayload, {
    description: 'Admits an organization to a cohort (ACTIVE): an applicant, or directly one that never applied.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { cohortId: string } }, ctx: HubContext) => incubatorOfCohort(ctx.em, args.input.cohortId))
  async admitToIncubation(
    @Arg('input', () => AdmitToIncubationInput, { description: 'The cohort, the organization and what it is given.' }) input: AdmitToIncubationInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationMembershipPayload> {
    return { membership: await admitToIncubation(ctx.em, input) };
  }

  @Mutation(() => IncubationMembershipPayload, {
    description: 'Graduates an ACTIVE member (GRADUATED); an organization that was never admitted cannot graduate (CONFLICT).',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { cohortId: string } }, ctx: HubContext) => incubatorOfCohort(ctx.em, args.input.cohortId))
  async graduateFromIncubation(
    @Arg('input', () => GraduateFromIncubationInput, { description: 'The cohort and the organization.' }) input: GraduateFromIncubationInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationMembershipPayload> {
    return { membership: await graduateFromIncubation(ctx.em, input) };
  }

  @Mutation(() => IncubationMembershipPayload, { description: 'Records that an applicant or an ACTIVE member left the cohort (LEFT).' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, async (_source, args: { input: { cohortId: string; organizationId: string } }, ctx: HubContext) => ({
    organizationIds: [...(await incubatorOfCohort(ctx.em, args.input.cohortId)).organizationIds!, args.input.organizationId],
  }))
  async withdrawFromIncubation(
    @Arg('input', () => WithdrawFromIncubationInput, { description: 'The cohort and the organization.' }) input: WithdrawFromIncubationInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationMembershipPayload> {
    return { membership: await withdrawFromIncubation(ctx.em, input) };
  }

  @FieldResolver(() => Organization, { description: 'The incubated organization.' })
  async organization(@Root() membership: IncubationMembership, @Ctx() ctx: HubContext): Promise<Organization> {
    const organization = await ctx.loaders.load(organizationById, membership.organization.id);
    if (!organization) throw new Error(`membership ${membership.id} points at missing organization ${membership.organization.id}`);
    return organization;
  }

  @FieldResolver(() => IncubationCohort, { description: 'The cohort (and through it the programme and the incubator).' })
  async cohort(@Root() membership: IncubationMembership, @Ctx() ctx: HubContext): Promise<IncubationCohort> {
    const cohort = await ctx.loaders.load(cohortById, membership.cohort.id);
    if (!cohort) throw new Error(`membership ${membership.id} points at missing cohort ${membership.cohort.id}`);
    return cohort;
  }
}
