import { Auth, AuthRule, type HubContext, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationProgramme } from '../entities/incubation-programme';
import { CreateIncubationCohortInput } from '../inputs/incubation-cohort.input';
import { IncubationMembershipsArgs } from '../inputs/incubation-membership.input';
import { cohortById, createIncubationCohort } from '../services/incubation-cohorts';
import { membersOfCohort } from '../services/incubation-memberships';
import { programmeById } from '../services/incubation-programmes';
import { IncubationMembershipConnection } from './incubation-membership-connection';
import { incubatorOfProgramme } from '../services/owners';

@ObjectType({ description: 'The result of creating an incubation cohort.' })
export class IncubationCohortPayload {
  @Field(() => IncubationCohort, { description: 'The cohort as saved.' })
  cohort: IncubationCohort;
}

@Resolver(() => IncubationCohort)
export class IncubationCohortResolver {
  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => IncubationCohort, { nullable: true, description: 'One incubation cohort by id; null when there is none.' })
  incubationCohort(@Arg('id', () => ID, { description: "The cohort's id." }) id: string, @Ctx() ctx: HubContext): Promise<IncubationCohort | null> {
    return ctx.loaders.load(cohortById, id);
  }

  @Mutation(() => IncubationCohortPayload, { description: 'Adds a cohort to an incubation programme.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { programmeId: string } }, ctx: HubContext) =>
    incubatorOfProgramme(ctx.em, args.input.programmeId),
  )
  async createIncubationCohort(
    @Arg('input', () => CreateIncubationCohortInput, { description: 'The cohort.' }) input: CreateIncubationCohortInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationCohortPayload> {
    return { cohort: await createIncubationCohort(ctx.em, input) };
  }

  @FieldResolver(() => IncubationProgramme, { description: 'The programme the cohort belongs to.' })
  async programme(@Root() cohort: IncubationCohort, @Ctx() ctx: HubContext): Promise<IncubationProgramme> {
    const programme = await ctx.loaders.load(programmeById, cohort.programme.id);
    if (!programme) throw new Error(`cohort ${cohort.id} points at missing programme ${cohort.programme.id}`);
    return programme;
  }

  @FieldResolver(() => IncubationMembershipConnection, {
    description: 'The organizations of the cohort (applicants, members, graduates, leavers), in the order they applied.',
  })
  members(@Root() cohort: IncubationCohort, @Args(() => IncubationMembershipsArgs) args: IncubationMembershipsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(membersOfCohort, { parentId: cohort.id, args });
  }
}
